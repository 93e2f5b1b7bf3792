package com.perftrack.evaluation;

import static com.perftrack.evaluation.ImprovementPlanVariables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Service task {@code Task_OpenPlan}: who agrees and assesses (the department head) and who checks in (the person). */
@Component
class OpenPlanDelegate implements JavaDelegate {

    private final ImprovementPlanService plans;

    OpenPlanDelegate(ImprovementPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = PLAN_ID.present(execution);
        var participants = plans.participants(planId);
        MANAGER_USER_ID.set(execution, participants.managerUserId());
        PERSON_USER_ID.set(execution, participants.personUserId());
        PERSON_NAME.set(execution, participants.personName());
        execution.setVariable(HISTORY_TABLE, Spin.JSON(plans.history(java.util.List.of(PERSON_CODE.present(execution)))));
    }
}
