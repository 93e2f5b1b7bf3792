package com.perftrack.evaluation;

import static com.perftrack.evaluation.SpecialAwardVariables.*;
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
        String decision = DECISION.prefixed(prefix).get(task);
        if (!positive.equals(decision) && !"decline".equals(decision)) {
            throw new BadUserRequestException("请选择决定 / choose a decision");
        }
        if (decision.equals("decline") && DECISION_REASON.prefixed(prefix).get(task) == null) {
            throw new BadUserRequestException("不同意须写明理由 / a refusal needs its reason");
        }
        String user = TaskActor.of(task);
        if (user == null) {
            throw new BadUserRequestException("须由登录用户决定 / the decision must be made by a signed-in user");
        }
        DECIDED_BY.prefixed(prefix).set(task.getExecution(), user);
    }
}
