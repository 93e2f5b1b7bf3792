package com.perftrack.evaluation;

import static com.perftrack.evaluation.CoachingVariables.*;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_RecordCoachingTalk}: the manager's record of the talk, checked and archived. */
@Component
class CoachingTalkListener implements TaskListener {

    private final CoachingService coaching;

    CoachingTalkListener(CoachingService coaching) {
        this.coaching = coaching;
    }

    @Override
    public void notify(DelegateTask task) {
        coaching.record(TALK_ID.present(task), STRENGTHS.get(task), GAPS.get(task), SUPPORT.get(task),
                NEXT_CHECK_DATE.get(task), TaskActor.required(task));
    }
}
