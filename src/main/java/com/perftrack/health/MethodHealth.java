package com.perftrack.health;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The arithmetic of the method's health (SPEC.md section 7), plain Java: which deadline-bound tasks
 * count and which were on time, the rates (null when nothing counts) and the lead time in days.
 * <ul>
 * <li>A task counts once its outcome is known: completed, or still open after its deadline (late
 * already). An open task before its deadline, and a task deleted unfinished (a cancelled cycle, an
 * action that ended), do not count.</li>
 * <li>A collection task is on time when completed at or before its deadline (the moment).</li>
 * <li>A ten-day (旬) report is on time when filed on or before its due date (the local day, in the
 * installation's time zone: the deadline's hour is when the reminder timer starts, not a cut-off).</li>
 * <li>A rate is part / whole, unrounded to 6 decimals; a lead time is days with 4 decimals.</li>
 * </ul>
 */
public final class MethodHealth {

    /** One user task with a deadline: {@code end} null while open; {@code completed} false when deleted unfinished. */
    public record DeadlineTask(Instant due, Instant end, boolean completed) {}

    /** How many tasks count and how many of them were on time. */
    public record Count(int onTime, int counted) {}

    private MethodHealth() {
    }

    /** Collection tasks: on time = completed by the deadline's moment (a task without deadline is on time when done). */
    public static Count byDeadline(List<DeadlineTask> tasks, Instant now) {
        int onTime = 0;
        int counted = 0;
        for (DeadlineTask t : tasks) {
            if (!counts(t, now)) {
                continue;
            }
            counted++;
            if (t.end() != null && (t.due() == null || !t.end().isAfter(t.due()))) {
                onTime++;
            }
        }
        return new Count(onTime, counted);
    }

    /** Ten-day reports: on time = filed on or before the due day (local date). */
    public static Count byDueDate(List<DeadlineTask> tasks, Instant now, ZoneId zone) {
        int onTime = 0;
        int counted = 0;
        for (DeadlineTask t : tasks) {
            if (t.due() == null) {
                continue;
            }
            boolean filed = t.end() != null && t.completed();
            boolean late = !filed && t.end() == null
                    && t.due().atZone(zone).toLocalDate().isBefore(now.atZone(zone).toLocalDate());
            if (!filed && !late) {
                continue;
            }
            counted++;
            if (filed && !t.end().atZone(zone).toLocalDate().isAfter(t.due().atZone(zone).toLocalDate())) {
                onTime++;
            }
        }
        return new Count(onTime, counted);
    }

    private static boolean counts(DeadlineTask t, Instant now) {
        if (t.end() != null) {
            return t.completed();
        }
        return t.due() != null && t.due().isBefore(now);
    }

    /** part / whole to 6 decimals, or null when nothing counts (whole 0). */
    public static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64)
                .setScale(6, RoundingMode.HALF_UP);
    }

    /** Days from start to end with 4 decimals, or null when either is unknown (findings not confirmed yet). */
    public static BigDecimal days(Instant start, Instant end) {
        if (start == null || end == null) {
            return null;
        }
        return BigDecimal.valueOf(Duration.between(start, end).getSeconds())
                .divide(BigDecimal.valueOf(86_400), 4, RoundingMode.HALF_UP);
    }
}
