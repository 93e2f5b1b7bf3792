package com.perftrack.templates;

import com.perftrack.calendar.Period;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What the sales and marketing collection forms show of the templates (issue 16): Json tables of the
 * company's stored lines for the cycle's period — the sales task the customer surveys, their monthly
 * means, and the regional plans of the period and of the month after (filed in this collection);
 * the marketing task the competitors and market estimates. Tasklist has no file picker, so uploads
 * go through {@code /templates.html} or {@code POST /api/imports/<name>}; the forms show what arrived.
 */
@Component
class CollectionTables {

    static final String SALES_TASK = "Task_SubmitSalesInformation";
    static final String MARKET_TASK = "Task_SubmitMarketInformation";

    private final TemplateReads reads;
    private final OrganisationService organisation;

    CollectionTables(TemplateReads reads, OrganisationService organisation) {
        this.reads = reads;
        this.organisation = organisation;
    }

    /** The task's local variables (name → Json table) for the company and period; empty for other tasks. */
    Map<String, Object> tables(String taskKey, String companyCode, String period) {
        Map<String, Object> tables = new LinkedHashMap<>();
        if (companyCode == null || period == null) {
            return tables;
        }
        Map<String, String> companyOf = organisation.companyOfUnits(Set.of(companyCode));
        BiPredicate<String, String> ours = (type, code) -> companyCode.equals(companyOf.get(code));
        if (SALES_TASK.equals(taskKey)) {
            var surveys = reads.surveys(period, companyCode, null, ours);
            Map<String, String> labels = surveys.questions().stream()
                    .collect(Collectors.toMap(SurveyQuestion::code, SurveyQuestion::label, (a, b) -> a));
            List<Map<String, Object>> rows = new ArrayList<>();
            surveys.surveys().forEach(s -> rows.add(row("unit", s.unitCode(), "customer", s.customer(), "date", s.surveyDate(),
                    "scores", s.scores().entrySet().stream().map(e -> labels.getOrDefault(e.getKey(), e.getKey()) + " " + e.getValue())
                            .collect(Collectors.joining("，")), "comment", s.comment())));
            tables.put("customerSurveyTable", json(rows));
            List<Map<String, Object>> means = new ArrayList<>();
            surveys.means().forEach(m -> means.add(row("month", m.period(), "unit", m.unitCode(), "surveys", m.surveys(),
                    "mean", m.meanScore().toPlainString(), "satisfaction", percent(m.satisfaction()))));
            tables.put("surveyMeanTable", json(means));
            List<Map<String, Object>> plan = new ArrayList<>();
            List<String> months = new ArrayList<>(TemplateReads.months(period));
            months.add(Period.parse(months.get(months.size() - 1)).next().toString());
            for (String month : months) {
                var p = reads.plan(month, null, ours);
                p.targets().forEach(t -> plan.add(row("month", t.period(), "region", t.regionCode(), "item", "目标 " + t.kpiCode(),
                        "detail", t.target().toPlainString())));
                p.items().forEach(i -> plan.add(row("month", i.period(), "region", i.regionCode(), "item", i.activity(),
                        "detail", join(i.owner(), i.dueDate(), i.budget() == null ? null : "预算 " + i.budget().toPlainString()))));
            }
            tables.put("regionalPlanTable", json(plan));
        } else if (MARKET_TASK.equals(taskKey)) {
            var market = reads.market(period, null, ours);
            List<Map<String, Object>> competitors = new ArrayList<>();
            market.competitors().forEach(c -> competitors.add(row("unit", c.unitCode(), "competitor", c.competitor(),
                    "product", c.product(), "price", c.price() == null ? null : c.price().toPlainString(), "move", c.move())));
            tables.put("marketCompetitorTable", json(competitors));
            List<Map<String, Object>> estimates = new ArrayList<>();
            market.estimates().forEach(e -> estimates.add(row("unit", e.unitCode(), "size",
                    e.marketSize() == null ? null : e.marketSize().toPlainString(), "share", percent(e.marketShare()),
                    "demand", e.demandChange(), "policy", e.policy())));
            tables.put("marketEstimateTable", json(estimates));
        }
        return tables;
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("，"));
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1] == null ? "" : keyValues[i + 1]);
        }
        return row;
    }

    private static SpinJsonNode json(List<Map<String, Object>> rows) {
        try {
            return Spin.JSON(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
