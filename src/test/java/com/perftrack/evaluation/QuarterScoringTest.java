package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.evaluation.QuarterScoring.MonthFigure;
import com.perftrack.kpi.Kpi;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC.md section 4 scoring rules with hand-worked numbers (quarter 2026-Q1 = 2026-01..03). */
class QuarterScoringTest {

    static final List<String> MONTHS = List.of("2026-01", "2026-02", "2026-03");
    static final Map<String, Kpi> CATALOGUE = Map.of(
            "SALES_AMOUNT", kpi("SALES_AMOUNT", "higher", "sum"),
            "NEW_CUSTOMERS", kpi("NEW_CUSTOMERS", "higher", "sum"),
            "CUSTOMER_SATISFACTION", kpi("CUSTOMER_SATISFACTION", "higher", "avg"),
            "ORDER_CONVERSION", kpi("ORDER_CONVERSION", "higher", "avg"),
            "SALES_CYCLE_DAYS", kpi("SALES_CYCLE_DAYS", "lower", "avg"),
            "COMPLAINTS", kpi("COMPLAINTS", "lower", "sum"),
            "BACKLOG", kpi("BACKLOG", "higher", "last"));
    static final Map<String, BigDecimal> EMPLOYEE = weights("SALES_AMOUNT", 50, "NEW_CUSTOMERS", 20,
            "CUSTOMER_SATISFACTION", 20, "ORDER_CONVERSION", 10);

    final QuarterScoring scoring = new QuarterScoring(new BigDecimal("1.5"));

