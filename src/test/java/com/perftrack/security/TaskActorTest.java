package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The one "who acted" rule: signed-in user first, then the assignee; blank ids count as none. */
class TaskActorTest {

    private static DelegateTask task(String signedIn, String assignee) {
        DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
        when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(signedIn == null ? null : new Authentication(signedIn, List.of()));
        when(task.getAssignee()).thenReturn(assignee);
        when(task.getName()).thenReturn("确认考核结果");
        when(task.getTaskDefinitionKey()).thenReturn("Task_Confirm");
        return task;
    }

    @Test
    void theSignedInUserActsEvenOnATaskAssignedToSomeoneElse() {
        assertThat(TaskActor.of(task("hr.li", "gm.wang"))).isEqualTo("hr.li");
        assertThat(TaskActor.required(task("hr.li", "gm.wang"))).isEqualTo("hr.li");
    }

    @Test
    void withoutASignedInUserTheAssigneeActs() {
        assertThat(TaskActor.of(task(null, "gm.wang"))).isEqualTo("gm.wang");
        assertThat(TaskActor.of(task(" ", "gm.wang"))).isEqualTo("gm.wang");
        assertThat(TaskActor.required(task(null, "gm.wang"))).isEqualTo("gm.wang");
    }

    @Test
    void withNobodyOfRecordsNoneAndRequiredRefusesInChineseAndEnglish() {
        assertThat(TaskActor.of(task(null, null))).isNull();
        assertThat(TaskActor.of(task(null, "  "))).isNull();
        assertThatThrownBy(() -> TaskActor.required(task(null, " ")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("任务 '确认考核结果' 必须由登录用户完成 / task 'Task_Confirm' must be completed by a signed-in user");
    }
}
