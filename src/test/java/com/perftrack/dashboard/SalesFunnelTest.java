package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesFunnelTest {

    @Test
    void stage_conversions_are_each_stage_over_the_stage_before() {
        // 200 leads → 120 contacts (0.6) → 60 needs (0.5) → 30 proposals (0.5) → 12 won (0.4); 9 lost
        var funnel = SalesFunnel.of(Map.of("FUNNEL_LEADS", bd("200"), "FUNNEL_CONTACTS", bd("120"),
                "FUNNEL_NEEDS", bd("60"), "FUNNEL_PROPOSALS", bd("30"), "FUNNEL_WON", bd("12"), "FUNNEL_LOST", bd("9")));
        assertThat(funnel.stages()).extracting(SalesFunnel.Stage::kpiCode).containsExactly("FUNNEL_LEADS",
                "FUNNEL_CONTACTS", "FUNNEL_NEEDS", "FUNNEL_PROPOSALS", "FUNNEL_WON");
        assertThat(funnel.stages().get(0).conversionFromPrevious()).isNull();
        assertThat(funnel.stages().get(1).conversionFromPrevious()).isEqualByComparingTo("0.6");
        assertThat(funnel.stages().get(2).conversionFromPrevious()).isEqualByComparingTo("0.5");
        assertThat(funnel.stages().get(3).conversionFromPrevious()).isEqualByComparingTo("0.5");
        assertThat(funnel.stages().get(4).conversionFromPrevious()).isEqualByComparingTo("0.4");
        assertThat(funnel.overallConversion()).isEqualByComparingTo("0.06");   // 12 / 200
        assertThat(funnel.winRate()).isEqualByComparingTo("0.571429");         // 12 / 21 = 0.5714285..
        assertThat(funnel.lost()).isEqualByComparingTo("9");
    }

    @Test
    void a_missing_or_zero_stage_gives_no_rate_for_the_next_one() {
        Map<String, BigDecimal> actuals = new HashMap<>();
        actuals.put("FUNNEL_LEADS", bd("50"));
        actuals.put("FUNNEL_NEEDS", bd("0"));
        actuals.put("FUNNEL_PROPOSALS", bd("5"));
        actuals.put("FUNNEL_WON", bd("1"));
        var funnel = SalesFunnel.of(actuals);
        assertThat(funnel.stages().get(1).count()).isNull();
        assertThat(funnel.stages().get(1).conversionFromPrevious()).isNull(); // contacts not reported
        assertThat(funnel.stages().get(2).conversionFromPrevious()).isNull(); // previous missing
        assertThat(funnel.stages().get(3).conversionFromPrevious()).isNull(); // 5 / 0
        assertThat(funnel.stages().get(4).conversionFromPrevious()).isEqualByComparingTo("0.2"); // 1 / 5
        assertThat(funnel.overallConversion()).isEqualByComparingTo("0.02"); // 1 / 50
        assertThat(funnel.winRate()).isNull();                                // lost not reported
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
