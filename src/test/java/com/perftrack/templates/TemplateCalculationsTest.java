package com.perftrack.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The survey's satisfaction mapping and the plan review, worked by hand. */
class TemplateCalculationsTest {

    @Test
    void satisfaction_is_the_mean_score_over_five_as_a_fraction() {
        // three customers × four questions: 5+4+4+3 = 16, 4+4+5+2 = 15, 5+5+4+4 = 18; 49 / 12 = 4.08333…
        List<Integer> scores = List.of(5, 4, 4, 3, 4, 4, 5, 2, 5, 5, 4, 4);
        assertThat(Satisfaction.mean(scores)).isEqualByComparingTo("4.0833");
        // 49 / (12 × 5) = 49 / 60 = 0.816666… → 0.8167 (half-up, 4 places)
        assertThat(Satisfaction.fraction(scores)).isEqualByComparingTo("0.8167");
        // the ends of the scale: all 5s are 100%, all 1s 20%
        assertThat(Satisfaction.fraction(List.of(5, 5))).isEqualByComparingTo("1");
        assertThat(Satisfaction.fraction(List.of(1, 1, 1))).isEqualByComparingTo("0.2");
    }

    @Test
    void plan_review_compares_targets_with_actuals_and_inverts_lower_is_better() {
        OrgUnit east = new OrgUnit("R-E", OrgUnit.REGION, "华东", "S", "C", null, null, null);
        OrgUnit west = new OrgUnit("R-W", OrgUnit.REGION, "华西", "S", "C", null, null, null);
        List<Rows.PlanTarget> targets = List.of(
                new Rows.PlanTarget("2026-02", east, "SALES_AMOUNT", new BigDecimal("300000")),
                new Rows.PlanTarget("2026-02", east, "SALES_CYCLE_DAYS", new BigDecimal("30")),
                new Rows.PlanTarget("2026-02", west, "SALES_AMOUNT", new BigDecimal("200000")));
        Map<String, BigDecimal> actuals = Map.of("R-E|SALES_AMOUNT", new BigDecimal("270000"),
                "R-E|SALES_CYCLE_DAYS", new BigDecimal("40"));
        List<PlanReview.Line> lines = PlanReview.of(targets, actuals, "SALES_CYCLE_DAYS"::equals);
        // east sales: 270000 − 300000 = −30000; 270000 / 300000 = 0.9
        assertThat(lines.get(0).kpiCode()).isEqualTo("SALES_AMOUNT");
        assertThat(lines.get(0).deviation()).isEqualByComparingTo("-30000");
        assertThat(lines.get(0).attainment()).isEqualByComparingTo("0.9");
        // east cycle days, lower is better: 40 − 30 = 10; 30 / 40 = 0.75
        assertThat(lines.get(1).kpiCode()).isEqualTo("SALES_CYCLE_DAYS");
        assertThat(lines.get(1).deviation()).isEqualByComparingTo("10");
        assertThat(lines.get(1).attainment()).isEqualByComparingTo("0.75");
        // west has no result yet: the target stands alone
        assertThat(lines.get(2).regionCode()).isEqualTo("R-W");
        assertThat(lines.get(2).planTarget()).isEqualByComparingTo("200000");
        assertThat(lines.get(2).actual()).isNull();
        assertThat(lines.get(2).attainment()).isNull();
    }
}
