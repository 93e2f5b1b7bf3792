package com.perftrack.action;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ReviewSmart}: remembers the reviewer for the review record. */
@Component
class SmartReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariable("reviewedBy", TaskActor.of(task));
    }
}
