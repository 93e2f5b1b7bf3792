package com.perftrack.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @Test
    void a_quarter_is_its_three_months_and_compares_with_the_quarter_before_and_a_year_before() {
        ReportingPeriod q3 = ReportingPeriod.parse("2026-Q3");
        assertThat(q3.length()).isEqualTo(ReportingPeriod.Length.QUARTER);
        assertThat(q3.months()).extracting(Period::toString).containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(q3.previous()).hasToString("2026-Q2");
        assertThat(q3.sameLastYear()).hasToString("2025-Q3");
        assertThat(ReportingPeriod.parse("2026-Q1").previous()).hasToString("2025-Q4");
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q3.last()).hasToString("2026-09");
        assertThat(q3.monthly()).isFalse();
        assertThat(q3.length().nameZh()).isEqualTo("季度");
    }

    @Test
    void a_half_year_is_six_months() {
        ReportingPeriod h2 = ReportingPeriod.parse("2024-H2");
        assertThat(h2.months()).extracting(Period::toString)
                .containsExactly("2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12");
        assertThat(h2.previous()).hasToString("2024-H1");
        assertThat(ReportingPeriod.parse("2024-H1").previous()).hasToString("2023-H2");
        assertThat(h2.sameLastYear()).hasToString("2023-H2");
        assertThat(h2.length().nameZh()).isEqualTo("半年度");
    }

    @Test
    void a_year_is_twelve_months_and_its_previous_period_is_the_year_before() {
        ReportingPeriod year = ReportingPeriod.parse("2025");
        assertThat(year.months()).hasSize(12);
        assertThat(year.first()).hasToString("2025-01");
        assertThat(year.last()).hasToString("2025-12");
        assertThat(year.previous()).hasToString("2024");
        assertThat(year.sameLastYear()).hasToString("2024");
        assertThat(year.length()).isEqualTo(ReportingPeriod.Length.YEAR);
    }

    @Test
    void a_month_stays_a_month() {
        ReportingPeriod month = ReportingPeriod.parse("2026-01");
        assertThat(month.monthly()).isTrue();
        assertThat(month.months()).extracting(Period::toString).containsExactly("2026-01");
        assertThat(month.previous()).hasToString("2025-12");
        assertThat(month.sameLastYear()).hasToString("2025-01");
        assertThat(ReportingPeriod.of(Period.parse("2026-11"))).isEqualTo(ReportingPeriod.parse("2026-11"));
    }

    @Test
    void a_month_lies_in_one_quarter_one_half_year_and_one_year() {
        assertThat(ReportingPeriod.containing(Period.parse("2026-08"))).extracting(ReportingPeriod::toString)
                .containsExactly("2026-Q3", "2026-H2", "2026");
        assertThat(ReportingPeriod.containing(Period.parse("2026-03"))).extracting(ReportingPeriod::toString)
                .containsExactly("2026-Q1", "2026-H1", "2026");
        assertThat(ReportingPeriod.parse("2026-Q4").next()).hasToString("2027-Q1");
        assertThat(ReportingPeriod.parse("2026-H1").next()).hasToString("2026-H2");
    }

    @Test
    void surrounding_blanks_are_ignored() {
        assertThat(ReportingPeriod.parse(" 2026-H1 ")).hasToString("2026-H1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026Q1", "2026-q1", "26-Q1", "2026-Q", "2026-W01", "2026-1", "Q3-2026", "", "2026-Q3 x"})
    void anything_else_is_refused_with_a_sentence_naming_the_four_forms(String text) {
        assertThatThrownBy(() -> ReportingPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY")
                .hasMessageContaining("period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY")
                .hasMessageContaining("'" + text + "'");
        assertThat(ReportingPeriod.isValid(text)).isFalse();
    }

    @Test
    void a_missing_period_is_refused() {
        assertThatThrownBy(() -> ReportingPeriod.parse(null)).hasMessageContaining("period must be YYYY-MM, YYYY-Qn");
    }

    @Test
    void numbers_out_of_range_are_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-Q5")).hasMessage("季度应为 Q1–Q4 / quarter must be Q1..Q4, got '2026-Q5'");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-Q0")).hasMessageContaining("quarter must be Q1..Q4");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-H3")).hasMessage("半年应为 H1 或 H2 / half year must be H1 or H2, got '2026-H3'");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-13")).hasMessage("期间月份无效 / no such month: '2026-13'");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-00")).hasMessageContaining("no such month");
    }

    @Test
    void periods_order_by_their_first_month() {
        assertThat(ReportingPeriod.parse("2026-Q1")).isLessThan(ReportingPeriod.parse("2026-Q2"));
        assertThat(ReportingPeriod.parse("2025-H2")).isLessThan(ReportingPeriod.parse("2026"));
    }
}
