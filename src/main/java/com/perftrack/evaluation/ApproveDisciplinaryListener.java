package com.perftrack.evaluation;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of the general manager's {@code Task_ApproveDisciplinary}: approve, or send back to HR with a comment. */
@Component
class ApproveDisciplinaryListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String user = TaskActor.required(task);
        String decision = TaskVariables.required(task, "gmDecision", "请选择：批准或退回 / approve or reject");
        if ("approve".equals(decision)) {
            task.setVariable("gmApprovedBy", user);
        } else if ("reject".equals(decision)) {
            TaskVariables.required(task, "gmComment", "退回须说明理由 / a rejection needs a comment for HR");
            task.removeVariable("gmApprovedBy");
        } else {
            throw new BadUserRequestException("gmDecision must be approve or reject, got '" + decision + "'");
        }
    }
}
