package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.calendar.Period;
import com.perftrack.kpi.KpiResultService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CalculateKpiResults} (asynchronous, retried): computes and stores the period's KPI
 * results through the KPI engine (for a quarter, half year or year: each of its months; the
 * period's results are their aggregate). Idempotent, so a retry after a database failure is safe.
 */
@Component
class CalculateKpiResultsDelegate implements JavaDelegate {

    private final KpiResultService results;

    CalculateKpiResultsDelegate(KpiResultService results) {
        this.results = results;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = PERIOD.present(execution);
        int rows = Period.isValid(period) ? results.calculatePeriod(period) : results.calculateReportingPeriod(period);
        KPI_RESULT_COUNT.set(execution, rows);
    }
}
