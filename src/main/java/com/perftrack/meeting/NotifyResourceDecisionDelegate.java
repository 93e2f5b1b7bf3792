package com.perftrack.meeting;

import static com.perftrack.meeting.ResourceRequestVariables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyResourceDecision}: mails the recorded decision to the requesting department. */
@Component
class NotifyResourceDecisionDelegate implements JavaDelegate {

    private final ResourceRequestService requests;
    private final ResourceRequestNotices notices;

    NotifyResourceDecisionDelegate(ResourceRequestService requests, ResourceRequestNotices notices) {
        this.requests = requests;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = REQUEST_ID.present(execution);
        NOTIFIED_TO.set(execution, String.join(",", notices.decided(requests.find(id).orElseThrow())));
    }
}
