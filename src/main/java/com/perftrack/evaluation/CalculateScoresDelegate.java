package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CalculateScores}: stores the proposals and hands HR their table. */
@Component
class CalculateScoresDelegate implements JavaDelegate {

    private final EvaluationService evaluations;

    CalculateScoresDelegate(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Quarter quarter = Quarter.parse((String) execution.getVariable("quarter"));
        String company = (String) execution.getVariable("companyCode");
        var rows = evaluations.evaluate(quarter, company);
        execution.setVariable("proposalTable", Spin.JSON(evaluations.proposalTable(quarter, company)));
        execution.setVariable("proposalCount", rows.size());
        execution.setVariable("disciplinaryCount", rows.stream().filter(EvaluationView::disciplinary).count());
    }
}
