package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.WEEKS_OPENED;

import com.perftrack.calendar.BusinessCalendar;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenWeeklySalesPlans} of {@code weekly-sales-plan-scheduler}: this week's plan for
 * every company with sales persons; a week someone has already opened by hand is left alone.
 */
@Component
class OpenWeeklySalesPlansDelegate implements JavaDelegate {

    private final WeeklySalesPlanService service;
    private final RuntimeService runtime;
    private final BusinessCalendar calendar;

    OpenWeeklySalesPlansDelegate(WeeklySalesPlanService service, RuntimeService runtime, BusinessCalendar calendar) {
        this.service = service;
        this.runtime = runtime;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SalesWeek week = SalesWeek.of(calendar.today());
        int opened = 0;
        for (String company : service.companiesWithSalesPersons()) {
            if (!service.weekOpen(company, week)) {
                runtime.startProcessInstanceByKey(WeeklySalesPlanService.PROCESS_KEY, week.toString(),
                        Map.of("week", week.toString(), "companyCode", company));
                opened++;
            }
        }
        WEEKS_OPENED.set(execution, opened);
    }
}
