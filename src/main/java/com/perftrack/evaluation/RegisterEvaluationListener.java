package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of {@code quarterly-evaluation}: validates {@code quarter}, makes it the business key, one run per quarter. */
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
        evaluations.registerRun(quarter, execution.getProcessInstanceId());
    }
}
