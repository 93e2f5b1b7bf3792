package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Service task {@code Task_PublishResults}: confirms and archives the quarter; in Q4 prepares the year's table. */
@Component
class PublishResultsDelegate implements JavaDelegate {

    private final EvaluationService evaluations;

    PublishResultsDelegate(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Quarter quarter = Quarter.parse((String) execution.getVariable("quarter"));
        String company = (String) execution.getVariable("companyCode");
        evaluations.publish(quarter, company, (String) execution.getVariable("hrConfirmedBy"),
                (String) execution.getVariable("gmApprovedBy"));
        if (quarter.number() == 4) {
            execution.setVariable("annualTable", Spin.JSON(annualTable(quarter.year(), company)));
        }
    }

    private List<Map<String, Object>> annualTable(int year, String company) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (EvaluationView e : evaluations.ofYear(year)) {
            if (company != null && !company.equals(e.companyCode())) {
                continue; // the company's HR and general manager decide on their own people
            }
            Map<String, Object> row = rows.computeIfAbsent(e.personCode(), p -> new LinkedHashMap<>(
                    Map.of("personCode", p, "companyCode", e.companyCode(), "bonuses", 0)));
            row.put("Q" + e.quarter().substring(6), e.score() == null ? "—" : e.score().toPlainString());
            if (Outcomes.BONUS.equals(e.outcome())) {
                row.put("bonuses", (Integer) row.get("bonuses") + 1);
            }
        }
        return new ArrayList<>(rows.values());
    }
}
