package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_OpenWeeklyPlans}: one plan per sales person of the company, and who holds the meeting. */
@Component
class OpenWeeklyPlansDelegate implements JavaDelegate {

    private final WeeklySalesPlanService service;

    OpenWeeklyPlansDelegate(WeeklySalesPlanService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = COMPANY_CODE.present(execution);
        SalesWeek week = SalesWeek.parse(WEEK.present(execution));
        PLAN_IDS.set(execution, new ArrayList<>(service.openPlans(company, week)));
        // no head in the organisation file: the task goes to the sales group alone
        SALES_HEAD_USER_ID.set(execution, service.salesHead(company).orElse(null));
    }
}
