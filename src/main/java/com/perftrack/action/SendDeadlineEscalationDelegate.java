package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.notification.Notifier;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendDeadlineEscalation}: the deadline has passed and no meeting has
 * recorded an outcome. E-mails the secretary-general and sets when to escalate again
 * ({@code outcomeOverdueAt}), so an action without a verdict keeps coming back.
 */
@Component
class SendDeadlineEscalationDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final BusinessCalendar calendar;
    private final ActionSettings settings;

    SendDeadlineEscalationDelegate(Notifier notifier, BusinessCalendar calendar, ActionSettings settings) {
        this.notifier = notifier;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object rounds = execution.getVariable("deadlineEscalations");
        int round = rounds == null ? 1 : ((Number) rounds).intValue() + 1;
        String text = "改进行动 #" + execution.getVariable("actionId") + "「" + execution.getVariable("item") + "」（"
                + execution.getVariable("responsibleDepartment") + "）已过期限 " + execution.getVariable("actionDeadline")
                + "，尚无委员会评价结果（第 " + round + " 次提醒）。\nImprovement action #" + execution.getVariable("actionId")
                + " passed its deadline " + execution.getVariable("actionDeadline") + " without an outcome (notice "
                + round + ").";
        notifier.toUserElseGroup(settings.mailFrom(), null, SendReportEscalationDelegate.followUpGroup(execution),
                "【升级】改进行动逾期未评价 Action overdue without outcome: " + execution.getVariable("item"), text);
        execution.setVariable("deadlineEscalations", round);
        execution.setVariable("outcomeOverdueAt",
                Date.from(calendar.nowZoned().plusDays(settings.reEscalationDays()).toInstant()));
    }
}
