package com.perftrack.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.health.MethodHealth.Count;
import com.perftrack.health.MethodHealth.DeadlineTask;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The method's health rates (SPEC.md section 7), numbers worked by hand; times in Asia/Shanghai (UTC+8). */
class MethodHealthTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z"); // 20 Nov, 10:00 in Shanghai

    @Test
    void collection_tasks_on_time_are_those_completed_by_their_deadline() {
        Instant due = Instant.parse("2026-11-10T01:00:00Z");
        Count count = MethodHealth.byDeadline(List.of(
                done(due, "2026-11-09T08:00:00Z"), // early: on time
                done(due, "2026-11-10T01:00:00Z"), // at the deadline: on time
                done(due, "2026-11-10T01:00:01Z"), // a second late
                new DeadlineTask(due, null, true), // still open after the deadline: late, counts
                new DeadlineTask(Instant.parse("2026-11-25T01:00:00Z"), null, true), // open, not due yet: not counted
                new DeadlineTask(due, Instant.parse("2026-11-09T00:00:00Z"), false)), NOW); // deleted: not counted
        // 2 on time of 4 counted: 2 / 4 = 0.5
        assertThat(count).isEqualTo(new Count(2, 4));
        assertThat(MethodHealth.rate(count.onTime(), count.counted())).isEqualByComparingTo("0.5");
    }

    @Test
    void smart_first_pass_and_improvement_rates_are_plain_ratios() {
        // 2 of 3 actions approved at their first review: 0.666666…, 6 decimals → 0.666667
        assertThat(MethodHealth.rate(2, 3)).isEqualByComparingTo("0.666667");
        // 1 improved of 4 results: 0.25
        assertThat(MethodHealth.rate(1, 4)).isEqualByComparingTo("0.25");
    }

    @Test
    void ten_day_reports_count_as_on_time_when_filed_on_their_due_day() {
        // due 11-10 09:00 Shanghai = 01:00 UTC
        Instant due = Instant.parse("2026-11-10T01:00:00Z");
        Count count = MethodHealth.byDueDate(List.of(
                done(due, "2026-11-10T07:00:00Z"), // 15:00 the same day: on time (by the due date)
                done(due, "2026-11-10T16:30:00Z"), // 00:30 on 11-11 in Shanghai: a day late
                new DeadlineTask(due, null, true), // not filed, the due day has passed: late
                new DeadlineTask(Instant.parse("2026-11-20T01:00:00Z"), null, true)), NOW, SHANGHAI); // due today: not yet
        // 1 of 3 due: 0.333333
        assertThat(count).isEqualTo(new Count(1, 3));
        assertThat(MethodHealth.rate(count.onTime(), count.counted())).isEqualByComparingTo("0.333333");
    }

    @Test
    void nothing_counts_gives_null_rates_and_no_lead_time() {
        assertThat(MethodHealth.byDeadline(List.of(), NOW)).isEqualTo(new Count(0, 0));
        assertThat(MethodHealth.rate(0, 0)).isNull();
        assertThat(MethodHealth.byDueDate(List.of(new DeadlineTask(Instant.parse("2026-11-30T01:00:00Z"), null, true)),
                NOW, SHANGHAI)).isEqualTo(new Count(0, 0));
        assertThat(MethodHealth.days(Instant.parse("2026-11-01T00:00:00Z"), null)).isNull();
    }

    @Test
    void cycle_lead_time_is_days_from_start_to_findings_confirmed() {
        // 1 Nov 00:00 to 8 Nov 12:00 UTC: 7.5 days
        assertThat(MethodHealth.days(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T12:00:00Z")))
                .isEqualByComparingTo("7.5");
        // 1 hour: 1 / 24 = 0.041666… → 0.0417
        assertThat(MethodHealth.days(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T01:00:00Z")))
                .isEqualByComparingTo("0.0417");
    }

    private static DeadlineTask done(Instant due, String end) {
        return new DeadlineTask(due, Instant.parse(end), true);
    }
}
