package com.perftrack.evaluation;

import static com.perftrack.evaluation.AppealVariables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecomputeOutcomes}: the quarter is recomputed for everyone the change affects. */
@Component
class RecomputeOutcomesDelegate implements JavaDelegate {

    private final AppealService appeals;

    RecomputeOutcomesDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var changed = appeals.recompute(APPEAL_ID.present(execution));
        CHANGED_PERSONS.set(execution, String.join(",", changed));
    }
}
