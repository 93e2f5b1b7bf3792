package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ActivateAction}: the SMART-compliant action opens today. Sets what the
 * ten-day report loop needs ({@code actionOpenedOn}, {@code reportDeadline}; the dates themselves
 * come one at a time from {@code Task_PlanNextReport}), who files the reports ({@code
 * reporterUserId}, the responsible person) and when a missing outcome escalates ({@code
 * outcomeOverdueAt}, the deadline plus the grace days).
 */
@Component
class ActivateActionDelegate implements JavaDelegate {

    private final ActionRepository repository;
    private final BusinessCalendar calendar;
    private final ActionSettings settings;
    private final TenDayReportSchedule schedule;

    ActivateActionDelegate(ActionRepository repository, BusinessCalendar calendar, ActionSettings settings,
            TenDayReportSchedule schedule) {
        this.repository = repository;
        this.calendar = calendar;
        this.settings = settings;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long actionId = ((Number) execution.getVariable("actionId")).longValue();
        ActionView action = repository.find(actionId).orElseThrow();
        LocalDate today = calendar.today();
        // a review that outlasted the deadline still gets a report, due today
        LocalDate deadline = action.deadline().isBefore(today) ? today : action.deadline();
        repository.open(actionId, today);
        execution.setVariable("actionOpenedOn", today.toString());
        execution.setVariable("reportDeadline", deadline.toString());
        execution.setVariable("nextReportDate", null);
        // the responsible person files the reports; without one, the author (the manager) or the group
        String reporter = action.responsiblePerson() != null && !action.responsiblePerson().isBlank()
                ? action.responsiblePerson() : action.authorUserId();
        execution.setVariable("reporterUserId", reporter);
        execution.setVariable("actionDeadline", action.deadline().toString());
        execution.setVariable("outcomeOverdueAt", schedule.at(deadline.plusDays(settings.outcomeGraceDays())));
    }
}
