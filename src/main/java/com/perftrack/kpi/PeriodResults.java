package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Results of a quarter, half year or year from the stored monthly results (plain Java, no
 * database). Per unit and KPI (a unit's monthly figure is its own row or the roll-up of its people,
 * as in the monthly results):
 * <ul>
 * <li>target and actual: the aggregate of the counted months (both target and actual) with the
 * KPI's aggregation, by {@link PeriodAttainment}; {@code null} when no month counts;</li>
 * <li>deviation, deviation %: as for a month, from that target and actual;</li>
 * <li>attainment: {@link PeriodAttainment} (the rule of the quarterly scores), rounded to 6 decimals;
 * status from {@code kpi-status.dmn} on it; rank within company, unit type, KPI (and role for
 * people), equal attainments share a rank;</li>
 * <li>MoM / YoY growth: the actual against the actual of the previous period of the same length
 * and of the same period a year earlier, each aggregated by the same rule;</li>
 * <li>data gaps: every month of the period in which a unit with a row lacks target or actual
 * (period = that month), and a higher-is-better aggregate target of 0 (period = the whole period,
 * {@code target 0}).</li>
 * </ul>
 */
final class PeriodResults {

    /** One stored monthly result: the unit's effective target and actual of that month. */
    record MonthRow(String period, String unitType, String unitCode, String kpiCode, String companyCode,
            BigDecimal target, BigDecimal actual) {}

    record Calculated(List<KpiResultView> results, List<DataGapView> gaps) {}

    private record Cell(String unitType, String unitCode, String kpiCode) {}

    private final PeriodAttainment rule;
    private final Function<BigDecimal, String> status;

    PeriodResults(BigDecimal cap, Function<BigDecimal, String> status) {
        this.rule = new PeriodAttainment(cap);
        this.status = status;
    }

