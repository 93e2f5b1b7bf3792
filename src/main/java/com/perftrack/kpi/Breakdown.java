package com.perftrack.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A unit's figure split by product, channel or customer (SPEC.md section 7), plain Java.
 * <ul>
 * <li>The parts of a unit are its own parts when it has any for the month and KPI; otherwise the
 * parts of its children, each the same way (a company without parts of its own shows its
 * departments', regions' or people's), so no part is counted twice.</li>
 * <li>Per key: target and actual are the aggregate of the key's parts ({@link FigureParts}); over a
 * quarter, half year or year the months are aggregated like results (only months with both target and
 * actual count: {@link PeriodAttainment}).</li>
 * <li>attainment by the rule of sections 4 and 6 (inverted for lower-is-better, capped); null without
 * both figures or for a higher-is-better target of 0;</li>
 * <li>share = the key's actual / the sum of the keys' actuals, for sum KPIs only (null otherwise, and
 * when that sum is 0).</li>
 * </ul>
 * Parts without a value for the dimension asked for are not in its breakdown. Rows are ordered by
 * actual, highest first. Ratios are rounded half-up to 6 decimals.
 */
public final class Breakdown {

    /** One key of the breakdown (SPEC.md section 7: {@code {key, target, actual, attainment, share}}). */
    public record Row(String key, BigDecimal target, BigDecimal actual, BigDecimal attainment, BigDecimal share) {}

    private final PeriodAttainment attainment;

    public Breakdown(BigDecimal cap) {
        this.attainment = new PeriodAttainment(cap);
    }

    /**
     * @param months the period's months, oldest first
     * @param parts every part of the unit's subtree for the KPI in those months
     * @param children the unit codes under each unit code
     */
    public List<Row> of(String unitCode, Kpi kpi, String by, List<String> months, List<FigurePart> parts,
            Function<String, List<String>> children) {
        Map<String, List<PeriodAttainment.MonthFigure>> perKey = new LinkedHashMap<>();
        for (String month : months) {
            Map<String, List<FigurePart>> byUnit = new HashMap<>();
            parts.stream().filter(p -> p.period().equals(month) && p.kpiCode().equals(kpi.code()))
                    .forEach(p -> byUnit.computeIfAbsent(p.unitCode(), u -> new ArrayList<>()).add(p));
            List<FigurePart> effective = effective(unitCode, byUnit, children, new TreeSet<>());
            FigureParts.byDimension(effective, by).forEach((key, group) -> {
                FigureParts.Total total = FigureParts.total(group, kpi.aggregation());
                perKey.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new PeriodAttainment.MonthFigure(month, total.target(), total.actual()));
            });
        }
        List<Row> rows = new ArrayList<>();
        perKey.forEach((key, monthFigures) -> {
            BigDecimal target;
            BigDecimal actual;
            if (monthFigures.size() == 1 && months.size() == 1) {
                target = monthFigures.get(0).target();
                actual = monthFigures.get(0).actual();
            } else {
                var aggregate = PeriodAttainment.aggregate(kpi.aggregation(), monthFigures);
                target = aggregate.map(PeriodAttainment.Aggregate::target).orElse(null);
                actual = aggregate.map(PeriodAttainment.Aggregate::actual).orElse(null);
            }
            BigDecimal att = target == null || actual == null ? null
                    : attainment.attainment(kpi.lowerIsBetter(), new PeriodAttainment.Aggregate(target, actual, List.of()))
                            .map(Breakdown::ratio).orElse(null);
            rows.add(new Row(key, target, actual, att, null));
        });
        BigDecimal total = rows.stream().map(Row::actual).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean shares = "sum".equals(kpi.aggregation()) && total.signum() != 0;
        List<Row> answer = new ArrayList<>();
        for (Row r : rows) {
            BigDecimal share = shares && r.actual() != null ? ratio(r.actual().divide(total, PeriodAttainment.PRECISION)) : null;
            answer.add(new Row(r.key(), plain(r.target()), plain(r.actual()), r.attainment(), share));
        }
        answer.sort(Comparator.comparing(Row::actual, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Row::key));
        return answer;
    }

    /** The unit's own parts, or else its children's (each the same way). */
    static List<FigurePart> effective(String unit, Map<String, List<FigurePart>> byUnit,
            Function<String, List<String>> children, Set<String> seen) {
        List<FigurePart> own = byUnit.get(unit);
        if (own != null && !own.isEmpty()) {
            return own;
        }
        List<FigurePart> result = new ArrayList<>();
        if (seen.add(unit)) {
            for (String child : children.apply(unit)) {
                result.addAll(effective(child, byUnit, children, seen));
            }
        }
        return result;
    }

    static BigDecimal ratio(BigDecimal value) {
        return value.setScale(KpiCalculator.SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.setScale(Math.max(0, Math.min(KpiCalculator.SCALE,
                value.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
    }
}
