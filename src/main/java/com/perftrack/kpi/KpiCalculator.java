package com.perftrack.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The KPI formulas of SPEC.md section 2 step 3 as plain Java (no engine, no database).
 *
 * <ul>
 * <li>deviation = actual − target; deviation % = deviation / |target| (null for a zero target);</li>
 * <li>attainment = actual / target, or target / actual for lower-is-better KPIs (an actual of 0 on
 * a lower-is-better KPI cannot be beaten and gets the cap), capped at {@code cap};</li>
 * <li>MoM / YoY growth = (actual − earlier actual) / |earlier actual|, null when the earlier
 * actual is missing or zero;</li>
 * <li>roll-up: a company, department or region without a figure row of its own for a KPI gets the
 * aggregate of its people's figures (sum; avg for avg KPIs; {@code last} sums, as it is a stock at
 * month end), counting only people who reported both target and actual;</li>
 * <li>rank: descending attainment within company, unit type, KPI (and role, for people); equal
 * attainments share a rank (1, 2, 2, 4); no attainment, no rank;</li>
 * <li>data gaps: a figure row without target or actual, and a KPI weighted for a person's role
 * for which a person who reported anything this month reported nothing.</li>
 * </ul>
 * Ratios are rounded half-up to 6 decimals; stored numbers have 6 decimals.
 */
final class KpiCalculator {

    static final int SCALE = 6;
    private static final int WORK_SCALE = 12;

    /** A unit of the organisation as the calculation needs it. */
    public record Unit(String code, String type, String parentCode, String companyCode, String role) {}

    public record KpiDef(String code, boolean lowerIsBetter, String aggregation) {}

    /** One raw figure of the figures table. */
    public record Figure(String unitType, String unitCode, String kpiCode, BigDecimal target, BigDecimal actual) {}

    public record Result(String unitType, String unitCode, String kpiCode, String companyCode, BigDecimal target,
            BigDecimal actual, BigDecimal deviation, BigDecimal deviationPct, BigDecimal attainment,
            BigDecimal momGrowth, BigDecimal yoyGrowth, String status, Integer rank, boolean rolledUp) {}

    public record Gap(String unitType, String unitCode, String kpiCode, String companyCode, String missing) {}

    public record Calculation(List<Result> results, List<Gap> gaps) {}

    /** Target and actual a unit has for a KPI, its own or rolled up from its people. */
    record Effective(BigDecimal target, BigDecimal actual, boolean rolledUp) {}

    private final BigDecimal cap;
    private final Function<BigDecimal, String> status;

    public KpiCalculator(BigDecimal cap, Function<BigDecimal, String> status) {
        this.cap = cap;
        this.status = status;
    }

    /**
     * @param weightedKpis KPI codes weighted per person role ({@code employee} is the fallback)
     */
    public Calculation calculate(Collection<Unit> units, Collection<KpiDef> kpis, Map<String, Set<String>> weightedKpis,
            Collection<Figure> current, Collection<Figure> previousMonth, Collection<Figure> sameMonthLastYear) {
        Map<String, Unit> unitByCode = new HashMap<>();
        units.forEach(u -> unitByCode.put(u.code(), u));
        Map<String, KpiDef> kpiByCode = new LinkedHashMap<>();
        kpis.forEach(k -> kpiByCode.put(k.code(), k));

        Map<String, Map<String, Effective>> now = effective(unitByCode, kpiByCode, current);
        Map<String, Map<String, Effective>> mom = effective(unitByCode, kpiByCode, previousMonth);
        Map<String, Map<String, Effective>> yoy = effective(unitByCode, kpiByCode, sameMonthLastYear);

        List<Result> results = new ArrayList<>();
        for (var byUnit : now.entrySet()) {
            Unit unit = unitByCode.get(byUnit.getKey());
            for (var byKpi : byUnit.getValue().entrySet()) {
                KpiDef kpi = kpiByCode.get(byKpi.getKey());
                results.add(result(unit, kpi, byKpi.getValue(), earlierActual(mom, unit, kpi), earlierActual(yoy, unit, kpi)));
            }
        }
        results = ranked(results, unitByCode);
        return new Calculation(results, gaps(unitByCode, kpiByCode, weightedKpis, current));
    }

