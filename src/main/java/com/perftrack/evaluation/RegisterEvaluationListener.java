package com.perftrack.evaluation;

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
            quarter = Quarter.parse((String) execution.getVariable("quarter"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        execution.setVariable("quarter", quarter.toString());
        execution.setVariable("quarterNumber", quarter.number());
        execution.setProcessBusinessKey(quarter.toString());
        // one instance per company: the given company, else the one the engine gave the instance (the
        // starter's single company, or the installation's); without tenants (engine tests) every company
        Object given = execution.getVariable("companyCode");
        String company = given != null && !given.toString().isBlank() ? given.toString().trim() : execution.getTenantId();
        if (company != null) {
            execution.setVariable("companyCode", company);
        }
        evaluations.registerRun(quarter, company, execution.getProcessInstanceId());
    }
}
