package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final ImprovementPlanService plans;

    EvaluationTables(EvaluationService evaluations, OrganisationService organisation, ImprovementPlanService plans) {
        this.evaluations = evaluations;
        this.organisation = organisation;
        this.plans = plans;
    }

    /** HR's and the general manager's table of one company's quarter (null: every company). */
    List<Map<String, Object>> proposalTable(Quarter quarter, String companyCode) {
        Names names = new Names();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EvaluationView e : evaluations.rows(quarter, companyCode)) {
            // five short columns fit a form at 1280 px; the company is the instance's, named in the form's heading
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("person", names.of(e.personCode()));
            row.put("score", EvaluationLabels.percent(e.score()) + "（" + EvaluationLabels.rank(e) + "）");
            row.put("outcome", Objects.equals(e.outcome(), e.proposedOutcome()) ? EvaluationLabels.outcome(e.outcome())
                    : EvaluationLabels.outcome(e.outcome()) + "（建议 " + EvaluationLabels.outcome(e.proposedOutcome()) + "）");
            row.put("amount", e.amountRule() == null ? "" : e.amount() == null ? "待人力资源部填写 HR enters"
                    : EvaluationLabels.money(e.amount()));
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

    /**
     * The people HR may put up for a termination review: those with a failed improvement plan first
     * (marked), then the others, who need HR's explicit override for a serious breach of company rules.
     */
    List<Map<String, String>> terminationOptions(Quarter quarter, String companyCode) {
        Names names = new Names();
        List<Map<String, String>> failed = new ArrayList<>();
        List<Map<String, String>> others = new ArrayList<>();
        for (EvaluationView e : evaluations.rows(quarter, companyCode)) {
            if (plans.hasFailedPlan(e.personCode())) {
                failed.add(option(names.of(e.personCode()) + "（改进计划未达成 failed plan）", e.personCode()));
            } else {
                others.add(option(names.of(e.personCode()) + "（须特批 override only）", e.personCode()));
            }
        }
        failed.addAll(others);
        return failed;
    }

    /**
     * The improvement plans of the people a fine or a demotion/transfer review is proposed for: what
     * HR and the general manager see before deciding (issue 17).
     */
    List<Map<String, Object>> planTable(Quarter quarter, String companyCode) {
        return plans.history(evaluations.rows(quarter, companyCode).stream()
                .filter(e -> Outcomes.needsGeneralManager(e.outcome())).map(EvaluationView::personCode).toList());
    }

    /** The improvement plans of one person (the termination review). */
    List<Map<String, Object>> planTableOf(String personCode) {
        return plans.history(List.of(personCode));
    }

    /**
     * The Q4 table, best of the year first: a person's annual score and rank (the mean of the scored
     * quarters, {@link AnnualScores}), the four quarterly scores (as %) and how many quarterly
     * bonuses they had.
     */
    List<Map<String, Object>> annualTable(int year, String companyCode) {
        Names names = new Names();
        Map<String, String[]> quarterScores = new HashMap<>();
        for (EvaluationView e : ofCompany(evaluations.ofYear(year), companyCode)) {
            quarterScores.computeIfAbsent(e.personCode(), p -> new String[] {EvaluationLabels.NO_VALUE,
                    EvaluationLabels.NO_VALUE, EvaluationLabels.NO_VALUE, EvaluationLabels.NO_VALUE})
                    [Integer.parseInt(e.quarter().substring(6)) - 1] = EvaluationLabels.percent(e.score());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AnnualView a : byAnnualRank(year, companyCode)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("person", names.of(a.personCode()));
            row.put("year", EvaluationLabels.percent(a.score()) + "（" + (a.rank() == null ? EvaluationLabels.NO_VALUE
                    : a.rank() + " / " + a.peerGroupSize()) + "）");
            // one column "Q1 / Q2 / Q3 / Q4" instead of four keeps the table inside the form
            row.put("scores", String.join(" / ", quarterScores.get(a.personCode())));
            row.put("bonuses", a.bonuses());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The people HR may propose for an annual award: the company's people with a score in the year
     * (null company: every company), as picker options in the order of the year's table.
     */
    List<Map<String, String>> annualPersonOptions(int year, String companyCode) {
        Names names = new Names();
        return annualCandidates(year, companyCode).stream().map(p -> option(names.of(p), p)).toList();
    }

    /** The codes of {@link #annualPersonOptions}: what the server accepts from the pickers. */
    List<String> annualCandidates(int year, String companyCode) {
        return byAnnualRank(year, companyCode).stream().filter(a -> a.score() != null)
                .map(AnnualView::personCode).toList();
    }

    /** The company's people (null: everyone) by annual rank, best first, across roles. */
    private List<AnnualView> byAnnualRank(int year, String companyCode) {
        return evaluations.annual(year).stream()
                .filter(a -> companyCode == null || companyCode.equals(a.companyCode()))
                .sorted(Comparator.comparing((AnnualView a) -> a.rank() == null ? Integer.MAX_VALUE : a.rank())
                        .thenComparing(a -> a.score() == null ? BigDecimal.ZERO : a.score(),
                                Comparator.reverseOrder())
                        .thenComparing(AnnualView::personCode))
                .toList();
    }

    private static List<EvaluationView> ofCompany(List<EvaluationView> rows, String companyCode) {
        return rows.stream().filter(e -> companyCode == null || companyCode.equals(e.companyCode())).toList();
    }

    /** The general manager's table of HR's proposals: the person by name and code, the award in Chinese, the reason. */
    List<Map<String, Object>> annualProposalTable(List<AnnualAwardsListener.Proposal> proposals) {
        Names names = new Names();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AnnualAwardsListener.Proposal p : proposals) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("person", names.of(p.personCode()));
            row.put("award", p.award().chinese());
            row.put("reason", p.reason());
            rows.add(row);
        }
        return rows;
    }

    /** "马芳 DEMO-P1" for a unit code. */
    String name(String unitCode) {
        return new Names().of(unitCode);
    }

    private static String note(EvaluationView e) {
        List<String> parts = new ArrayList<>();
        if (e.consecutiveQuartersBelow() > 0) {
            parts.add("连续 " + e.consecutiveQuartersBelow() + " 个季度未达标");
        }
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
