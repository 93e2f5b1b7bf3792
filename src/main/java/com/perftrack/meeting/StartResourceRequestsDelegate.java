package com.perftrack.meeting;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartResourceRequests}: once the findings are confirmed, one {@code resource-request}
 * process per open request of the meeting that has none yet (business key {@code R<requestId>}), so
 * a retried job starts none twice. The cycle does not wait for the decisions.
 */
@Component
class StartResourceRequestsDelegate implements JavaDelegate {

    static final String PROCESS = "resource-request";

    private final ResourceRequestService requests;
    private final RuntimeService runtimeService;

    StartResourceRequestsDelegate(ResourceRequestService requests, RuntimeService runtimeService) {
        this.requests = requests;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = (String) execution.getVariable("companyCode");
        String period = (String) execution.getVariable("period");
        int started = 0;
        for (ResourceRequest request : requests.requests(company, period, ResourceRequest.OPEN)) {
            if (request.processInstanceId() != null) {
                continue;
            }
            var instance = runtimeService.startProcessInstanceByKey(PROCESS, "R" + request.id(), Map.of(
                    "requestId", request.id(), "companyCode", company, "period", period,
                    "requestedFrom", request.requestedFrom(), "requestingDepartment", request.department()));
            requests.started(request.id(), instance.getId());
            started++;
        }
        execution.setVariable("resourceRequestsStarted", started);
    }
}
