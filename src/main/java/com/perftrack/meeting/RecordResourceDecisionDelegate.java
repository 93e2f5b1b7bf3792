package com.perftrack.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordResourceDecision}: stores the provider's decision on the request (so it shows in
 * the finding's request, the minutes and the next agenda). The mail is the next job's, so a mail
 * server that is down delays the notice, never the decision.
 */
@Component
class RecordResourceDecisionDelegate implements JavaDelegate {

    private final ResourceRequestService requests;

    RecordResourceDecisionDelegate(ResourceRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("requestId")).longValue();
        requests.decide(id, Boolean.TRUE.equals(execution.getVariable("resourceGranted")),
                (String) execution.getVariable("resourceDecisionReason"),
                (String) execution.getVariable("resourceDecidedBy"),
                Boolean.TRUE.equals(execution.getVariable(ChairStandInListener.STAND_IN_VARIABLE)));
    }
}
