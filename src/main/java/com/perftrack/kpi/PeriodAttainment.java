package com.perftrack.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SPEC.md sections 4 and 6 for a period of several months, the one copy of the rule: only months
 * with both target and actual count; target and actual are the aggregate of the counted months
 * with the KPI's aggregation (sum, avg, last); attainment = actual / target, target / actual for
 * lower-is-better, capped. A lower-is-better actual of 0 is the cap (target above 0) or 1.0
 * (target 0 too); a lower-is-better target of 0 with an actual above 0 is 0; a higher-is-better
 * target of 0 has no attainment (a data gap "target 0"). Used by the quarterly scores and by the
 * results of quarters, half years and years.
 */
public final class PeriodAttainment {

    public static final MathContext PRECISION = MathContext.DECIMAL64;

    /** One month of one KPI for one unit; {@code null} = not reported. */
    public record MonthFigure(String period, BigDecimal target, BigDecimal actual) {
        public boolean complete() {
            return target != null && actual != null;
        }
    }

    /** Target and actual over the counted months (oldest first). */
    public record Aggregate(BigDecimal target, BigDecimal actual, List<String> countedMonths) {}

    private final BigDecimal cap;

    public PeriodAttainment(BigDecimal cap) {
        this.cap = cap;
    }

    /** The aggregate over the months with both figures; empty when no month has both. */
    public static Optional<Aggregate> aggregate(String aggregation, List<MonthFigure> months) {
        List<MonthFigure> counted = months.stream().filter(MonthFigure::complete)
                .sorted(Comparator.comparing(MonthFigure::period)).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Aggregate(combine(aggregation, counted.stream().map(MonthFigure::target).toList()),
                combine(aggregation, counted.stream().map(MonthFigure::actual).toList()),
                counted.stream().map(MonthFigure::period).toList()));
    }

    /** The attainment of the months' aggregate, or empty when no month counts or the ratio is undefined. */
    public Optional<BigDecimal> attainment(boolean lowerIsBetter, String aggregation, List<MonthFigure> months) {
        return aggregate(aggregation, months).flatMap(a -> attainment(lowerIsBetter, a));
    }

    /** The attainment of an aggregate (unrounded, {@link #PRECISION}), or empty for a higher-is-better target of 0. */
    public Optional<BigDecimal> attainment(boolean lowerIsBetter, Aggregate aggregate) {
        BigDecimal numerator = lowerIsBetter ? aggregate.target() : aggregate.actual();
        BigDecimal denominator = lowerIsBetter ? aggregate.actual() : aggregate.target();
        if (denominator.signum() == 0) {
            if (lowerIsBetter) {
                return Optional.of(numerator.signum() > 0 ? cap : BigDecimal.ONE);
            }
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, PRECISION).min(cap));
    }

    /** The aggregate of values (oldest first) with a KPI's aggregation: sum, avg (mean) or last. */
    static BigDecimal combine(String aggregation, List<BigDecimal> values) {
        return switch (aggregation) {
            case "sum" -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "avg" -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), PRECISION);
            case "last" -> values.get(values.size() - 1);
            default -> throw new IllegalArgumentException("unknown aggregation '" + aggregation + "'");
        };
    }
}
