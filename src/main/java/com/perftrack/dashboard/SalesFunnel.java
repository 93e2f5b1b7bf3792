package com.perftrack.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sales funnel (销售漏斗) of SPEC.md section 4 from the month's {@code FUNNEL_*} actuals:
 * lead → first contact → needs confirmed → proposal → won, and lost beside it.
 *
 * <ul>
 * <li>stage conversion = stage count / previous stage count (null for the first stage, and when
 * the previous stage is missing or zero);</li>
 * <li>overall conversion = won / leads;</li>
 * <li>win rate = won / (won + lost), the share of decided opportunities that were won.</li>
 * </ul>
 * Rates are fractions rounded half-up to 6 decimals, like every percentage of the API.
 */
final class SalesFunnel {

    static final List<String> STAGES = List.of("FUNNEL_LEADS", "FUNNEL_CONTACTS", "FUNNEL_NEEDS", "FUNNEL_PROPOSALS",
            "FUNNEL_WON");
    static final String LOST = "FUNNEL_LOST";
    private static final int SCALE = 6;

    record Stage(String kpiCode, BigDecimal count, BigDecimal conversionFromPrevious) {}

    record Funnel(List<Stage> stages, BigDecimal lost, BigDecimal overallConversion, BigDecimal winRate) {}

    private SalesFunnel() {
    }

    /** @param actuals actual per FUNNEL_* KPI code; absent or null = not reported */
    static Funnel of(Map<String, BigDecimal> actuals) {
        List<Stage> stages = new ArrayList<>();
        BigDecimal previous = null;
        for (int i = 0; i < STAGES.size(); i++) {
            BigDecimal count = actuals.get(STAGES.get(i));
            stages.add(new Stage(STAGES.get(i), count, i == 0 ? null : rate(count, previous)));
            previous = count;
        }
        BigDecimal leads = actuals.get(STAGES.get(0));
        BigDecimal won = actuals.get("FUNNEL_WON");
        BigDecimal lost = actuals.get(LOST);
        BigDecimal decided = won != null && lost != null ? won.add(lost) : null;
        return new Funnel(stages, lost, rate(won, leads), rate(won, decided));
    }

    static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }
}
