package com.perftrack.evaluation;

import com.perftrack.action.TenDayDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of an improvement plan agreed on {@code start} to end on {@code end}: the person's
 * check-ins are the ten-day (旬) dates of improvement actions ({@link TenDayDates}, the end date
 * last); the head's monthly assessments fall on the last day of each month strictly between start
 * and end (the end itself is the final result, not an assessment).
 */
final class PlanDates {

    private PlanDates() {
    }

    static List<LocalDate> checkIns(LocalDate start, LocalDate end) {
        return TenDayDates.between(start, end);
    }

    static List<LocalDate> assessments(LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start); month.isBefore(YearMonth.from(end).plusMonths(1));
                month = month.plusMonths(1)) {
            LocalDate last = month.atEndOfMonth();
            if (last.isAfter(start) && last.isBefore(end)) {
                dates.add(last);
            }
        }
        return dates;
    }
}
