package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDatesTest {

    private static List<LocalDate> list(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).toList();
    }

    @Test
    void check_ins_are_the_ten_day_dates_after_the_start_and_the_end_date_last() {
        // agreed 10 July, ends 25 August: 20 Jul, 31 Jul, 10 Aug, 20 Aug, then the end (the 10 July itself is skipped)
        assertThat(PlanDates.checkIns(LocalDate.parse("2026-07-10"), LocalDate.parse("2026-08-25")))
                .containsExactlyElementsOf(list("2026-07-20", "2026-07-31", "2026-08-10", "2026-08-20", "2026-08-25"));
    }

    @Test
    void assessments_fall_on_each_month_end_strictly_between_start_and_end() {
        // 10 July to 25 August: only 31 July (31 August lies after the end)
        assertThat(PlanDates.assessments(LocalDate.parse("2026-07-10"), LocalDate.parse("2026-08-25")))
                .containsExactlyElementsOf(list("2026-07-31"));
        // 5 January 2028 to 15 April: 31 Jan, 29 Feb (leap year), 31 Mar
        assertThat(PlanDates.assessments(LocalDate.parse("2028-01-05"), LocalDate.parse("2028-04-15")))
                .containsExactlyElementsOf(list("2028-01-31", "2028-02-29", "2028-03-31"));
    }

    @Test
    void a_month_end_on_the_start_or_the_end_day_is_no_assessment() {
        // agreed on 31 May, ends 30 June: the end is the result, the start day nothing to assess yet
        assertThat(PlanDates.assessments(LocalDate.parse("2026-05-31"), LocalDate.parse("2026-06-30"))).isEmpty();
        assertThat(PlanDates.assessments(LocalDate.parse("2026-07-10"), LocalDate.parse("2026-07-25"))).isEmpty();
    }
}
