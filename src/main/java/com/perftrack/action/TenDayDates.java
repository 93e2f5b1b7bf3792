package com.perftrack.action;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The ten-day (旬) report dates of an action: the 10th, the 20th and the last day of every month
 * after the day the action opened, plus the deadline itself. A check day that falls on the opening
 * day is skipped (nothing can have progressed yet). SPEC.md section 2.7 wants reports while the
 * action is open, so the dates do not stop at the deadline: they go on until the meeting records
 * the action's result. A date on or after the day the result is recorded is not due any more.
 * Public: improvement plans (evaluation) use the same 旬 dates for their check-ins.
 */
public final class TenDayDates {

    private TenDayDates() {
    }

    /** The dates up to the deadline, the deadline last (the plan when the action opens). */
    public static List<LocalDate> between(LocalDate opened, LocalDate deadline) {
        if (deadline.isBefore(opened)) {
            throw new IllegalArgumentException("deadline " + deadline + " lies before the opening day " + opened);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = next(opened, deadline, null); !d.isAfter(deadline); d = next(opened, deadline, d)) {
            dates.add(d);
        }
        return dates;
    }

    /** Every date that falls due while the action is open: before {@code resultRecorded}. */
    static List<LocalDate> until(LocalDate opened, LocalDate deadline, LocalDate resultRecorded) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = next(opened, deadline, null); d.isBefore(resultRecorded); d = next(opened, deadline, d)) {
            dates.add(d);
        }
        return dates;
    }

    /**
     * The report date that follows {@code after} ({@code null}: the first one). There always is
     * one: an action stays under report until its result is recorded.
     */
    static LocalDate next(LocalDate opened, LocalDate deadline, LocalDate after) {
        if (deadline.isBefore(opened)) {
            throw new IllegalArgumentException("deadline " + deadline + " lies before the opening day " + opened);
        }
        LocalDate from = after == null || after.isBefore(opened) ? opened : after;
        LocalDate checkDay = nextCheckDay(from);
        boolean deadlineNext = (after == null || deadline.isAfter(after)) && !deadline.isAfter(checkDay);
        return deadlineNext ? deadline : checkDay;
    }

    /** The first 10th, 20th or last day of a month strictly after {@code day}. */
    private static LocalDate nextCheckDay(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        for (LocalDate candidate : List.of(month.atDay(10), month.atDay(20), month.atEndOfMonth())) {
            if (candidate.isAfter(day)) {
                return candidate;
            }
        }
        return month.plusMonths(1).atDay(10);
    }
}
