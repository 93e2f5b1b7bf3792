package com.perftrack.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReissueAction}: a "not improved" result the committee did not close
 * issues the problem again as the next round, with the new deadline it set ({@link ActionService#reissue}).
 */
@Component
class ReissueActionDelegate implements JavaDelegate {

    private final ActionService actions;

    ReissueActionDelegate(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long actionId = ((Number) execution.getVariable("actionId")).longValue();
        execution.setVariable("reissuedAs", actions.reissue(actionId, (String) execution.getVariable("reissueDeadline")));
    }
}
