package com.perftrack.imports;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SAX events of one worksheet ({@code <row><c r t s><f/><v/><is><t/></is></c></row>}) turned
 * into header and lines, each cell as the text a person typed: numbers without float noise, dates
 * as YYYY-MM, a formula's cached result. Limits are checked as the events arrive.
 */
final class XlsxSheetHandler extends DefaultHandler {

    private final TableReader.Limits limits;
    private final XlsxCellText text;

    private List<String> header = List.of();
    private final List<ImportTable.Line> lines = new ArrayList<>();
    private final List<LineError> formulaErrors = new ArrayList<>();

    private int row;
    private List<String> cells;
    private int column;
    private String cellRef;
    private String type;
    private int style;
    private boolean formula;
    private boolean hasValue;
    private boolean inInlineString;
    private boolean inPhonetic;
    private boolean collecting;
    private final StringBuilder chars = new StringBuilder();

    XlsxSheetHandler(TableReader.Limits limits, SharedStrings strings, StylesTable styles, boolean date1904) {
        this.limits = limits;
        this.text = new XlsxCellText(strings, styles, date1904);
    }

    ImportTable table() {
        if (!formulaErrors.isEmpty()) {
            throw new ImportRejectedException(formulaErrors);
        }
        return new ImportTable(header, lines);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                row = r == null ? row + 1 : Integer.parseInt(r);
                cells = new ArrayList<>();
                column = -1;
            }
            case "c" -> {
                cellRef = attributes.getValue("r");
                column = cellRef == null ? column + 1 : columnOf(cellRef);
                if (cellRef == null) {
                    cellRef = columnName(column) + row;
                }
                if (column >= limits.maxColumns()) {
                    throw new ImportRejectedException(row, null, "单元格 " + cellRef + " 超出列数上限 " + limits.maxColumns()
                            + " / cell " + cellRef + " lies beyond the limit of " + limits.maxColumns() + " columns");
                }
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                formula = false;
                hasValue = false;
                chars.setLength(0);
            }
            case "f" -> formula = true;
            case "v" -> {
                hasValue = true;
                collecting = true;
                chars.setLength(0);
            }
            case "is" -> {
                hasValue = true;
                inInlineString = true;
                chars.setLength(0);
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> collecting = inInlineString && !inPhonetic;
            default -> {
                // other elements (sheet properties, merged cells, drawings) carry no values
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting) {
            if (chars.length() + length > limits.maxCellChars()) {
                throw new ImportRejectedException(row, field(), "单元格 " + cellRef + " 超过 " + limits.maxCellChars()
                        + " 个字符 / cell " + cellRef + " holds more than " + limits.maxCellChars() + " characters");
            }
            chars.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "t" -> collecting = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> inInlineString = false;
            case "c" -> endCell();
            case "row" -> endRow();
            default -> {
                // nothing to finish
            }
        }
    }

    private void endCell() {
        boolean cached = hasValue && (chars.length() > 0 || "str".equals(type));
        if (formula && !cached) {
            // a file written by a program that does not calculate: stored as 0 it would be a wrong figure
            formulaErrors.add(new LineError(row, field(), "单元格 " + cellRef + " 是没有计算结果的公式，请在 Excel 中打开并保存，"
                    + "或粘贴为数值 / cell " + cellRef + " holds a formula without a cached value: open and save the "
                    + "file in Excel, or paste the values"));
            return;
        }
        String value = value(chars.toString());
        while (cells.size() < column) {
            cells.add("");
        }
        if (cells.size() == column) {
            cells.add(value);
        } else {
            cells.set(column, value);
        }
    }

    private void endRow() {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (header.isEmpty()) {
            header = cells.stream().map(c -> c.trim().toLowerCase()).filter(c -> !c.isEmpty()).toList();
            return;
        }
        // Excel drops empty trailing cells (an empty last column is "not reported", not missing) and
        // keeps formatted empty ones beyond the table: neither is a value
        while (cells.size() < header.size()) {
            cells.add("");
        }
        while (cells.size() > header.size() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        lines.add(new ImportTable.Line(row, cells));
        TableReader.checkRowCount(lines.size(), row, limits.maxRows());
    }

    private String value(String raw) {
        try {
            return text.of(type, style, raw);
        } catch (XlsxCellText.MissingSharedString e) {
            throw new ImportRejectedException(row, field(), "单元格 " + cellRef + " 指向不存在的共享字符串 / cell "
                    + cellRef + " refers to a shared string the file does not hold");
        }
    }

    /** The header name of the current column, when the header has been read. */
    private String field() {
        return column >= 0 && column < header.size() ? header.get(column) : null;
    }

    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)) && i < 4; i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
