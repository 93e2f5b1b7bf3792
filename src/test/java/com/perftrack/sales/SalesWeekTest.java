package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SalesWeekTest {

    @Test
    void iso_weeks_run_monday_to_sunday_and_the_first_holds_the_fourth_of_january() {
        // 2026-01-01 is a Thursday, so week 1 of 2026 runs Monday 2025-12-29 to Sunday 2026-01-04
        assertThat(SalesWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(SalesWeek.parse("2026-W01").sunday()).isEqualTo(LocalDate.of(2026, 1, 4));
        // week 10 = week 1's Monday + 9 × 7 days = 2025-12-29 + 63 = 2026-03-02
        assertThat(SalesWeek.parse("2026-W10").monday()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(SalesWeek.of(LocalDate.of(2026, 1, 1))).hasToString("2026-W01");
        assertThat(SalesWeek.of(LocalDate.of(2025, 12, 28))).as("a Sunday: the last week of 2025").hasToString("2025-W52");
        assertThat(SalesWeek.parse("2026-W01").previous()).hasToString("2025-W52");
        // 2026 starts on a Thursday: it has 53 weeks
        assertThat(SalesWeek.parse("2026-W53").sunday()).isEqualTo(LocalDate.of(2027, 1, 3));
    }

    @Test
    void a_bad_week_is_refused_with_the_format() {
        assertThatThrownBy(() -> SalesWeek.parse("2026-5")).hasMessageContaining("YYYY-Www");
        assertThatThrownBy(() -> SalesWeek.parse("2025-W53")).hasMessageContaining("2025 年共 52 周");
        assertThatThrownBy(() -> SalesWeek.parse("2026-W00")).hasMessageContaining("YYYY-Www");
    }
}
