package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_FileWeeklyPlan}: the targets and visits are checked and stored, or refused by name. */
@Component
class FileWeeklyPlanListener implements TaskListener {

    private final WeeklySalesPlanService service;

    FileWeeklyPlanListener(WeeklySalesPlanService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        service.file(PLAN_ID.present(task), TARGET_SALES_AMOUNT.get(task), TARGET_NEW_CUSTOMERS.get(task),
                VISIT_PLAN.get(task), PLAN_COMMENT.get(task), TaskActor.required(task));
    }
}
