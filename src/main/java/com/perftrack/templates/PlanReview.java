package com.perftrack.templates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Next month's review of a regional plan: per region and KPI, the plan's target against the month's
 * actual result. deviation = actual − target; attainment = actual / target, or target / actual for a
 * lower-is-better KPI (4 places, half-up); both empty while the actual is not in (or divides by 0).
 */
final class PlanReview {

    /** One line of the review. */
    record Line(String period, String regionCode, String kpiCode, BigDecimal planTarget, BigDecimal actual,
            BigDecimal deviation, BigDecimal attainment) {
    }

    private PlanReview() {
    }

    /**
     * @param targets the plan's targets
     * @param actuals the month's actual per {@code regionCode|kpiCode}
     */
    static List<Line> of(List<Rows.PlanTarget> targets, Map<String, BigDecimal> actuals, Predicate<String> lowerIsBetter) {
        List<Line> lines = new ArrayList<>();
        for (Rows.PlanTarget t : targets) {
            BigDecimal actual = actuals.get(t.region().code() + '|' + t.kpiCode());
            BigDecimal deviation = actual == null ? null : actual.subtract(t.target());
            BigDecimal attainment = null;
            if (actual != null) {
                BigDecimal numerator = lowerIsBetter.test(t.kpiCode()) ? t.target() : actual;
                BigDecimal denominator = lowerIsBetter.test(t.kpiCode()) ? actual : t.target();
                attainment = denominator.signum() == 0 ? null : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
            }
            lines.add(new Line(t.period(), t.region().code(), t.kpiCode(), plain(t.target()), plain(actual), plain(deviation),
                    attainment));
        }
        lines.sort(Comparator.comparing(Line::regionCode).thenComparing(Line::kpiCode));
        return lines;
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
