package com.perftrack.meeting;

import static com.perftrack.process.ProcessVariable.flag;
import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code resource-request}: one constant each, the names the model and its form use. */
final class ResourceRequestVariables {

    static final ProcessVariable<Long> REQUEST_ID = id("requestId");
    static final ProcessVariable<String> REQUEST_SUMMARY = text("requestSummary");
    // the provider's decision (Task_DecideResourceRequest): approve or reject, with a reason
    static final ProcessVariable<String> RESOURCE_DECISION = text("resourceDecision");
    static final ProcessVariable<String> RESOURCE_DECISION_COMMENT = text("resourceDecisionComment");
    static final ProcessVariable<Boolean> RESOURCE_GRANTED = flag("resourceGranted");
    static final ProcessVariable<String> RESOURCE_DECISION_REASON = text("resourceDecisionReason");
    static final ProcessVariable<String> RESOURCE_DECIDED_BY = text("resourceDecidedBy");
    static final ProcessVariable<Boolean> COMPLETED_BY_STAND_IN = flag(ChairStandInListener.STAND_IN_VARIABLE);
    static final ProcessVariable<String> NOTIFIED_TO = text("notifiedTo");

    private ResourceRequestVariables() {
    }
}