    @Test
    void score_is_the_weighted_mean_of_quarter_attainments_with_each_kpis_aggregation() {
        // sales sum 320/300 = 1.0666…, new customers 12/15 = 0.8, satisfaction avg 0.9/0.9 = 1.0,
        // conversion avg 0.1/0.2 = 0.5: (50×1.0666… + 20×0.8 + 20×1.0 + 10×0.5) / 100 = 0.94333… → 0.9433
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS, Map.of(
                "SALES_AMOUNT", months("100", "90", "100", "110", "100", "120"),
                "NEW_CUSTOMERS", months("5", "4", "5", "4", "5", "4"),
                "CUSTOMER_SATISFACTION", months("0.9", "0.81", "0.9", "0.9", "0.9", "0.99"),
                "ORDER_CONVERSION", months("0.2", "0.1", "0.2", "0.1", "0.2", "0.1")));
        assertThat(score.score()).isEqualByComparingTo("0.9433");
        assertThat(score.belowTarget()).as("below target = score < 100%").isTrue();
        assertThat(score.dataGaps()).isEmpty();
    }

    @Test
    void months_with_a_gap_are_listed_and_not_counted_and_weights_renormalise_over_kpis_with_data() {
        // sales 300/300 = 1.0; new customers only January complete: 6/5 = 1.2; satisfaction 1.0;
        // conversion has no month at all → left out: (50×1.0 + 20×1.2 + 20×1.0) / 90 = 94/90 = 1.04444… → 1.0444
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS, Map.of(
                "SALES_AMOUNT", months("100", "100", "100", "100", "100", "100"),
                "NEW_CUSTOMERS", List.of(new MonthFigure("2026-01", bd("5"), bd("6")),
                        new MonthFigure("2026-02", bd("5"), null), new MonthFigure("2026-03", null, bd("9"))),
                "CUSTOMER_SATISFACTION", months("0.9", "0.9", "0.9", "0.9", "0.9", "0.9")));
        assertThat(score.score()).isEqualByComparingTo("1.0444");
        assertThat(score.belowTarget()).isFalse();
        assertThat(score.attainments()).doesNotContainKey("ORDER_CONVERSION");
        assertThat(score.dataGaps()).containsExactly("2026-02 NEW_CUSTOMERS", "2026-03 NEW_CUSTOMERS",
                "2026-01 ORDER_CONVERSION", "2026-02 ORDER_CONVERSION", "2026-03 ORDER_CONVERSION");
    }

    @Test
    void attainment_is_capped_at_the_configured_maximum() {
        // 200/100 = 2.0, capped at 1.5; the only KPI with data → score 1.5
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS,
                Map.of("SALES_AMOUNT", months("100", "200", "0", "0", "0", "0")));
        assertThat(score.attainments().get("SALES_AMOUNT")).isEqualByComparingTo("1.5");
        assertThat(score.score()).isEqualByComparingTo("1.5000");
    }

    @Test
    void lower_is_better_inverts_attainment_and_zero_actual_is_the_cap() {
        // sales cycle: avg target 30, avg actual (36+40+44)/3 = 40 → 30/40 = 0.75
        assertThat(scoring.attainment(CATALOGUE.get("SALES_CYCLE_DAYS"), months("30", "36", "30", "40", "30", "44")))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("0.75"));
        // complaints: target 4 in total, none at all → best possible = cap
        assertThat(scoring.attainment(CATALOGUE.get("COMPLAINTS"), months("1", "0", "1", "0", "2", "0")))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("1.5"));
    }

    @Test
    void lower_is_better_with_zero_target_and_zero_actual_is_exactly_on_target_as_in_the_monthly_results() {
        // SPEC.md section 6: "lower-is-better with actual 0 gives the cap when target > 0 and 1.0 when target is 0"
        assertThat(scoring.attainment(CATALOGUE.get("COMPLAINTS"), months("0", "0", "0", "0", "0", "0")))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("1"));
        // "lower-is-better with target 0 and actual > 0 gives 0"
        assertThat(scoring.attainment(CATALOGUE.get("COMPLAINTS"), months("0", "1", "0", "0", "0", "2")))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("0"));
    }

    @Test
    void a_weighted_kpi_with_target_zero_is_a_data_gap_not_silently_dropped() {
        // new customers: target 0 all quarter → no attainment, listed; the score renormalises over sales:
        // 330/300 = 1.1 → (50 × 1.1) / 50 = 1.1000
        var score = scoring.score(CATALOGUE, weights("SALES_AMOUNT", 50, "NEW_CUSTOMERS", 20), MONTHS, Map.of(
                "SALES_AMOUNT", months("100", "110", "100", "110", "100", "110"),
                "NEW_CUSTOMERS", months("0", "3", "0", "2", "0", "1")));
        assertThat(score.score()).isEqualByComparingTo("1.1000");
        assertThat(score.attainments()).doesNotContainKey("NEW_CUSTOMERS");
        assertThat(score.dataGaps()).containsExactly("2026-01..2026-03 NEW_CUSTOMERS target 0");
    }

    @Test
    void last_aggregation_takes_the_last_month_with_both_figures() {
        assertThat(scoring.attainment(CATALOGUE.get("BACKLOG"), months("10", "12", "20", "18", "30", "33")))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("1.1"));
        var marchIncomplete = List.of(new MonthFigure("2026-01", bd("10"), bd("12")),
                new MonthFigure("2026-02", bd("20"), bd("18")), new MonthFigure("2026-03", bd("30"), null));
        assertThat(scoring.attainment(CATALOGUE.get("BACKLOG"), marchIncomplete))
                .get().satisfies(a -> assertThat(a).isEqualByComparingTo("0.9"));
    }

    @Test
    void only_kpis_weighted_for_the_role_count() {
        // complaints are not weighted for employee: 10 complaints against a target of 1 change nothing
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS, Map.of(
                "SALES_AMOUNT", months("100", "80", "100", "80", "100", "80"),
                "COMPLAINTS", months("1", "10", "1", "10", "1", "10")));
        assertThat(score.score()).isEqualByComparingTo("0.8000");
        assertThat(score.attainments()).containsOnlyKeys("SALES_AMOUNT");
    }

    @Test
    void a_person_without_any_scorable_kpi_has_no_score_and_is_not_below_target() {
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS,
                Map.of("SALES_AMOUNT", List.of(new MonthFigure("2026-01", bd("100"), null))));
        assertThat(score.scorable()).isFalse();
        assertThat(score.score()).isNull();
        assertThat(score.belowTarget()).isFalse();
        assertThat(score.dataGaps()).hasSize(12);
    }

    @Test
    void exactly_one_hundred_percent_is_at_target() {
        var score = scoring.score(CATALOGUE, EMPLOYEE, MONTHS,
                Map.of("SALES_AMOUNT", months("100", "100", "100", "100", "100", "100")));
        assertThat(score.score()).isEqualByComparingTo("1.0000");
        assertThat(score.belowTarget()).isFalse();
    }

    static Kpi kpi(String code, String direction, String aggregation) {
        return new Kpi(code, code, code, "unit", direction, aggregation, "sales");
    }

    /** target, actual pairs for January, February, March. */
    static List<MonthFigure> months(String... targetActual) {
        return List.of(new MonthFigure("2026-01", bd(targetActual[0]), bd(targetActual[1])),
                new MonthFigure("2026-02", bd(targetActual[2]), bd(targetActual[3])),
                new MonthFigure("2026-03", bd(targetActual[4]), bd(targetActual[5])));
    }

    static Map<String, BigDecimal> weights(Object... codeWeight) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < codeWeight.length; i += 2) {
            weights.put((String) codeWeight[i], BigDecimal.valueOf((Integer) codeWeight[i + 1]));
        }
        return weights;
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
