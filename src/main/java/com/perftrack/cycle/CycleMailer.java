package com.perftrack.cycle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the cycle's reminders and escalations to the members of Camunda groups. Called from
 * asynchronous service tasks: when the SMTP server is down the exception makes the job retry
 * and, in the end, an incident in Cockpit — the notice is never silently lost.
 */
@Component
class CycleMailer {

    private static final Logger log = LoggerFactory.getLogger(CycleMailer.class);

    private final JavaMailSender mailSender;
    private final IdentityService identityService;
    private final String from;

    CycleMailer(JavaMailSender mailSender, IdentityService identityService,
            @Value("${ptc.mail.from:performance-tracking@localhost}") String from) {
        this.mailSender = mailSender;
        this.identityService = identityService;
        this.from = from;
    }

    /**
     * For notes typed by a person: mailed once their transaction has committed, best effort (the
     * note itself is kept in the task's history, so a mail failure loses nothing).
     */
    void sendAfterCommit(List<String> groupIds, String subject, String body) {
        Runnable send = () -> {
            try {
                sendToGroups(groupIds, subject, body);
            } catch (RuntimeException e) {
                log.warn("Mail '{}' to {} failed: {}", subject, groupIds, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** @return the addresses written to (none when no member of the groups has an e-mail address) */
    List<String> sendToGroups(List<String> groupIds, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        for (String group : groupIds) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).listPage(0, 500)) {
                if (user.getEmail() != null && !user.getEmail().isBlank()) {
                    to.add(user.getEmail());
                }
            }
        }
        if (to.isEmpty()) {
            log.warn("No e-mail address in groups {}: '{}' not mailed (it still shows in Tasklist)", groupIds, subject);
            return List.of();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
        return List.copyOf(to);
    }
}
