package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Rate}: on create the task shows whom its rater ({@code raterUserId}) rates and as what; on
 * complete the four scores (whole numbers 1..5) and the comment are stored, anything else is refused.
 */
@Component
class FeedbackRatingListener implements TaskListener {

    private final Feedback360Service feedback;

    FeedbackRatingListener(Feedback360Service feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateTask task) {
        long ratingId = RATING_ID.present(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            var rating = feedback.task(ratingId);
            task.setName("360度反馈评分：" + rating.personName() + "（" + rating.raterTypeLabel() + "）360° feedback");
            RATED_PERSON_NAME.setLocal(task, rating.personName());
            RATER_TYPE_LABEL.setLocal(task, rating.raterTypeLabel());
            return;
        }
        feedback.rate(ratingId, SCORE_DUTY.get(task), SCORE_GOALS.get(task), SCORE_TEAMWORK.get(task),
                SCORE_CONTRIBUTION.get(task), RATING_COMMENT.get(task), TaskActor.required(task));
    }
}
