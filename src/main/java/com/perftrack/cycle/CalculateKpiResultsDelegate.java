package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.kpi.KpiResultService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CalculateKpiResults} (asynchronous, retried): computes and stores the period's KPI
 * results through the KPI engine. Idempotent, so a retry after a database failure is safe.
 */
@Component
class CalculateKpiResultsDelegate implements JavaDelegate {

    private final KpiResultService results;

    CalculateKpiResultsDelegate(KpiResultService results) {
        this.results = results;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int rows = results.calculatePeriod(PERIOD.present(execution));
        KPI_RESULT_COUNT.set(execution, rows);
    }
}
