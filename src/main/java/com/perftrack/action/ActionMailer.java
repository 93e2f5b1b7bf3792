package com.perftrack.action;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the action's reminders and escalations. Recipients are Camunda users (their e-mail) or all
 * members of a group. A failing SMTP server throws, so the calling job retries and finally raises
 * an incident; the Tasklist side of the reminder has already happened or happens on retry.
 */
@Component
class ActionMailer {

    private static final Logger log = LoggerFactory.getLogger(ActionMailer.class);

    private final JavaMailSender mailSender;
    private final IdentityService identityService;
    private final ActionSettings settings;

    ActionMailer(JavaMailSender mailSender, IdentityService identityService, ActionSettings settings) {
        this.mailSender = mailSender;
        this.identityService = identityService;
        this.settings = settings;
    }

    /** @return the addresses written to (empty when nobody has an e-mail address) */
    List<String> send(String userId, String groupId, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        if (userId != null && !userId.isBlank()) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                to.add(user.getEmail());
            }
        }
        if (to.isEmpty() && groupId != null && !groupId.isBlank()) {
            for (User member : identityService.createUserQuery().memberOfGroup(groupId).list()) {
                if (member.getEmail() != null && !member.getEmail().isBlank()) {
                    to.add(member.getEmail());
                }
            }
        }
        if (to.isEmpty()) {
            log.warn("No e-mail address for user '{}' or group '{}': '{}' is shown in Tasklist only", userId, groupId,
                    subject);
            return List.of();
        }
        var message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            mailSender.send(message);
        } catch (MailException e) {
            throw new IllegalStateException("邮件发送失败 / mail to " + to + " failed: " + e.getMessage(), e);
        }
        return List.copyOf(to);
    }
}
