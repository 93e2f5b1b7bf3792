package com.perftrack.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one notification service: mails a Camunda user or the members of Camunda groups (their
 * e-mail addresses in the identity service). Called from asynchronous service tasks: a failing
 * SMTP server throws, so the job retries and in the end raises an incident in Cockpit — a notice
 * is never silently lost. Nobody with an address is not an error: the notice still shows in
 * Tasklist, and a warning is logged.
 * <p>
 * The sender is {@code ptc.mail.from} unless the caller names its own (improvement actions keep
 * {@code ptc.action.mail-from}).
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** Members are read page by page, so a large group stays under the engine's query limit. */
    private static final int PAGE = 500;

    private final JavaMailSender mailSender;
    private final IdentityService identityService;
    private final String from;

    public Notifier(JavaMailSender mailSender, IdentityService identityService,
            @Value("${ptc.mail.from:performance-tracking@localhost}") String from) {
        this.mailSender = mailSender;
        this.identityService = identityService;
        this.from = from;
    }

    /** @return the addresses written to (none when no member of the groups has an e-mail address) */
    public List<String> toGroups(Collection<String> groupIds, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        for (String group : groupIds) {
            addMembers(group, to);
        }
        return send(from, to, groupIds.toString(), subject, body);
    }

    /**
     * The user's address; only when they have none, the group's members.
     *
     * @return the addresses written to (none when nobody has an e-mail address)
     */
    public List<String> toUserElseGroup(String sender, String userId, String groupId, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        if (present(userId)) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && present(user.getEmail())) {
                to.add(user.getEmail());
            }
        }
        if (to.isEmpty() && present(groupId)) {
            addMembers(groupId, to);
        }
        return send(sender, to, "user '" + userId + "' or group '" + groupId + "'", subject, body);
    }

    /**
     * For notes typed by a person: mailed to the groups once their transaction has committed, best
     * effort (the note itself is kept in the task's history, so a mail failure loses nothing).
     */
    public void toGroupsAfterCommit(Collection<String> groupIds, String subject, String body) {
        Runnable send = () -> {
            try {
                toGroups(groupIds, subject, body);
            } catch (RuntimeException e) {
                log.warn("Mail '{}' to {} failed: {}", subject, groupIds, e.getMessage());
            }
        };
        afterCommit(send);
    }

    /**
     * An announcement to everybody of a company (the members of its tenant with an e-mail address), once
     * the transaction has committed, best effort: what it announces is stored whether or not it is mailed.
     */
    public void toCompanyAfterCommit(String companyCode, String subject, String body) {
        Runnable send = () -> {
            try {
                Set<String> to = new LinkedHashSet<>();
                for (int first = 0;; first += PAGE) {
                    List<User> members = identityService.createUserQuery().memberOfTenant(companyCode).orderByUserId()
                            .asc().listPage(first, PAGE);
                    members.stream().map(User::getEmail).filter(Notifier::present).forEach(to::add);
                    if (members.size() < PAGE) {
                        break;
                    }
                }
                send(from, to, "company " + companyCode, subject, body);
            } catch (RuntimeException e) {
                log.warn("Mail '{}' to company {} failed: {}", subject, companyCode, e.getMessage());
            }
        };
        afterCommit(send);
    }

    /** Runs once the current transaction has committed; at once without one. */
    private static void afterCommit(Runnable send) {
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

    private void addMembers(String groupId, Set<String> to) {
        for (int first = 0;; first += PAGE) {
            List<User> members = identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
                    .listPage(first, PAGE);
            for (User member : members) {
                if (present(member.getEmail())) {
                    to.add(member.getEmail());
                }
            }
            if (members.size() < PAGE) {
                return;
            }
        }
    }

    private List<String> send(String sender, Set<String> to, String recipients, String subject, String body) {
        if (to.isEmpty()) {
            log.warn("No e-mail address for {}: '{}' not mailed (it still shows in Tasklist)", recipients, subject);
            return List.of();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(sender == null || sender.isBlank() ? from : sender);
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

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
