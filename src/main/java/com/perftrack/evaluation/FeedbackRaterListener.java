package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of one rating ({@code SubProcess_Ratings}, per ratingId): its rater becomes the task's assignee. */
@Component
class FeedbackRaterListener implements ExecutionListener {

    private final Feedback360Service feedback;

    FeedbackRaterListener(Feedback360Service feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RATER_USER_ID.setLocal(execution, feedback.task(RATING_ID.present(execution)).raterUserId());
    }
}
