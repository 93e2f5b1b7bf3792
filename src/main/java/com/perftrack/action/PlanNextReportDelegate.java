package com.perftrack.action;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PlanNextReport}: the next ten-day (旬) report date after the one just
 * planned ({@code nextReportDate}; none yet: the first), from the day the action opened and its
 * deadline ({@link TenDayDates#next}). The dates go on past the deadline: the loop ends only when
 * the meeting's outcome message interrupts the action.
 */
@Component
class PlanNextReportDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate opened = LocalDate.parse((String) execution.getVariable("actionOpenedOn"));
        LocalDate deadline = LocalDate.parse((String) execution.getVariable("reportDeadline"));
        Object last = execution.getVariable("nextReportDate");
        LocalDate after = last == null || last.toString().isBlank() ? null : LocalDate.parse(last.toString());
        execution.setVariable("nextReportDate", TenDayDates.next(opened, deadline, after).toString());
    }
}
