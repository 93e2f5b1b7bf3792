package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartImprovementActions}: one {@code improvement-action} per finding and responsible
 * department (SPEC.md section 2, step 6). The cycle does not wait for them: actions outlive the
 * cycle. Idempotent by business key {@code F<findingId>-<department>}.
 */
@Component
class StartImprovementActionsDelegate implements JavaDelegate {

    static final String ACTION_PROCESS = "improvement-action";

    private final FindingService findings;
    private final RuntimeService runtimeService;

    StartImprovementActionsDelegate(FindingService findings, RuntimeService runtimeService) {
        this.findings = findings;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = COMPANY_CODE.get(execution);
        String period = PERIOD.present(execution);
        int started = 0;
        for (Finding finding : findings.confirmed(company, period)) { // actions start only from confirmed findings
            for (String department : finding.responsibleDepartmentList()) {
                String businessKey = "F" + finding.id() + "-" + department;
                boolean exists = runtimeService.createProcessInstanceQuery().processDefinitionKey(ACTION_PROCESS)
                        .processInstanceBusinessKey(businessKey).count() > 0;
                if (!exists) {
                    runtimeService.startProcessInstanceByKey(ACTION_PROCESS, businessKey, Map.of(
                            "findingId", finding.id(), "responsibleDepartment", department,
                            "companyCode", company, "period", period));
                    started++;
                }
            }
        }
        ACTIONS_STARTED.set(execution, started);
    }
}
