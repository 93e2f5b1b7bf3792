package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.perftrack.kpi.EarlyWarning.Forecast;
import com.perftrack.kpi.PeriodAttainment.MonthFigure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The early-warning forecast (SPEC.md section 7), every number worked by hand in the comments; cap 150%. */
class EarlyWarningTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
    private final EarlyWarning warning = new EarlyWarning(new BigDecimal("1.5"));

    @Test
    void a_sum_kpi_in_the_second_month_is_extrapolated_to_three_months_against_the_three_known_targets() {
        // actual (80 + 90) × 3 / 2 = 255; target 100 + 100 + 120 = 320; 255 / 320 = 0.796875
        // so far: 170 / 200 = 0.85
        Forecast f = forecast("sum", false, 2, m(100, 80), m(100, 90), m(120, null));
        assertThat(f.monthsSoFar()).isEqualTo(2);
        assertThat(f.projectedActual()).isEqualByComparingTo("255");
        assertThat(f.projectedTarget()).isEqualByComparingTo("320");
        assertThat(f.forecastAttainment()).isEqualByComparingTo("0.796875");
        assertThat(f.attainmentSoFar()).isEqualByComparingTo("0.85");
    }

    @Test
    void an_unknown_third_month_target_is_extrapolated_like_the_actual() {
        // actual (90 + 96) × 3 / 2 = 279; target (100 + 120) × 3 / 2 = 330; 279 / 330 = 0.845454…
        Forecast f = forecast("sum", false, 2, m(100, 90), m(120, 96), m(null, null));
        assertThat(f.projectedTarget()).isEqualByComparingTo("330");
        assertThat(f.forecastAttainment()).isCloseTo(new BigDecimal("0.845454545454545"), within(TOLERANCE));
        // so far: 186 / 220 = 0.845454… (the same ratio: both are scaled by 3 / 2)
        assertThat(f.attainmentSoFar()).isCloseTo(new BigDecimal("0.845454545454545"), within(TOLERANCE));
    }

    @Test
    void in_the_first_month_one_month_is_tripled_and_later_actuals_are_not_used() {
        // now = month 1: actual 90 × 3 / 1 = 270 (month 2's 500 is not "so far"); target 300; 0.9
        Forecast f = forecast("sum", false, 1, m(100, 90), m(100, 500), m(100, null));
        assertThat(f.monthsSoFar()).isEqualTo(1);
        assertThat(f.projectedActual()).isEqualByComparingTo("270");
        assertThat(f.forecastAttainment()).isEqualByComparingTo("0.9");
        assertThat(f.attainmentSoFar()).isEqualByComparingTo("0.9");
    }

    @Test
    void first_month_with_only_the_first_target_known_extrapolates_both() {
        // actual 95 × 3 = 285; target 100 × 3 = 300 (month 3's target unknown); 285 / 300 = 0.95
        Forecast f = forecast("sum", false, 1, m(100, 95), m(110, null), m(null, null));
        assertThat(f.projectedTarget()).isEqualByComparingTo("300");
        assertThat(f.forecastAttainment()).isEqualByComparingTo("0.95");
    }

    @Test
    void an_avg_kpi_projects_the_mean_so_far() {
        // actual (0.81 + 0.87) / 2 = 0.84; target (0.9 + 0.9 + 0.9) / 3 = 0.9; 0.84 / 0.9 = 0.933333…
        Forecast f = forecast("avg", false, 2, m("0.9", "0.81"), m("0.9", "0.87"), m("0.9", null));
        assertThat(f.projectedActual()).isEqualByComparingTo("0.84");
        assertThat(f.projectedTarget()).isEqualByComparingTo("0.9");
        assertThat(f.forecastAttainment()).isCloseTo(new BigDecimal("0.933333333333333"), within(TOLERANCE));
        assertThat(f.attainmentSoFar()).isCloseTo(new BigDecimal("0.933333333333333"), within(TOLERANCE));
    }

    @Test
    void a_last_kpi_projects_the_latest_actual_against_the_third_month_target() {
        // actual = latest 45; target = last of the three, 70; 45 / 70 = 0.642857…
        // so far (section 4, last of the counted months): 45 / 60 = 0.75
        Forecast f = forecast("last", false, 2, m(50, 40), m(60, 45), m(70, null));
        assertThat(f.projectedActual()).isEqualByComparingTo("45");
        assertThat(f.projectedTarget()).isEqualByComparingTo("70");
        assertThat(f.forecastAttainment()).isCloseTo(new BigDecimal("0.642857142857143"), within(TOLERANCE));
        assertThat(f.attainmentSoFar()).isEqualByComparingTo("0.75");
    }

    @Test
    void a_lower_is_better_sum_is_inverted() {
        // complaints: actual (4 + 8) × 3 / 2 = 18; target 5 + 5 + 5 = 15; 15 / 18 = 0.833333…
        // so far: 10 / 12 = 0.833333…
        Forecast f = forecast("sum", true, 2, m(5, 4), m(5, 8), m(5, null));
        assertThat(f.projectedActual()).isEqualByComparingTo("18");
        assertThat(f.forecastAttainment()).isCloseTo(new BigDecimal("0.833333333333333"), within(TOLERANCE));
        assertThat(f.attainmentSoFar()).isCloseTo(new BigDecimal("0.833333333333333"), within(TOLERANCE));
    }

    @Test
    void a_lower_is_better_average_is_inverted() {
        // sales cycle days: actual (36 + 33) / 2 = 34.5; target 30; 30 / 34.5 = 0.869565…
        Forecast f = forecast("avg", true, 2, m(30, 36), m(30, 33), m(30, null));
        assertThat(f.forecastAttainment()).isCloseTo(new BigDecimal("0.869565217391304"), within(TOLERANCE));
    }

    @Test
    void lower_is_better_with_nothing_so_far_gets_the_cap_and_higher_is_better_is_capped() {
        // complaints 0 and 0 against 5 a month: actual 0 with target 15 → the cap 1.5
        assertThat(forecast("sum", true, 2, m(5, 0), m(5, 0), m(5, null)).forecastAttainment()).isEqualByComparingTo("1.5");
        // sales (30 + 30) × 3 / 2 = 90 against 30: 3.0, capped at 1.5
        assertThat(forecast("sum", false, 2, m(10, 30), m(10, 30), m(10, null)).forecastAttainment())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void a_gap_in_the_first_month_leaves_one_month_so_far_never_a_zero() {
        // month 1 has no actual (a data gap, not 0): only month 2 counts, monthsSoFar = 1;
        // actual 60 × 3 / 1 = 180; target: month 3 unknown → month 2's 80 × 3 / 1 = 240; 180 / 240 = 0.75
        Forecast f = forecast("sum", false, 2, m(100, null), m(80, 60), m(null, null));
        assertThat(f.monthsSoFar()).isEqualTo(1);
        assertThat(f.projectedActual()).isEqualByComparingTo("180");
        assertThat(f.projectedTarget()).isEqualByComparingTo("240");
        assertThat(f.forecastAttainment()).isEqualByComparingTo("0.75");
        // so far: 60 / 80 = 0.75 (month 1 is not counted)
        assertThat(f.attainmentSoFar()).isEqualByComparingTo("0.75");
    }

    @Test
    void in_the_third_month_the_forecast_is_the_quarters_actual() {
        // (90 + 100 + 80) × 3 / 3 = 270 against 300: 0.9, the same as the quarter's attainment
        Forecast f = forecast("sum", false, 3, m(100, 90), m(100, 100), m(100, 80));
        assertThat(f.monthsSoFar()).isEqualTo(3);
        assertThat(f.forecastAttainment()).isEqualByComparingTo("0.9");
        assertThat(f.attainmentSoFar()).isEqualByComparingTo("0.9");
    }

    @Test
    void no_forecast_when_nothing_counts_yet_or_a_higher_is_better_target_is_zero() {
        assertThat(warning.forecast("sum", false, List.of(m(100, null), m(100, null), m(100, null)), 2)).isEmpty();
        assertThat(warning.forecast("sum", false, List.of(m(0, 5), m(0, 5), m(0, null)), 2)).isEmpty();
    }

    private Forecast forecast(String aggregation, boolean lower, int now, MonthFigure... months) {
        return warning.forecast(aggregation, lower, List.of(months), now).orElseThrow();
    }

    private static MonthFigure m(Object target, Object actual) {
        return new MonthFigure("m", target == null ? null : new BigDecimal(target.toString()),
                actual == null ? null : new BigDecimal(actual.toString()));
    }
}
