package com.perftrack.imports;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * An XLSX cell's stored value as the text a person typed: numbers without float noise, date-formatted
 * numbers as YYYY-MM, shared strings resolved, booleans as true/false, errors as #ERROR.
 */
final class XlsxCellText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** A cell pointing at a shared string the file does not hold. */
    static final class MissingSharedString extends RuntimeException {
        MissingSharedString() {
            super(null, null, false, false);
        }
    }

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private String[] sharedText;

    XlsxCellText(SharedStrings strings, StylesTable styles, boolean date1904) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** @param type the cell's {@code t} attribute, {@code null} for a number; @param style its {@code s} */
    String of(String type, int style, String raw) {
        if (type == null || "n".equals(type)) {
            return number(style, raw);
        }
        return switch (type) {
            case "s" -> sharedString(raw);
            case "b" -> String.valueOf("1".equals(raw) || "true".equalsIgnoreCase(raw));
            case "e" -> "#ERROR";
            default -> raw; // inlineStr, str (a formula's text), d (ISO date)
        };
    }

    private String sharedString(String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        if (strings == null) {
            throw new MissingSharedString();
        }
        int index;
        try {
            index = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new MissingSharedString();
        }
        if (index < 0 || index >= strings.getCount()) {
            throw new MissingSharedString();
        }
        if (sharedText == null) {
            sharedText = new String[strings.getCount()];
        }
        // getItemAt builds an XML bean per call: once per distinct string, not once per cell
        String value = sharedText[index];
        if (value == null) {
            value = strings.getItemAt(index).getString();
            sharedText[index] = value;
        }
        return value;
    }

    private String number(int style, String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw; // the validator names it as "not a number"
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (isDateStyle(style) && DateUtil.isValidExcelDate(value)) {
            // a month typed as 2026-03 shows no day; a day of daily figures (2026-03-05) does
            return DateUtil.getLocalDateTime(value, date1904).format(showsDay(style) ? DAY : MONTH);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** Whether the cell's date format shows the day (d, dd, but not the d of a quoted literal). */
    private boolean showsDay(int index) {
        XSSFCellStyle cellStyle = styles != null && index >= 0 && index < styles.getNumCellStyles() ? styles.getStyleAt(index) : null;
        if (cellStyle == null) {
            return false;
        }
        String format = cellStyle.getDataFormatString();
        if (format == null) {
            format = BuiltinFormats.getBuiltinFormat(cellStyle.getDataFormat());
        }
        return format != null && format.replaceAll("\"[^\"]*\"|\\[.*?]", "").toLowerCase(java.util.Locale.ROOT).contains("d");
    }

    private boolean isDateStyle(int index) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            XSSFCellStyle cellStyle = i >= 0 && i < styles.getNumCellStyles() ? styles.getStyleAt(i) : null;
            if (cellStyle == null) {
                return false;
            }
            String format = cellStyle.getDataFormatString();
            if (format == null) {
                format = BuiltinFormats.getBuiltinFormat(cellStyle.getDataFormat());
            }
            return format != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), format);
        });
    }
}
