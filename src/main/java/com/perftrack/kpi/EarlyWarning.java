package com.perftrack.kpi;

import com.perftrack.kpi.PeriodAttainment.MonthFigure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The early-warning forecast of SPEC.md section 7 for one unit and KPI, plain Java (no engine, no
 * database). Given the quarter's three months and the position (1, 2 or 3) of the month "now":
 * <ul>
 * <li>the months so far are the quarter's months up to and including now that have both target
 * and actual (section 4's rule); {@code monthsSoFar} counts them. A month with a gap is not
 * counted and not taken as zero: with month 1 missing and month 2 reported, monthsSoFar = 1 and
 * the forecast extrapolates month 2 alone;</li>
 * <li>projected actual = the counted actuals' sum × 3 / monthsSoFar ({@code sum}), their mean
 * ({@code avg}), the latest ({@code last});</li>
 * <li>projected target = the aggregate of the three months' targets when all three are known
 * (later months' targets are often imported ahead), otherwise the counted months' targets
 * extrapolated the same way as the actual;</li>
 * <li>forecast attainment = projected actual / projected target with {@link PeriodAttainment}'s
 * rule (inverted for lower-is-better, capped, its edge cases);</li>
 * <li>in the quarter's last month the projection is the quarter's actual when all three months
 * are reported (× 3 / 3): the warning then says how the quarter ended.</li>
 * </ul>
 * Actuals of months after now are never used. No forecast when no month counts yet or the ratio is
 * undefined (a higher-is-better projected target of 0).
 */
public final class EarlyWarning {

    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    /** Ratios unrounded ({@link PeriodAttainment#PRECISION}); attainmentSoFar null when undefined. */
    public record Forecast(int monthsSoFar, BigDecimal attainmentSoFar, BigDecimal forecastAttainment,
            BigDecimal projectedActual, BigDecimal projectedTarget) {}

    private final PeriodAttainment attainment;

    public EarlyWarning(BigDecimal cap) {
        this.attainment = new PeriodAttainment(cap);
    }

    /**
     * @param quarter the quarter's three months, oldest first ({@code null} figures = not reported)
     * @param now 1, 2 or 3: which of them is the month the forecast is made in
     */
    public Optional<Forecast> forecast(String aggregation, boolean lowerIsBetter, List<MonthFigure> quarter, int now) {
        if (quarter.size() != 3 || now < 1 || now > 3) {
            throw new IllegalArgumentException("a quarter has three months; now must be 1, 2 or 3, got " + now);
        }
        List<MonthFigure> soFar = quarter.subList(0, now);
        List<MonthFigure> counted = soFar.stream().filter(MonthFigure::complete).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal actual = project(aggregation, counted.stream().map(MonthFigure::actual).toList());
        boolean allTargets = quarter.stream().allMatch(m -> m.target() != null);
        BigDecimal target = allTargets
                ? PeriodAttainment.combine(aggregation, quarter.stream().map(MonthFigure::target).toList())
                : project(aggregation, counted.stream().map(MonthFigure::target).toList());
        var projected = new PeriodAttainment.Aggregate(target, actual, counted.stream().map(MonthFigure::period).toList());
        return attainment.attainment(lowerIsBetter, projected).map(forecast -> new Forecast(counted.size(),
                attainment.attainment(lowerIsBetter, aggregation, soFar).orElse(null), forecast, actual, target));
    }

    /** The quarter's value from the counted months: a sum grows to three months, a mean or a last stays. */
    private static BigDecimal project(String aggregation, List<BigDecimal> counted) {
        BigDecimal combined = PeriodAttainment.combine(aggregation, counted);
        return "sum".equals(aggregation)
                ? combined.multiply(THREE).divide(BigDecimal.valueOf(counted.size()), PeriodAttainment.PRECISION)
                : combined;
    }
}
