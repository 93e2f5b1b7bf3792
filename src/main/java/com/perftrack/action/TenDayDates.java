package com.perftrack.action;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The ten-day (旬) report dates of an action: the 10th, the 20th and the last day of every month
 * after the day the action opened, up to the deadline, plus the deadline itself. A check day that
 * falls on the opening day is skipped (nothing can have progressed yet); the deadline is always
 * the last date. Public: improvement plans (evaluation) use the same 旬 dates for their check-ins.
 */
public final class TenDayDates {

    private TenDayDates() {
    }

    public static List<LocalDate> between(LocalDate opened, LocalDate deadline) {
        if (deadline.isBefore(opened)) {
            throw new IllegalArgumentException("deadline " + deadline + " lies before the opening day " + opened);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(opened); !month.isAfter(YearMonth.from(deadline)); month = month.plusMonths(1)) {
            for (LocalDate day : List.of(month.atDay(10), month.atDay(20), month.atEndOfMonth())) {
                if (day.isAfter(opened) && day.isBefore(deadline)) {
                    dates.add(day);
                }
            }
        }
        if (deadline.isAfter(opened) || dates.isEmpty()) {
            dates.add(deadline);
        }
        return dates;
    }
}
