package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTrendForecastTest {

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    @Test
    void a_straight_line_continues_with_its_slope() {
        // 3, 5, 7, 9: slope 2 per month → 11, 13, 15
        assertThat(LinearTrendForecast.forecast(values("3", "5", "7", "9"), 3))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(bd("11"), bd("13"), bd("15"));
    }

    @Test
    void scattered_points_get_the_least_squares_line() {
        // y = 1, 2, 4 at t = 0, 1, 2: mean t = 1, mean y = 7/3; Sxy = (-1)(1 - 7/3) + (1)(4 - 7/3) = 3;
        // Sxx = 2; b = 1.5; a = 7/3 - 1.5 = 0.833333..; t = 3 → 5.333333, t = 4 → 6.833333
        assertThat(LinearTrendForecast.forecast(values("1", "2", "4"), 2))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(bd("5.333333"), bd("6.833333"));
    }

    @Test
    void a_month_without_actual_is_skipped_but_keeps_its_place_in_time() {
        // t = 0 → 10, t = 1 missing, t = 2 → 30: line 10 + 10t; t = 3 → 40
        assertThat(LinearTrendForecast.forecast(values("10", null, "30"), 1))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(bd("40"));
    }

    @Test
    void a_falling_series_is_forecast_falling() {
        // 12, 10, 8 → slope -2 → 6, 4
        assertThat(LinearTrendForecast.forecast(values("12", "10", "8"), 2))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(bd("6"), bd("4"));
    }

    @Test
    void fewer_than_two_observations_give_no_forecast() {
        assertThat(LinearTrendForecast.forecast(values(null, "5", null), 3)).isEmpty();
        assertThat(LinearTrendForecast.forecast(List.of(), 3)).isEmpty();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