    Result result(Unit unit, KpiDef kpi, Effective e, BigDecimal previousActual, BigDecimal lastYearActual) {
        BigDecimal target = round(e.target());
        BigDecimal actual = round(e.actual());
        BigDecimal deviation = target != null && actual != null ? actual.subtract(target) : null;
        BigDecimal deviationPct = deviation != null ? ratio(deviation, target.abs()) : null;
        BigDecimal attainment = attainment(kpi.lowerIsBetter(), target, actual);
        return new Result(unit.type(), unit.code(), kpi.code(), unit.companyCode(), target, actual, deviation,
                deviationPct, attainment, growth(actual, round(previousActual)), growth(actual, round(lastYearActual)),
                attainment == null ? null : status.apply(attainment), null, e.rolledUp());
    }

    BigDecimal attainment(boolean lowerIsBetter, BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null) {
            return null;
        }
        BigDecimal raw;
        if (lowerIsBetter) {
            raw = actual.signum() == 0 ? cap : ratio(target, actual);
        } else {
            raw = ratio(actual, target);
        }
        return raw == null ? null : raw.min(cap).setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal growth(BigDecimal actual, BigDecimal earlier) {
        if (actual == null || earlier == null) {
            return null;
        }
        return ratio(actual.subtract(earlier), earlier.abs());
    }

    /** numerator / denominator to 6 decimals, null for a zero denominator. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal earlierActual(Map<String, Map<String, Effective>> earlier, Unit unit, KpiDef kpi) {
        Effective e = earlier.getOrDefault(unit.code(), Map.of()).get(kpi.code());
        return e == null ? null : e.actual();
    }

    /** Own figure rows, then roll-ups of people's complete pairs where a higher unit has no row. */
    Map<String, Map<String, Effective>> effective(Map<String, Unit> units, Map<String, KpiDef> kpis,
            Collection<Figure> figures) {
        Map<String, Map<String, Effective>> own = new HashMap<>();
        Map<String, Map<String, Accumulator>> rollUps = new HashMap<>();
        for (Figure f : figures) {
            Unit unit = units.get(f.unitCode());
            if (unit == null || !unit.type().equals(f.unitType()) || !kpis.containsKey(f.kpiCode())) {
                continue; // figures of units or KPIs no longer in the organisation/catalogue
            }
            own.computeIfAbsent(unit.code(), c -> new HashMap<>()).put(f.kpiCode(), new Effective(f.target(), f.actual(), false));
            if ("person".equals(unit.type()) && f.target() != null && f.actual() != null) {
                Unit ancestor = units.get(unit.parentCode());
                for (int depth = 0; ancestor != null && depth < 64; depth++) {
                    rollUps.computeIfAbsent(ancestor.code(), c -> new HashMap<>())
                            .computeIfAbsent(f.kpiCode(), k -> new Accumulator()).add(f.target(), f.actual());
                    ancestor = units.get(ancestor.parentCode());
                }
            }
        }
        for (var byUnit : rollUps.entrySet()) {
            Map<String, Effective> unitOwn = own.computeIfAbsent(byUnit.getKey(), c -> new HashMap<>());
            for (var byKpi : byUnit.getValue().entrySet()) {
                if (!unitOwn.containsKey(byKpi.getKey())) {
                    boolean avg = "avg".equals(kpis.get(byKpi.getKey()).aggregation());
                    unitOwn.put(byKpi.getKey(), byKpi.getValue().effective(avg));
                }
            }
        }
        return own;
    }

