package com.perftrack.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A reporting month, written {@code YYYY-MM}. */
public record Period(YearMonth month) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public Period {
        if (month == null) {
            throw new IllegalArgumentException("period is required");
        }
    }

    /** Parses {@code YYYY-MM}; anything else is refused with a message that shows the expected form. */
    public static Period parse(String text) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("期间格式应为 YYYY-MM（例如 2026-11）/ period must be YYYY-MM, got '" + text + "'");
        }
        try {
            return new Period(YearMonth.parse(text.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("期间月份无效 / no such month: '" + text + "'");
        }
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Period of(LocalDate date) {
        return new Period(YearMonth.from(date));
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    public Period minusMonths(int months) {
        return new Period(month.minusMonths(months));
    }

    public Period next() {
        return new Period(month.plusMonths(1));
    }

    public Period sameMonthLastYear() {
        return new Period(month.minusYears(1));
    }

    public Quarter quarter() {
        return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    @Override
    public int compareTo(Period other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
