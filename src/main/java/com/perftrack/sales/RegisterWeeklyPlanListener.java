package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import com.perftrack.calendar.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code weekly-sales-plan}, inside the starting transaction: fixes the week (none given: the current
 * one; at most next week), the company (the instance's tenant, else {@code companyCode}), registers the week
 * once per company (a second start is refused with a sentence, 409 through REST) and sets when plans fall due.
 */
@Component
class RegisterWeeklyPlanListener implements ExecutionListener {

    private final WeeklySalesPlanService service;
    private final WeeklySalesSchedule schedule;
    private final BusinessCalendar calendar;

    RegisterWeeklyPlanListener(WeeklySalesPlanService service, WeeklySalesSchedule schedule, BusinessCalendar calendar) {
        this.service = service;
        this.schedule = schedule;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        SalesWeek current = SalesWeek.of(calendar.today());
        SalesWeek week;
        try {
            String given = WEEK.get(execution);
            week = given == null ? current : SalesWeek.parse(given);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        if (week.monday().isAfter(current.monday().plusDays(7))) {
            throw new BadUserRequestException("周 " + week + " 太远：最多可开启下周（" + SalesWeek.of(current.monday().plusDays(7))
                    + "）/ week " + week + " lies too far ahead: at most next week");
        }
        String company = execution.getTenantId() != null ? execution.getTenantId() : COMPANY_CODE.get(execution);
        if (company == null) {
            throw new BadUserRequestException("请给出公司代码 companyCode / the company code is required");
        }
        service.register(company, week, execution.getProcessInstanceId());
        WEEK.set(execution, week.toString());
        COMPANY_CODE.set(execution, company);
        PREVIOUS_WEEK.set(execution, week.previous().toString());
        WEEK_DATES.set(execution, week.monday() + " 至 " + week.sunday());
        var deadlines = schedule.deadlines(week, calendar.nowZoned(), calendar.zone());
        PLAN_DUE_AT.set(execution, Date.from(deadlines.due().toInstant()));
        PLAN_ESCALATION_AT.set(execution, Date.from(deadlines.escalation().toInstant()));
        PLAN_DUE_TEXT.set(execution, deadlines.due().toLocalDateTime().toString().replace('T', ' '));
        execution.setProcessBusinessKey(week.toString());
    }
}
