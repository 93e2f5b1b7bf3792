package com.perftrack.calendar;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter, written {@code YYYY-Qn}: its three months. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter number must be 1..4, got " + number);
        }
    }

    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("季度格式应为 YYYY-Qn（例如 2026-Q3）/ quarter must be YYYY-Qn, got '" + text + "'");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public List<Period> months() {
        Period first = Period.parse(String.format("%04d-%02d", year, (number - 1) * 3 + 1));
        return List.of(first, first.next(), first.next().next());
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
