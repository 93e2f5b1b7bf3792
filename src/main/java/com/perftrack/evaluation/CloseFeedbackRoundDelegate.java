package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CloseRound}: the means become {@code FEEDBACK_360} and the archive's entries. */
@Component
class CloseFeedbackRoundDelegate implements JavaDelegate {

    private final Feedback360Service feedback;

    CloseFeedbackRoundDelegate(Feedback360Service feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("ratedPersons", feedback.close(ROUND_ID.present(execution)).size());
    }
}
