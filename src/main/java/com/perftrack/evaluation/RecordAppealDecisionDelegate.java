package com.perftrack.evaluation;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordAppealDecision}: stores and archives HR's decision. */
@Component
class RecordAppealDecisionDelegate implements JavaDelegate {

    private final AppealService appeals;

    RecordAppealDecisionDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object score = execution.getVariable("correctedScore");
        Object outcome = execution.getVariable("correctedOutcome");
        appeals.decide(((Number) execution.getVariable("appealId")).longValue(),
                (String) execution.getVariable("appealDecision"), (String) execution.getVariable("decisionReason"),
                score == null ? null : new BigDecimal(score.toString()),
                outcome == null || outcome.toString().isBlank() ? null : outcome.toString().trim(),
                (String) execution.getVariable("reviewedBy"));
    }
}
