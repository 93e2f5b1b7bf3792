package com.perftrack.evaluation;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * HR's review and the general manager's decision on a special contribution award: a decision is
 * required, a refusal needs its reason, and the deciding user is recorded (a human decision).
 */
@Component("specialAwardDecisionListener")
class SpecialAwardDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean hr = "Task_ReviewSpecialAward".equals(task.getTaskDefinitionKey());
        String prefix = hr ? "hr" : "gm";
        String positive = hr ? "support" : "approve";
        String decision = SpecialAwardProposalListener.text(task.getVariable(prefix + "Decision"));
        if (!decision.equals(positive) && !decision.equals("decline")) {
            throw new BadUserRequestException("请选择决定 / choose a decision");
        }
        if (decision.equals("decline") && SpecialAwardProposalListener.text(task.getVariable(prefix + "DecisionReason")).isEmpty()) {
            throw new BadUserRequestException("不同意须写明理由 / a refusal needs its reason");
        }
        String user = TaskActor.of(task);
        if (user == null) {
            throw new BadUserRequestException("须由登录用户决定 / the decision must be made by a signed-in user");
        }
        task.getExecution().setVariable(prefix + "DecidedBy", user);
    }
}
