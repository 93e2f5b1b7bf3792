package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_DecideTerminationHr} and {@code Task_DecideTerminationGm}: termination
 * is only ever a human decision of HR and the general manager; each is archived with its reason.
 */
@Component
class TerminationDecisionListener implements TaskListener {

    private final EvaluationService evaluations;

    TerminationDecisionListener(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = TaskActor.required(task);
        Quarter quarter = QUARTER.present(task);
        String person = TERMINATION_PERSON_CODE.present(task);
        boolean hr = "Task_DecideTerminationHr".equals(task.getTaskDefinitionKey());
        var variable = hr ? TERMINATION_HR_DECISION : TERMINATION_GM_DECISION;
        String decision = variable.required(task, "请选择决定 / a decision is required");
        String reason = (hr ? TERMINATION_HR_REASON : TERMINATION_GM_REASON).required(task,
                "请填写理由 / a reason is required");
        if (!"terminate".equals(decision) && !"keep".equals(decision)) {
            throw new BadUserRequestException(variable + " must be terminate or keep, got '" + decision + "'");
        }
        evaluations.recordDecision("TERMINATION_" + (hr ? "HR" : "GM") + ":" + quarter + ":" + person, person, quarter,
                "PENALTY", (hr ? "人力资源部" : "总经理") + "解除劳动关系决定 termination decision ("
                        + (hr ? "HR" : "general manager") + "): " + decision + "；理由 reason: " + reason, user);
    }
}
