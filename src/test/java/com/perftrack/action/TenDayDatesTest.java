package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenDayDatesTest {

    private static List<LocalDate> dates(String opened, String deadline) {
        return TenDayDates.between(LocalDate.parse(opened), LocalDate.parse(deadline));
    }

    private static List<LocalDate> list(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    @Test
    void opened_5_february_2028_deadline_end_of_march_uses_the_leap_day() {
        assertThat(dates("2028-02-05", "2028-03-31")).containsExactlyElementsOf(
                list("2028-02-10", "2028-02-20", "2028-02-29", "2028-03-10", "2028-03-20", "2028-03-31"));
    }

    @Test
    void february_of_a_common_year_ends_on_the_28th() {
        assertThat(dates("2027-02-15", "2027-03-05")).containsExactlyElementsOf(
                list("2027-02-20", "2027-02-28", "2027-03-05"));
    }

    @Test
    void thirty_and_thirty_one_day_months_end_on_their_own_last_day() {
        assertThat(dates("2026-04-21", "2026-05-31")).containsExactlyElementsOf(
                list("2026-04-30", "2026-05-10", "2026-05-20", "2026-05-31"));
    }

    @Test
    void century_year_1900_rule_2100_is_not_a_leap_year() {
        assertThat(dates("2100-02-21", "2100-03-01")).containsExactlyElementsOf(list("2100-02-28", "2100-03-01"));
    }

    @Test
    void opened_on_a_check_day_skips_that_day() {
        assertThat(dates("2026-11-10", "2026-11-30")).containsExactlyElementsOf(list("2026-11-20", "2026-11-30"));
    }

    @Test
    void opened_on_the_last_day_of_a_month_starts_with_the_next_10th() {
        assertThat(dates("2026-01-31", "2026-02-15")).containsExactlyElementsOf(list("2026-02-10", "2026-02-15"));
    }

    @Test
    void a_deadline_on_a_check_day_is_listed_once() {
        assertThat(dates("2026-11-01", "2026-11-20")).containsExactlyElementsOf(list("2026-11-10", "2026-11-20"));
    }

    @Test
    void a_deadline_before_the_first_check_day_gives_only_the_deadline() {
        assertThat(dates("2026-11-01", "2026-11-07")).containsExactlyElementsOf(list("2026-11-07"));
    }

    @Test
    void an_action_across_the_year_end_continues_in_january() {
        assertThat(dates("2026-12-25", "2027-01-12")).containsExactlyElementsOf(
                list("2026-12-31", "2027-01-10", "2027-01-12"));
    }

    @Test
    void a_deadline_before_opening_is_refused() {
        assertThatThrownBy(() -> dates("2026-11-10", "2026-11-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reports_go_on_past_the_deadline_until_the_result_is_recorded() {
        // must-show 3 of issue 13: opened 5 Feb 2028, deadline 15 Feb, result heard 25 March
        assertThat(TenDayDates.until(LocalDate.parse("2028-02-05"), LocalDate.parse("2028-02-15"),
                LocalDate.parse("2028-03-25"))).containsExactlyElementsOf(
                list("2028-02-10", "2028-02-15", "2028-02-20", "2028-02-29", "2028-03-10", "2028-03-20"));
        // then none: the next date would be 31 March, after the result
        assertThat(TenDayDates.next(LocalDate.parse("2028-02-05"), LocalDate.parse("2028-02-15"),
                LocalDate.parse("2028-03-20"))).isEqualTo(LocalDate.parse("2028-03-31")).isAfter("2028-03-25");
    }

    @Test
    void the_next_date_walks_the_plan_one_step_at_a_time() {
        LocalDate opened = LocalDate.parse("2026-11-01");
        LocalDate deadline = LocalDate.parse("2026-11-07");
        assertThat(TenDayDates.next(opened, deadline, null)).isEqualTo("2026-11-07");
        assertThat(TenDayDates.next(opened, deadline, deadline)).isEqualTo("2026-11-10");
        assertThat(TenDayDates.next(opened, deadline, LocalDate.parse("2026-11-30"))).isEqualTo("2026-12-10");
    }

    @Test
    void a_result_on_a_report_day_leaves_that_day_out_and_a_result_on_the_opening_day_leaves_none() {
        LocalDate opened = LocalDate.parse("2026-11-01");
        assertThat(TenDayDates.until(opened, LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-20")))
                .containsExactlyElementsOf(list("2026-11-10"));
        assertThat(TenDayDates.until(opened, LocalDate.parse("2026-11-30"), opened)).isEmpty();
    }

    @Test
    void an_action_that_opens_on_its_deadline_reports_that_day() {
        assertThat(dates("2026-11-12", "2026-11-12")).containsExactlyElementsOf(list("2026-11-12"));
        assertThat(TenDayDates.next(LocalDate.parse("2026-11-12"), LocalDate.parse("2026-11-12"),
                LocalDate.parse("2026-11-12"))).isEqualTo("2026-11-20");
    }
}