    private List<Result> ranked(List<Result> results, Map<String, Unit> units) {
        Map<String, List<Result>> groups = new HashMap<>();
        for (Result r : results) {
            if (r.attainment() != null) {
                String role = "person".equals(r.unitType()) ? String.valueOf(units.get(r.unitCode()).role()) : "";
                groups.computeIfAbsent(r.companyCode() + '|' + r.unitType() + '|' + r.kpiCode() + '|' + role,
                        g -> new ArrayList<>()).add(r);
            }
        }
        Map<Result, Integer> rankOf = new HashMap<>();
        for (List<Result> group : groups.values()) {
            group.sort(Comparator.comparing(Result::attainment).reversed());
            for (int i = 0; i < group.size(); i++) {
                boolean tie = i > 0 && group.get(i).attainment().compareTo(group.get(i - 1).attainment()) == 0;
                rankOf.put(group.get(i), tie ? rankOf.get(group.get(i - 1)) : i + 1);
            }
        }
        List<Result> ranked = new ArrayList<>(results.size());
        for (Result r : results) {
            ranked.add(new Result(r.unitType(), r.unitCode(), r.kpiCode(), r.companyCode(), r.target(), r.actual(),
                    r.deviation(), r.deviationPct(), r.attainment(), r.momGrowth(), r.yoyGrowth(), r.status(),
                    rankOf.get(r), r.rolledUp()));
        }
        ranked.sort(Comparator.comparing(Result::unitType).thenComparing(Result::unitCode).thenComparing(Result::kpiCode));
        return ranked;
    }

    private List<Gap> gaps(Map<String, Unit> units, Map<String, KpiDef> kpis, Map<String, Set<String>> weightedKpis,
            Collection<Figure> figures) {
        Map<String, Gap> gaps = new LinkedHashMap<>();
        Map<String, Set<String>> reportedByPerson = new HashMap<>();
        for (Figure f : figures) {
            Unit unit = units.get(f.unitCode());
            if (unit == null || !unit.type().equals(f.unitType()) || !kpis.containsKey(f.kpiCode())) {
                continue;
            }
            if (f.target() == null || f.actual() == null) {
                String missing = f.target() == null && f.actual() == null ? "both" : f.target() == null ? "target" : "actual";
                gaps.put(unit.code() + '|' + f.kpiCode(), new Gap(unit.type(), unit.code(), f.kpiCode(), unit.companyCode(), missing));
            }
            if ("person".equals(unit.type())) {
                reportedByPerson.computeIfAbsent(unit.code(), c -> new java.util.HashSet<>()).add(f.kpiCode());
            }
        }
        for (var person : reportedByPerson.entrySet()) {
            Unit unit = units.get(person.getKey());
            Set<String> weighted = weightedKpis.getOrDefault(unit.role(), weightedKpis.getOrDefault("employee", Set.of()));
            for (String kpi : weighted) {
                if (kpis.containsKey(kpi) && !person.getValue().contains(kpi)) {
                    gaps.put(unit.code() + '|' + kpi, new Gap(unit.type(), unit.code(), kpi, unit.companyCode(), "both"));
                }
            }
        }
        List<Gap> list = new ArrayList<>(gaps.values());
        list.sort(Comparator.comparing(Gap::unitType).thenComparing(Gap::unitCode).thenComparing(Gap::kpiCode));
        return list;
    }

    private static final class Accumulator {
        private BigDecimal targets = BigDecimal.ZERO;
        private BigDecimal actuals = BigDecimal.ZERO;
        private int count;

        void add(BigDecimal target, BigDecimal actual) {
            targets = targets.add(target);
            actuals = actuals.add(actual);
            count++;
        }

        Effective effective(boolean average) {
            if (!average) {
                return new Effective(targets, actuals, true);
            }
            BigDecimal n = BigDecimal.valueOf(count);
            return new Effective(targets.divide(n, WORK_SCALE, RoundingMode.HALF_UP),
                    actuals.divide(n, WORK_SCALE, RoundingMode.HALF_UP), true);
        }
    }
}
