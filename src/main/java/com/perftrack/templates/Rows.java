package com.perftrack.templates;

import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The lines of the three templates, validated. */
final class Rows {

    private Rows() {
    }

    /** One customer's survey: scores by question code, in the company's question order. */
    record Survey(String period, OrgUnit unit, String customer, LocalDate date, Map<String, Integer> scores, String comment) {
    }

    record Competitor(String period, OrgUnit unit, String competitor, String product, BigDecimal price, String move) {
    }

    /** The unit's market estimate for the month; {@code share} a fraction. */
    record Estimate(String period, OrgUnit unit, BigDecimal size, BigDecimal share, String demandChange, String policy) {
    }

    /** A region's target for a KPI in the month planned. */
    record PlanTarget(String period, OrgUnit region, String kpiCode, BigDecimal target) {
    }

    record PlanItem(String period, OrgUnit region, String activity, String owner, LocalDate due, BigDecimal budget) {
    }

    /** A parsed market report or plan file: both kinds of lines. */
    record Market(java.util.List<Competitor> competitors, java.util.List<Estimate> estimates) {
    }

    record Plan(java.util.List<PlanTarget> targets, java.util.List<PlanItem> items) {
    }
}
