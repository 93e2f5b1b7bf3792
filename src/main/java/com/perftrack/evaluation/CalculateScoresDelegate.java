package com.perftrack.evaluation;

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
        Quarter quarter = Quarter.parse((String) execution.getVariable("quarter"));
        String company = (String) execution.getVariable("companyCode");
        var rows = evaluations.evaluate(quarter, company);
        ProposalVariables.set(execution, tables, quarter, company);
        execution.setVariable("companyName", tables.name(company));
        execution.setVariable("proposalCount", rows.size());
        execution.setVariable("disciplinaryCount", rows.stream().filter(EvaluationView::disciplinary).count());
    }
}
