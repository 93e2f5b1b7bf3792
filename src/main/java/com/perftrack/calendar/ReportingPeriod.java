package com.perftrack.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of any length (SPEC.md section 7 "Periods"): a month {@code YYYY-MM}, a
 * quarter {@code YYYY-Qn}, a half year {@code YYYY-Hn} or a year {@code YYYY}, as consecutive
 * months. The text is the stable form used in the API, the cycle's {@code period} and the tables.
 */
public record ReportingPeriod(Length length, int year, int number) implements Comparable<ReportingPeriod> {

    /** How long a period is, and how the method calls the review of it (周期性: 月度、季度、半年). */
    public enum Length {
        MONTH(1, "月度", "monthly"), QUARTER(3, "季度", "quarterly"), HALF_YEAR(6, "半年度", "half-yearly"),
        YEAR(12, "年度", "yearly");

        private final int months;
        private final String nameZh;
        private final String nameEn;

        Length(int months, String nameZh, String nameEn) {
            this.months = months;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public int months() {
            return months;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }

        int perYear() {
            return 12 / months;
        }
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})|-([QH])(\\d))?");
    private static final String EXPECTED = "期间格式应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY（例如 2026-11、2026-Q3、2026-H1、2026）"
            + " / period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY";

    public ReportingPeriod {
        if (length == null) {
            throw new IllegalArgumentException("period length is required");
        }
        if (number < 1 || number > length.perYear()) {
            throw new IllegalArgumentException("period number must be 1.." + length.perYear() + ", got " + number);
        }
    }

    /** Parses any of the four forms; anything else is refused with a sentence that shows them. */
    public static ReportingPeriod parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + text + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("期间月份无效 / no such month: '" + text + "'");
            }
            return new ReportingPeriod(Length.MONTH, year, month);
        }
        if (m.group(3) == null) {
            return new ReportingPeriod(Length.YEAR, year, 1);
        }
        int number = Integer.parseInt(m.group(4));
        boolean quarter = "Q".equals(m.group(3));
        if (number < 1 || number > (quarter ? 4 : 2)) {
            throw new IllegalArgumentException(quarter
                    ? "季度应为 Q1–Q4 / quarter must be Q1..Q4, got '" + text + "'"
                    : "半年应为 H1 或 H2 / half year must be H1 or H2, got '" + text + "'");
        }
        return new ReportingPeriod(quarter ? Length.QUARTER : Length.HALF_YEAR, year, number);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static ReportingPeriod of(Period month) {
        return new ReportingPeriod(Length.MONTH, month.month().getYear(), month.month().getMonthValue());
    }

    /** The quarter, half year and year that contain a month. */
    public static List<ReportingPeriod> containing(Period month) {
        int year = month.month().getYear();
        int m = month.month().getMonthValue();
        return List.of(new ReportingPeriod(Length.QUARTER, year, (m - 1) / 3 + 1),
                new ReportingPeriod(Length.HALF_YEAR, year, (m - 1) / 6 + 1), new ReportingPeriod(Length.YEAR, year, 1));
    }

    public boolean monthly() {
        return length == Length.MONTH;
    }

    /** The period's months, oldest first. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>(length.months());
        Period month = first();
        for (int i = 0; i < length.months(); i++) {
            months.add(month);
            month = month.next();
        }
        return months;
    }

    public Period first() {
        return new Period(java.time.YearMonth.of(year, (number - 1) * length.months() + 1));
    }

    public Period last() {
        return first().minusMonths(1 - length.months());
    }

    /** The period of the same length just before (2024-Q1 before 2024-Q2, 2023-H2 before 2024-H1). */
    public ReportingPeriod previous() {
        return number > 1 ? new ReportingPeriod(length, year, number - 1)
                : new ReportingPeriod(length, year - 1, length.perYear());
    }

    /** The period of the same length just after. */
    public ReportingPeriod next() {
        return number < length.perYear() ? new ReportingPeriod(length, year, number + 1)
                : new ReportingPeriod(length, year + 1, 1);
    }

    /** The same period a year earlier. */
    public ReportingPeriod sameLastYear() {
        return new ReportingPeriod(length, year - 1, number);
    }

    public LocalDate firstDay() {
        return first().firstDay();
    }

    public LocalDate lastDay() {
        return last().lastDay();
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        int byFirst = first().compareTo(other.first());
        return byFirst != 0 ? byFirst : Integer.compare(length.months(), other.length.months());
    }

    @Override
    public String toString() {
        return switch (length) {
            case MONTH -> first().toString();
            case QUARTER -> year + "-Q" + number;
            case HALF_YEAR -> year + "-H" + number;
            case YEAR -> String.valueOf(year);
        };
    }
}
