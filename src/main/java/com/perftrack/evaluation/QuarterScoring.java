package com.perftrack.evaluation;

import com.perftrack.kpi.Kpi;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC.md section 4, as plain Java. Per KPI only months with both target and actual count;
 * attainment = aggregate(actuals) / aggregate(targets) (sum, avg or last), inverted for
 * lower-is-better, capped. Score = weighted mean over the KPIs with data, weights renormalised.
 */
public final class QuarterScoring {

    static final MathContext PRECISION = MathContext.DECIMAL64;
    public static final int SCORE_SCALE = 4;

    /** One month of one KPI for one person; {@code null} = not reported. */
    public record MonthFigure(String period, BigDecimal target, BigDecimal actual) {
        boolean complete() {
            return target != null && actual != null;
        }
    }

    /** A person's quarter: score (4 decimals; {@code null} when no weighted KPI has data), attainments, data gaps. */
    public record PersonScore(BigDecimal score, Map<String, BigDecimal> attainments, List<String> dataGaps) {
        public boolean scorable() {
            return score != null;
        }

        public boolean belowTarget() {
            return score != null && score.compareTo(BigDecimal.ONE) < 0;
        }
    }

    private final BigDecimal cap;

    public QuarterScoring(BigDecimal cap) {
        this.cap = cap;
    }

    /** The KPI's quarter attainment, or empty when no month has both figures (or the ratio is undefined). */
    public Optional<BigDecimal> attainment(Kpi kpi, List<MonthFigure> months) {
        List<MonthFigure> counted = months.stream().filter(MonthFigure::complete)
                .sorted(Comparator.comparing(MonthFigure::period)).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal target = aggregate(kpi.aggregation(), counted.stream().map(MonthFigure::target).toList());
        BigDecimal actual = aggregate(kpi.aggregation(), counted.stream().map(MonthFigure::actual).toList());
        BigDecimal numerator = kpi.lowerIsBetter() ? target : actual;
        BigDecimal denominator = kpi.lowerIsBetter() ? actual : target;
        if (denominator.signum() == 0) {
            // SPEC.md section 6, the same as the monthly results: lower-is-better with an actual of zero
            // is the cap when a target above zero was set, and exactly on target (1.0) when the target
            // was zero too; a higher-is-better target of zero has no attainment (a data gap, see score)
            if (kpi.lowerIsBetter()) {
                return Optional.of(numerator.signum() > 0 ? cap : BigDecimal.ONE);
            }
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, PRECISION).min(cap));
    }

    /**
     * The person's score over the KPIs that carry a weight for the role. A KPI-month with a missing
     * target or actual is a data gap ("2026-02 SALES_AMOUNT"), never a zero.
     */
    public PersonScore score(Map<String, Kpi> catalogue, Map<String, BigDecimal> weights, List<String> quarterMonths,
            Map<String, List<MonthFigure>> figuresByKpi) {
        Map<String, BigDecimal> attainments = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        for (var entry : weights.entrySet()) {
            Kpi kpi = catalogue.get(entry.getKey());
            if (kpi == null || entry.getValue().signum() <= 0) {
                continue;
            }
            List<MonthFigure> months = figuresByKpi.getOrDefault(kpi.code(), List.of());
            for (String month : quarterMonths) {
                boolean complete = months.stream().anyMatch(m -> m.period().equals(month) && m.complete());
                if (!complete) {
                    gaps.add(month + " " + kpi.code());
                }
            }
            Optional<BigDecimal> attainment = attainment(kpi, months);
            if (attainment.isEmpty() && months.stream().anyMatch(MonthFigure::complete)) {
                // figures were there, but a higher-is-better target of zero gives no ratio: listed,
                // never silently dropped (SPEC.md section 6)
                gaps.add(quarterMonths.get(0) + ".." + quarterMonths.get(quarterMonths.size() - 1) + " " + kpi.code()
                        + " target 0");
            }
            if (attainment.isPresent()) {
                attainments.put(kpi.code(), attainment.get());
                weighted = weighted.add(attainment.get().multiply(entry.getValue(), PRECISION));
                weightSum = weightSum.add(entry.getValue());
            }
        }
        BigDecimal score = weightSum.signum() == 0 ? null
                : weighted.divide(weightSum, PRECISION).setScale(SCORE_SCALE, RoundingMode.HALF_UP);
        return new PersonScore(score, attainments, gaps);
    }

    private static BigDecimal aggregate(String aggregation, List<BigDecimal> values) {
        return switch (aggregation) {
            case "sum" -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "avg" -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), PRECISION);
            case "last" -> values.get(values.size() - 1);
            default -> throw new IllegalArgumentException("unknown aggregation '" + aggregation + "'");
        };
    }
}
