package com.perftrack.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordResourceDecision}: stores the provider's decision on the request (so it shows in
 * the finding's request, the minutes and the next agenda) and mails it to the requesting department.
 */
@Component
class RecordResourceDecisionDelegate implements JavaDelegate {

    private final ResourceRequestService requests;
    private final ResourceRequestNotices notices;

    RecordResourceDecisionDelegate(ResourceRequestService requests, ResourceRequestNotices notices) {
        this.requests = requests;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("requestId")).longValue();
        ResourceRequest decided = requests.decide(id, Boolean.TRUE.equals(execution.getVariable("resourceGranted")),
                (String) execution.getVariable("resourceDecisionReason"),
                (String) execution.getVariable("resourceDecidedBy"),
                Boolean.TRUE.equals(execution.getVariable(ChairStandInListener.STAND_IN_VARIABLE)));
        notices.decided(decided);
    }
}
