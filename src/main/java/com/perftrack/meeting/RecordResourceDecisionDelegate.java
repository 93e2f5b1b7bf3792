package com.perftrack.meeting;

import static com.perftrack.meeting.ResourceRequestVariables.*;
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
        requests.decide(REQUEST_ID.present(execution), RESOURCE_GRANTED.getOr(execution, false),
                RESOURCE_DECISION_REASON.get(execution), RESOURCE_DECIDED_BY.get(execution),
                COMPLETED_BY_STAND_IN.getOr(execution, false));
    }
}
