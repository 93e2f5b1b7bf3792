package com.perftrack.evaluation;

import static com.perftrack.evaluation.ImprovementPlanVariables.*;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A confirmed WARNING starts the person's {@code improvement-plan} (business key {@code quarter:personCode}),
 * in the publishing transaction: a failed start rolls the publication back into a retry, and a repeated
 * publication of the same quarter finds the plan and starts nothing.
 */
@Component
class ImprovementPlanStarter {

    static final String PROCESS_KEY = "improvement-plan";

    private final ImprovementPlanService plans;
    private final RuntimeService runtime;

    ImprovementPlanStarter(ImprovementPlanService plans, RuntimeService runtime) {
        this.plans = plans;
        this.runtime = runtime;
    }

    @EventListener
    void on(WarningConfirmed warning) {
        var opened = plans.open(warning.quarter(), warning.personCode(), warning.companyCode());
        if (!opened.created()) {
            return;
        }
        var variables = Variables.createVariables();
        variables.putValue(QUARTER.name(), warning.quarter().toString());
        variables.putValue(PERSON_CODE.name(), warning.personCode());
        variables.putValue(PLAN_ID.name(), opened.planId());
        // the person's company is the instance's tenant: its people see their tasks (CompanyTenantIdProvider)
        if (warning.companyCode() != null) {
            variables.putValue("companyCode", warning.companyCode());
        }
        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, warning.quarter() + ":" + warning.personCode(),
                variables);
        plans.assign(opened.planId(), instance.getId());
    }
}
