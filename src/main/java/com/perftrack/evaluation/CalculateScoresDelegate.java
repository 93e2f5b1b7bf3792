package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CalculateScores}: stores the proposals and hands HR their table and pickers. */
@Component
class CalculateScoresDelegate implements JavaDelegate {

    private final EvaluationService evaluations;
    private final EvaluationTables tables;

    CalculateScoresDelegate(EvaluationService evaluations, EvaluationTables tables) {
        this.evaluations = evaluations;
        this.tables = tables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Quarter quarter = QUARTER.present(execution);
        String company = COMPANY_CODE.get(execution);
        var rows = evaluations.evaluate(quarter, company);
        ProposalVariables.set(execution, tables, quarter, company);
        COMPANY_NAME.set(execution, tables.name(company));
        PROPOSAL_COUNT.set(execution, rows.size());
        DISCIPLINARY_COUNT.set(execution, (int) rows.stream().filter(EvaluationView::disciplinary).count());
    }
}
