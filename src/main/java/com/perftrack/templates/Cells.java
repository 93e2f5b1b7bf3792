package com.perftrack.templates;

import com.perftrack.calendar.Period;
import com.perftrack.imports.LineError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading one cell of a template file; a bad value adds its line error and reads as null. */
final class Cells {

    private final int line;
    private final List<LineError> errors;

    Cells(int line, List<LineError> errors) {
        this.line = line;
        this.errors = errors;
    }

    String period(String value) {
        if (!Period.isValid(value)) {
            errors.add(new LineError(line, "period", "月份应为 YYYY-MM，而不是 '" + value + "' / period must be YYYY-MM, not '"
                    + value + "'"));
            return null;
        }
        return value;
    }

    String required(String field, String value, int maxLength) {
        if (value.isBlank()) {
            errors.add(new LineError(line, field, field + " 不能为空 / " + field + " is required"));
            return null;
        }
        return text(field, value, maxLength);
    }

    /** Optional text; blank reads as null. */
    String text(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            errors.add(new LineError(line, field, field + " 最多 " + maxLength + " 个字符 / " + field + " holds at most "
                    + maxLength + " characters"));
            return null;
        }
        return value.isBlank() ? null : value;
    }

    LocalDate date(String field, String value, boolean required) {
        if (value.isBlank()) {
            if (required) {
                errors.add(new LineError(line, field, field + " 不能为空，格式 YYYY-MM-DD / " + field + " is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new LineError(line, field, field + " 应为日期 YYYY-MM-DD，而不是 '" + value + "' / " + field
                    + " must be a date YYYY-MM-DD, not '" + value + "'"));
            return null;
        }
    }

    /** Optional decimal; with {@code min}/{@code max} (null = open) checked. */
    BigDecimal number(String field, String value, BigDecimal min, BigDecimal max) {
        if (value.isBlank()) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, field, field + " 应为数字，而不是 '" + value + "' / " + field + " must be a number, not '"
                    + value + "'"));
            return null;
        }
        if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
            errors.add(new LineError(line, field, field + " 应在 " + (min == null ? "-∞" : min.toPlainString()) + " 与 "
                    + (max == null ? "∞" : max.toPlainString()) + " 之间，而不是 " + value + " / " + field + " out of range: " + value));
            return null;
        }
        return number;
    }

    /** A score 1-5 (whole number). */
    Integer score(String field, String value) {
        if (!value.matches("[1-5]")) {
            errors.add(new LineError(line, field, field + " 应为 1 到 5 的整数，而不是 '" + value + "' / " + field
                    + " must be a whole score 1-5, not '" + value + "'"));
            return null;
        }
        return Integer.valueOf(value);
    }

    void error(String field, String message) {
        errors.add(new LineError(line, field, message));
    }
}
