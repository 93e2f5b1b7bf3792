package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code Task_RecordActionResult} accepts (issue 13): "in progress" only before the deadline,
 * "not improved" with why and the committee's decision (reissue with a new deadline, the default,
 * or close with a reason), each refusal one sentence, nothing recorded then.
 */
class ActionResultListenerTest {

    final ActionService actions = mock(ActionService.class);
    final ActionJudges judges = mock(ActionJudges.class);
    final ActionResultListener listener = new ActionResultListener(actions, judges);
    final DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);

    @BeforeEach
    void anOpenSalesAction() {
        when(task.getVariable("followUpActionId")).thenReturn(7L);
        when(task.getVariable("period")).thenReturn("2028-02");
        when(task.getAssignee()).thenReturn("marketing.head");
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
        when(judges.mayJudge(any(), anyString())).thenReturn(true);
        action(false);
    }

    @Test
    void in_progress_before_the_deadline_records_nothing() {
        form(Map.of("actionOutcome", "IN_PROGRESS"));
        listener.notify(task);
        verify(actions, never()).recordOutcome(any(Long.class), any(), any(), any(), any());
        verify(actions, never()).recordOutcome(any(Long.class), any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void in_progress_after_the_deadline_is_refused() {
        action(true);
        form(Map.of("actionOutcome", "IN_PROGRESS"));
        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("已过期限 2028-02-15").hasMessageContaining("improved or not improved");
    }

    @Test
    void not_improved_passes_why_and_the_decision_with_its_date_or_reason() {
        form(Map.of("actionOutcome", "NOT_IMPROVED", "actionOutcomeNote", " 拜访未落实 ", "notImprovedDecision", "REISSUE",
                "reissueDeadline", "2028-04-30"));
        listener.notify(task);
        verify(actions).recordOutcome(7L, "NOT_IMPROVED", "拜访未落实", "2028-02", "marketing.head", "REISSUE",
                LocalDate.of(2028, 4, 30), null);

        form(Map.of("actionOutcome", "NOT_IMPROVED", "actionOutcomeNote", "市场萎缩", "notImprovedDecision", "CLOSE",
                "closeReason", "外部原因"));
        listener.notify(task);
        verify(actions).recordOutcome(7L, "NOT_IMPROVED", "市场萎缩", "2028-02", "marketing.head", "CLOSE", null, "外部原因");
    }

    @Test
    void not_improved_without_why_or_with_a_bad_date_or_a_refused_decision_is_one_sentence() {
        form(Map.of("actionOutcome", "NOT_IMPROVED"));
        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("未改善须写明原因 / record why it did not improve");

        form(Map.of("actionOutcome", "NOT_IMPROVED", "actionOutcomeNote", "未落实", "reissueDeadline", "下个月"));
        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("新期限不是日期");

        doThrow(new IllegalArgumentException("关闭未改善的问题须写明委员会的理由 / closing ... needs the committee's reason"))
                .when(actions).recordOutcome(7L, "NOT_IMPROVED", "未落实", "2028-02", "marketing.head", "CLOSE", null, null);
        form(Map.of("actionOutcome", "NOT_IMPROVED", "actionOutcomeNote", "未落实", "notImprovedDecision", "CLOSE"));
        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("关闭未改善的问题须写明委员会的理由");
    }

    @Test
    void a_new_result_task_defaults_to_reissue_at_the_end_of_next_month() {
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
        when(actions.defaultReissueDeadline()).thenReturn(LocalDate.of(2028, 4, 30));
        DelegateExecution execution = mock(DelegateExecution.class);
        when(task.getExecution()).thenReturn(execution);
        listener.notify(task);
        verify(execution).setVariableLocal("notImprovedDecision", "REISSUE");
        verify(execution).setVariableLocal("reissueDeadline", "2028-04-30");
        verify(execution).setVariableLocal("actionOutcome", null);
    }

    private void action(boolean overdue) {
        ActionView open = new ActionView(7L, 3L, "ACME", "2028-01", "华东区销售额回升", "sales", false, "sales.head",
                "sales", "sales.head", "sales1", LocalDate.of(2028, 2, 15), "SALES_AMOUNT 提升 15%", "每周拜访",
                ActionView.OPEN, 1, LocalDate.of(2028, 2, 5), null, null, null, null, null, null, "pi-7", 1, null, null,
                null, null, overdue, ActionView.stateOf(ActionView.OPEN, null, null, overdue));
        when(actions.action(7L)).thenReturn(Optional.of(open));
    }

    private void form(Map<String, Object> values) {
        for (String key : new String[] {"actionOutcome", "actionOutcomeNote", "notImprovedDecision", "reissueDeadline",
                "closeReason"}) {
            when(task.getVariable(key)).thenReturn(values.get(key));
        }
    }
}
