package com.perftrack.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A week's plan against what was achieved, per sales person and KPI (plain Java). Achieved is the
 * aggregate of the person's daily figures of the week (FigureService.dailyActuals); attainment =
 * achieved / planned, four decimals, absent when nothing was planned (or 0) or nothing achieved is known.
 * The weekly KPIs are both higher-is-better.
 */
public final class PlanVsAchieved {

    /** The KPIs a sales person plans each week, in the order the form and the API show them. */
    static final List<String> KPIS = List.of("SALES_AMOUNT", "NEW_CUSTOMERS");

    record Person(String personCode, String personName, boolean filed, Map<String, BigDecimal> planned,
            Map<String, BigDecimal> achieved) {}

    public record Row(String personCode, String personName, String kpiCode, BigDecimal planned, BigDecimal achieved,
            BigDecimal gap, BigDecimal attainment) {}

    private PlanVsAchieved() {
    }

    static List<Row> rows(List<Person> persons) {
        List<Row> rows = new ArrayList<>();
        for (Person person : persons) {
            for (String kpi : KPIS) {
                BigDecimal planned = person.planned().get(kpi);
                BigDecimal achieved = person.achieved().get(kpi);
                BigDecimal gap = planned == null || achieved == null ? null : achieved.subtract(planned);
                BigDecimal attainment = planned == null || achieved == null || planned.signum() == 0 ? null
                        : achieved.divide(planned, 4, RoundingMode.HALF_UP);
                rows.add(new Row(person.personCode(), person.personName(), kpi, planned, achieved, gap, attainment));
            }
        }
        return rows;
    }
}
