package com.perftrack.meeting;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EngageRelatedDepartments} (monthly-tracking-cycle): one {@code related-department-notice}
 * per confirmed finding and related department that is not also responsible. The cycle does not
 * wait for them. Idempotent by business key {@code R<findingId>-<department>} (also once finished).
 */
@Component("engageRelatedDepartmentsDelegate")
class EngageRelatedDepartmentsDelegate implements JavaDelegate {

    static final String NOTICE_PROCESS = "related-department-notice";

    private final FindingService findings;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    EngageRelatedDepartmentsDelegate(FindingService findings, RuntimeService runtimeService, HistoryService historyService) {
        this.findings = findings;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = (String) execution.getVariable("companyCode");
        String period = (String) execution.getVariable("period");
        int started = 0;
        for (Finding finding : findings.confirmed(company, period)) {
            for (String department : finding.relatedDepartmentList()) {
                if (finding.responsibleDepartmentList().contains(department)) {
                    continue; // responsible: it has its own action
                }
                String businessKey = "R" + finding.id() + "-" + department;
                boolean exists = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(NOTICE_PROCESS)
                        .processInstanceBusinessKey(businessKey).count() > 0;
                if (!exists) {
                    runtimeService.startProcessInstanceByKey(NOTICE_PROCESS, businessKey, Map.of(
                            "findingId", finding.id(), "relatedDepartment", department,
                            "companyCode", company, "period", period));
                    started++;
                }
            }
        }
        execution.setVariable("relatedNoticesStarted", started);
    }
}
