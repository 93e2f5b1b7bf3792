package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tables and pickers the evaluation's forms show (Json variables): names beside codes, outcomes
 * in Chinese, scores as percentages, few enough columns to fit a form at 1280 px. Pickers are
 * form-js {@code valuesKey} lists of {@code {label, value}}: label name and code, value the code.
 */
@Component
class EvaluationTables {

    private final EvaluationService evaluations;
    private final OrganisationService organisation;

    EvaluationTables(EvaluationService evaluations, OrganisationService organisation) {
        this.evaluations = evaluations;
        this.organisation = organisation;
    }

    /** HR's and the general manager's table of one company's quarter (null: every company). */
    List<Map<String, Object>> proposalTable(Quarter quarter, String companyCode) {
        Names names = new Names();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EvaluationView e : evaluations.rows(quarter, companyCode)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("person", names.of(e.personCode()));
            row.put("company", names.of(e.companyCode()));
            row.put("score", EvaluationLabels.percent(e.score()));
            row.put("rank", EvaluationLabels.rank(e));
            row.put("quartersBelow", e.consecutiveQuartersBelow());
            row.put("proposed", EvaluationLabels.outcome(e.proposedOutcome()));
            row.put("outcome", EvaluationLabels.outcome(e.outcome()));
            row.put("note", note(e));
            rows.add(row);
        }
        return rows;
    }

    /** The people of the company's quarter, for HR's "change one proposal" picker. */
    List<Map<String, String>> personOptions(Quarter quarter, String companyCode) {
        Names names = new Names();
        return evaluations.rows(quarter, companyCode).stream()
                .map(e -> option(names.of(e.personCode()), e.personCode())).toList();
    }

    /** Only people with documented improvement guidance may be put up for a termination review. */
    List<Map<String, String>> terminationOptions(Quarter quarter, String companyCode) {
        Names names = new Names();
        return evaluations.rows(quarter, companyCode).stream()
                .filter(e -> evaluations.hasDocumentedGuidance(quarter, e.personCode()))
                .map(e -> option(names.of(e.personCode()), e.personCode())).toList();
    }

    /** The Q4 table: a person's four quarterly scores (as %) and how many quarterly bonuses they had. */
    List<Map<String, Object>> annualTable(int year, String companyCode) {
        Names names = new Names();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (EvaluationView e : evaluations.ofYear(year)) {
            if (companyCode != null && !companyCode.equals(e.companyCode())) {
                continue; // the company's HR and general manager decide on their own people
            }
            Map<String, Object> row = rows.computeIfAbsent(e.personCode(), p -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("person", names.of(p));
                fresh.put("company", names.of(e.companyCode()));
                for (int q = 1; q <= 4; q++) {
                    fresh.put("Q" + q, EvaluationLabels.NO_VALUE);
                }
                fresh.put("bonuses", 0);
                return fresh;
            });
            row.put("Q" + e.quarter().substring(6), EvaluationLabels.percent(e.score()));
            if (Outcomes.BONUS.equals(e.outcome())) {
                row.put("bonuses", (Integer) row.get("bonuses") + 1);
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** "马芳 DEMO-P1" for a unit code. */
    String name(String unitCode) {
        return new Names().of(unitCode);
    }

    private static String note(EvaluationView e) {
        List<String> parts = new ArrayList<>();
        if (e.changeReason() != null && !e.changeReason().isBlank()) {
            parts.add("修改理由：" + e.changeReason());
        }
        if (!e.dataGaps().isEmpty()) {
            parts.add("数据缺口 " + e.dataGaps().size() + " 项");
        }
        return parts.isEmpty() ? "" : String.join("；", parts);
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    /** Unit names looked up once per table. */
    private final class Names {
        private final Map<String, String> seen = new HashMap<>();

        String of(String code) {
            return code == null ? EvaluationLabels.NO_VALUE : seen.computeIfAbsent(code, c -> EvaluationLabels.named(
                    organisation.findUnit(c).map(OrgUnit::name).orElse(null), c));
        }
    }
}
