package com.perftrack.sales;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week, {@code YYYY-Www} (Monday to Sunday), as the weekly sales plan names it. */
public record SalesWeek(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public SalesWeek {
        LocalDate probe = LocalDate.of(year, 6, 1);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (number < 1 || number > weeks) {
            throw new IllegalArgumentException("周须为 YYYY-Www，" + year + " 年共 " + weeks + " 周 / the week must be YYYY-Www; "
                    + year + " has " + weeks + " weeks");
        }
    }

    public static SalesWeek parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("周须为 ISO 格式 YYYY-Www，例如 2026-W05 / the week must be ISO YYYY-Www, e.g. 2026-W05: "
                    + text);
        }
        return new SalesWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static SalesWeek of(LocalDate day) {
        return new SalesWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public LocalDate day(DayOfWeek dayOfWeek) {
        return monday().plusDays(dayOfWeek.getValue() - 1L);
    }

    public SalesWeek previous() {
        return of(monday().minusDays(7));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday()) && !day.isAfter(sunday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, number);
    }
}
