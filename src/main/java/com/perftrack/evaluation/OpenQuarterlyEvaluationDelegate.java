package com.perftrack.evaluation;

import com.perftrack.calendar.BusinessCalendar;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenQuarterlyEvaluation} of {@code quarterly-evaluation-scheduler}: after a
 * quarter's last month has been reported, opens the evaluation of the quarter that has just ended,
 * unless someone already opened it by hand.
 */
@Component
class OpenQuarterlyEvaluationDelegate implements JavaDelegate {

    static final String PROCESS = "quarterly-evaluation";

    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;

    OpenQuarterlyEvaluationDelegate(RuntimeService runtimeService, BusinessCalendar calendar) {
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quarter = calendar.currentPeriod().quarter().previous().toString();
        execution.setVariable("quarter", quarter);
        boolean open = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(quarter).count() > 0
                || execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(quarter).completed().count() > 0;
        execution.setVariable("evaluationAlreadyOpen", open);
        if (!open) {
            runtimeService.startProcessInstanceByKey(PROCESS, quarter, Map.of("quarter", quarter));
        }
    }
}
