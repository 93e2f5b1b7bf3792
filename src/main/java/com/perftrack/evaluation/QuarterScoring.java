package com.perftrack.evaluation;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.PeriodAttainment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
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

    static final MathContext PRECISION = PeriodAttainment.PRECISION;
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

    private final PeriodAttainment rule;

    public QuarterScoring(BigDecimal cap) {
        this.rule = new PeriodAttainment(cap);
    }

    /** The KPI's quarter attainment, or empty when no month has both figures (or the ratio is undefined). */
    public Optional<BigDecimal> attainment(Kpi kpi, List<MonthFigure> months) {
        // the rule lives in kpi.PeriodAttainment, shared with the results of quarters, half years and years
        return rule.attainment(kpi.lowerIsBetter(), kpi.aggregation(), months.stream()
                .map(m -> new PeriodAttainment.MonthFigure(m.period(), m.target(), m.actual())).toList());
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
}
