package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Service task {@code Task_PublishResults}: confirms and archives the quarter; in Q4 prepares the year's table. */
@Component
class PublishResultsDelegate implements JavaDelegate {

    private final EvaluationService evaluations;
    private final EvaluationTables tables;

    PublishResultsDelegate(EvaluationService evaluations, EvaluationTables tables) {
        this.evaluations = evaluations;
        this.tables = tables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Quarter quarter = QUARTER.present(execution);
        String company = COMPANY_CODE.get(execution);
        evaluations.publish(quarter, company, HR_CONFIRMED_BY.get(execution), GM_APPROVED_BY.get(execution));
        if (quarter.number() == 4) {
            execution.setVariable("annualTable", Spin.JSON(tables.annualTable(quarter.year(), company)));
        }
    }
}
