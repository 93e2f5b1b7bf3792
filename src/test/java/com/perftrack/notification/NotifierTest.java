package com.perftrack.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The one notification service: who gets a notice, from whom, and what a failing server does. */
class NotifierTest {

    final JavaMailSender mail = mock(JavaMailSender.class);
    final IdentityService identity = mock(IdentityService.class);
    final Map<String, List<User>> groups = new HashMap<>();
    final Map<String, User> users = new HashMap<>();
    final Notifier notifier = new Notifier(mail, identity, "ptc@test.example");

    NotifierTest() {
        // each query is a fresh mock that answers from the maps above
        when(identity.createUserQuery()).thenAnswer(invocation -> {
            UserQuery query = mock(UserQuery.class, RETURNS_SELF);
            String[] filter = new String[2];
            when(query.memberOfGroup(any())).thenAnswer(i -> {
                filter[0] = i.getArgument(0);
                return query;
            });
            when(query.userId(any())).thenAnswer(i -> {
                filter[1] = i.getArgument(0);
                return query;
            });
            when(query.listPage(anyInt(), anyInt())).thenAnswer(i -> {
                List<User> members = groups.getOrDefault(filter[0], List.of());
                int first = Math.min(i.getArgument(0), members.size());
                return members.subList(first, Math.min(first + (int) i.getArgument(1), members.size()));
            });
            when(query.singleResult()).thenAnswer(i -> users.get(filter[1]));
            return query;
        });
    }

    User user(String id, String email) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(id);
        when(user.getEmail()).thenReturn(email);
        users.put(id, user);
        return user;
    }

    SimpleMailMessage sent() {
        ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail).send(message.capture());
        return message.getValue();
    }

    @Test
    void groupsAreMailedOnceFromTheDefaultSenderAndMembersWithoutAddressAreSkipped() {
        groups.put("sales", List.of(user("s1", "s1@test.example"), user("s2", " ")));
        groups.put("hr", List.of(user("h1", "h1@test.example"), user("s1", "s1@test.example")));

        assertThat(notifier.toGroups(List.of("sales", "hr"), "提醒 Reminder", "正文"))
                .containsExactly("s1@test.example", "h1@test.example");
        SimpleMailMessage message = sent();
        assertThat(message.getFrom()).isEqualTo("ptc@test.example");
        assertThat(message.getTo()).containsExactly("s1@test.example", "h1@test.example");
        assertThat(message.getSubject()).isEqualTo("提醒 Reminder");
        assertThat(message.getText()).isEqualTo("正文");
    }

    @Test
    void everyMemberOfALargeGroupIsMailed() {
        List<User> members = new ArrayList<>();
        IntStream.range(0, 1001).forEach(i -> members.add(user("u" + i, "u" + i + "@test.example")));
        groups.put("all", members);

        assertThat(notifier.toGroups(List.of("all"), "s", "b")).hasSize(1001);
    }

    @Test
    void aUserIsMailedFromTheCallersSenderAndTheGroupOnlyWhenTheUserHasNoAddress() {
        user("author", "author@test.example");
        user("silent", null);
        groups.put("sales", List.of(user("s1", "s1@test.example")));

        assertThat(notifier.toUserElseGroup("actions@test.example", "author", "sales", "s", "b"))
                .containsExactly("author@test.example");
        assertThat(sent().getFrom()).isEqualTo("actions@test.example");
        assertThat(notifier.toUserElseGroup("actions@test.example", "silent", "sales", "s", "b"))
                .containsExactly("s1@test.example");
        assertThat(notifier.toUserElseGroup("actions@test.example", null, "sales", "s", "b"))
                .containsExactly("s1@test.example");
    }

    @Test
    void nobodyWithAnAddressSendsNothing() {
        groups.put("empty", List.of(user("x", "")));

        assertThat(notifier.toGroups(List.of("empty", "unknown"), "s", "b")).isEmpty();
        assertThat(notifier.toUserElseGroup("a@test.example", "nobody", null, "s", "b")).isEmpty();
        verify(mail, never()).send(any(SimpleMailMessage.class));
    }

    @Test
    void aFailingServerThrowsSoTheJobRetriesButAfterCommitNotesOnlyLogIt() {
        groups.put("sales", List.of(user("s1", "s1@test.example")));
        doThrow(new MailSendException("connection refused")).when(mail).send(any(SimpleMailMessage.class));

        assertThatThrownBy(() -> notifier.toGroups(List.of("sales"), "s", "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("邮件发送失败 / mail to [s1@test.example] failed");
        notifier.toGroupsAfterCommit(List.of("sales"), "s", "b"); // no transaction: sent at once, failure logged
        verify(mail, times(2)).send(any(SimpleMailMessage.class));
    }
}
