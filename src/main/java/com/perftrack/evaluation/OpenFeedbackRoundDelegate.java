package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_OpenRound}: one rating (one rater task) per person and rater from the organisation tree. */
@Component
class OpenFeedbackRoundDelegate implements JavaDelegate {

    private final Feedback360Service feedback;

    OpenFeedbackRoundDelegate(Feedback360Service feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RATING_IDS.set(execution, new ArrayList<>(feedback.open(ROUND_ID.present(execution), PERSON_CODES.get(execution))));
    }
}