    /**
     * @param rows the stored monthly results of the period, the previous period and the same
     *        period a year earlier (any order; rows of other months are ignored)
     * @param kpis the catalogue by code (unknown KPIs are skipped)
     * @param personRoles role of each person (their peer group for ranks)
     */
    Calculated calculate(ReportingPeriod period, List<MonthRow> rows, Map<String, Kpi> kpis,
            Map<String, String> personRoles) {
        // month -> 0 now, 1 previous period, 2 a year earlier (a year's previous period is both 1 and 2)
        Map<String, List<Integer>> slots = new HashMap<>();
        List<List<Period>> spans = List.of(period.months(), period.previous().months(), period.sameLastYear().months());
        for (int s = 0; s < spans.size(); s++) {
            for (Period month : spans.get(s)) {
                slots.computeIfAbsent(month.toString(), m -> new ArrayList<>()).add(s);
            }
        }
        Map<Cell, List<List<PeriodAttainment.MonthFigure>>> byCell = new TreeMap<>(
                Comparator.comparing(Cell::unitType).thenComparing(Cell::unitCode).thenComparing(Cell::kpiCode));
        Map<Cell, String> companyOf = new HashMap<>();
        for (MonthRow row : rows) {
            List<Integer> in = slots.get(row.period());
            if (in == null || !kpis.containsKey(row.kpiCode())) {
                continue;
            }
            Cell cell = new Cell(row.unitType(), row.unitCode(), row.kpiCode());
            var spansOfCell = byCell.computeIfAbsent(cell,
                    c -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            for (int s : in) {
                spansOfCell.get(s).add(new PeriodAttainment.MonthFigure(row.period(), row.target(), row.actual()));
            }
            companyOf.putIfAbsent(cell, row.companyCode());
        }
        List<Row> computed = new ArrayList<>();
        List<DataGapView> gaps = new ArrayList<>();
        for (var entry : byCell.entrySet()) {
            Cell cell = entry.getKey();
            List<PeriodAttainment.MonthFigure> now = entry.getValue().get(0);
            if (now.isEmpty()) {
                continue; // only earlier periods: no row for this one
            }
            Kpi kpi = kpis.get(cell.kpiCode());
            String company = companyOf.get(cell);
            Optional<PeriodAttainment.Aggregate> aggregate = PeriodAttainment.aggregate(kpi.aggregation(), now);
            BigDecimal target = aggregate.map(a -> round(a.target())).orElse(null);
            BigDecimal actual = aggregate.map(a -> round(a.actual())).orElse(null);
            BigDecimal attainment = aggregate.flatMap(a -> rule.attainment(kpi.lowerIsBetter(), a)).map(PeriodResults::round)
                    .orElse(null);
            BigDecimal deviation = target != null ? actual.subtract(target) : null;
            BigDecimal earlier = earlierActual(kpi, entry.getValue().get(1));
            BigDecimal yearEarlier = earlierActual(kpi, entry.getValue().get(2));
            computed.add(new Row(cell, company, target, actual, deviation,
                    deviation == null ? null : KpiCalculator.ratio(deviation, target.abs()), attainment,
                    KpiCalculator.growth(actual, earlier), KpiCalculator.growth(actual, yearEarlier)));
            gaps.addAll(gapsOf(period, cell, company, now));
            if (aggregate.isPresent() && attainment == null) {
                // SPEC.md section 6: a higher-is-better target of 0 has no attainment: listed, never dropped
                gaps.add(new DataGapView(period.toString(), cell.unitType(), cell.unitCode(), cell.kpiCode(), company,
                        KpiCalculator.TARGET_ZERO));
            }
        }
        Map<Row, Integer> ranks = ranks(computed, personRoles);
        List<KpiResultView> results = computed.stream().map(r -> new KpiResultView(period.toString(), r.cell.unitType(),
                r.cell.unitCode(), r.cell.kpiCode(), KpiResultView.plain(r.target), KpiResultView.plain(r.actual),
                KpiResultView.plain(r.deviation), KpiResultView.plain(r.deviationPct), KpiResultView.plain(r.attainment),
                KpiResultView.plain(r.momGrowth), KpiResultView.plain(r.yoyGrowth),
                r.attainment == null ? null : status.apply(r.attainment), ranks.get(r))).toList();
        return new Calculated(results, gaps);
    }

    private record Row(Cell cell, String companyCode, BigDecimal target, BigDecimal actual, BigDecimal deviation,
            BigDecimal deviationPct, BigDecimal attainment, BigDecimal momGrowth, BigDecimal yoyGrowth) {}

    private BigDecimal earlierActual(Kpi kpi, List<PeriodAttainment.MonthFigure> months) {
        return PeriodAttainment.aggregate(kpi.aggregation(), months).map(a -> round(a.actual())).orElse(null);
    }

    /** The months of the period in which the unit lacks target or actual, with what it lacks. */
    private static List<DataGapView> gapsOf(ReportingPeriod period, Cell cell, String company,
            List<PeriodAttainment.MonthFigure> months) {
        Map<String, PeriodAttainment.MonthFigure> byMonth = new HashMap<>();
        months.forEach(m -> byMonth.put(m.period(), m));
        List<DataGapView> gaps = new ArrayList<>();
        for (Period month : period.months()) {
            PeriodAttainment.MonthFigure m = byMonth.get(month.toString());
            if (m != null && m.complete()) {
                continue;
            }
            String missing = m == null || (m.target() == null && m.actual() == null) ? "both"
                    : m.target() == null ? "target" : "actual";
            gaps.add(new DataGapView(month.toString(), cell.unitType(), cell.unitCode(), cell.kpiCode(), company, missing));
        }
        return gaps;
    }

    /** Ranks like the monthly results: per company, unit type, KPI and (people) role; 1, 2, 2, 4. */
    private static Map<Row, Integer> ranks(List<Row> rows, Map<String, String> personRoles) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.attainment == null) {
                continue;
            }
            String role = "person".equals(r.cell.unitType()) ? String.valueOf(personRoles.get(r.cell.unitCode())) : "";
            groups.computeIfAbsent(r.companyCode + '|' + r.cell.unitType() + '|' + role + '|' + r.cell.kpiCode(),
                    g -> new ArrayList<>()).add(r);
        }
        Map<Row, Integer> ranks = new HashMap<>();
        for (List<Row> group : groups.values()) {
            group.sort(Comparator.comparing((Row r) -> r.attainment).reversed());
            for (int i = 0; i < group.size(); i++) {
                boolean tie = i > 0 && group.get(i).attainment.compareTo(group.get(i - 1).attainment) == 0;
                ranks.put(group.get(i), tie ? ranks.get(group.get(i - 1)) : i + 1);
            }
        }
        return ranks;
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(KpiCalculator.SCALE, RoundingMode.HALF_UP);
    }
}
