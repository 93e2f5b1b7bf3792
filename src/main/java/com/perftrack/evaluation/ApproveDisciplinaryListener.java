package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
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
        String decision = GM_DECISION.required(task, "请选择：批准或退回 / approve or reject");
        if ("approve".equals(decision)) {
            GM_APPROVED_BY.set(task, user);
        } else if ("reject".equals(decision)) {
            GM_COMMENT.required(task, "退回须说明理由 / a rejection needs a comment for HR");
            task.removeVariable(GM_APPROVED_BY.name());
        } else {
            throw new BadUserRequestException("gmDecision must be approve or reject, got '" + decision + "'");
        }
    }
}
