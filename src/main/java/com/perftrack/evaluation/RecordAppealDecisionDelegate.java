package com.perftrack.evaluation;

import static com.perftrack.evaluation.AppealVariables.*;
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
        appeals.decide(APPEAL_ID.present(execution), APPEAL_DECISION.present(execution), DECISION_REASON.get(execution),
                CORRECTED_SCORE.get(execution), CORRECTED_OUTCOME.get(execution), REVIEWED_BY.get(execution));
    }
}
