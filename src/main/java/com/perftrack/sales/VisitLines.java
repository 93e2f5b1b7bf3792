package com.perftrack.sales;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer visits a sales person plans for the week, typed one per line as
 * {@code 日期，客户，目的} (date, customer, purpose; separated by a comma, semicolon or tab, Chinese or
 * ASCII). Tasklist's dynamic lists are unreliable (STACK-NOTES.md), so the form has a textarea and
 * this class reads it: every bad line is named in one refusal.
 */
final class VisitLines {

    static final int MAX_VISITS = 20;
    static final int MAX_CUSTOMER = 200;
    static final int MAX_PURPOSE = 500;

    record Visit(LocalDate date, String customer, String purpose) {}

    private VisitLines() {
    }

    /** @throws IllegalArgumentException with one sentence naming every bad line */
    static List<Visit> parse(String text, SalesWeek week) {
        List<Visit> visits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return visits;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = "第 " + (i + 1) + " 行 / line " + (i + 1) + ": ";
            String[] parts = line.split("\\s*[,，;；\\t]\\s*", 3);
            if (parts.length < 3 || parts[1].isBlank() || parts[2].isBlank()) {
                problems.add(where + "须为“日期，客户，目的” / must be 'date, customer, purpose'");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0]);
            } catch (DateTimeParseException e) {
                problems.add(where + "日期须为 YYYY-MM-DD / the date must be YYYY-MM-DD: " + parts[0]);
                continue;
            }
            if (!week.contains(date)) {
                problems.add(where + "日期 " + date + " 不在本周（" + week.monday() + " 至 " + week.sunday() + "）/ "
                        + date + " lies outside the week " + week);
                continue;
            }
            if (parts[1].length() > MAX_CUSTOMER || parts[2].length() > MAX_PURPOSE) {
                problems.add(where + "客户最多 " + MAX_CUSTOMER + " 字，目的最多 " + MAX_PURPOSE + " 字 / customer at most "
                        + MAX_CUSTOMER + ", purpose at most " + MAX_PURPOSE + " characters");
                continue;
            }
            visits.add(new Visit(date, parts[1].trim(), parts[2].trim()));
        }
        if (visits.size() > MAX_VISITS) {
            problems.add("每周最多 " + MAX_VISITS + " 次拜访 / at most " + MAX_VISITS + " visits a week");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("客户拜访计划有误：" + String.join("；", problems));
        }
        return visits;
    }
}
