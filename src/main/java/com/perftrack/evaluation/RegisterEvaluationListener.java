package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code quarterly-evaluation}: validates {@code quarter}, makes it the business key, fixes
 * the company ({@code companyCode}); one run per company and quarter.
 */
@Component
class RegisterEvaluationListener implements ExecutionListener {

    private final EvaluationService evaluations;

    RegisterEvaluationListener(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Quarter quarter;
        try {
            quarter = QUARTER.required(execution, "请填写考核季度（如 2026-Q1）/ the quarter (e.g. 2026-Q1) is required");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        QUARTER.set(execution, quarter);
        QUARTER_NUMBER.set(execution, quarter.number());
        execution.setProcessBusinessKey(quarter.toString());
        // one instance per company: the given company, else the one the engine gave the instance (the
        // starter's single company, or the installation's); without tenants (engine tests) every company
        String company = COMPANY_CODE.getOr(execution, execution.getTenantId());
        if (company != null) {
            COMPANY_CODE.set(execution, company);
        }
        evaluations.registerRun(quarter, company, execution.getProcessInstanceId());
    }
}
