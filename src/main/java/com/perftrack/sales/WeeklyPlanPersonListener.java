package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of one sales person's plan ({@code SubProcess_Plans}, per planId): the person becomes the task's assignee. */
@Component
class WeeklyPlanPersonListener implements ExecutionListener {

    private final WeeklySalesPlanService service;

    WeeklyPlanPersonListener(WeeklySalesPlanService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        SalesPlan plan = service.plan(PLAN_ID.present(execution));
        SALES_PERSON_USER_ID.setLocal(execution, plan.userId());
        PERSON_NAME.setLocal(execution, service.personName(plan.personCode()));
    }
}
