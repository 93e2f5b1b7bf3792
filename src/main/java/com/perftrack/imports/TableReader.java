package com.perftrack.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads CSV (UTF-8, with or without BOM) or XLSX (first sheet) into an {@link ImportTable}. XLSX is
 * recognised by its ZIP signature, whatever the file is called. Empty lines are skipped; line
 * numbers are those a person sees in the editor or in Excel.
 */
final class TableReader {

    private final int maxRows;

    TableReader(int maxRows) {
        this.maxRows = maxRows;
    }

    ImportTable read(byte[] content) {
        if (content.length == 0) {
            throw new ImportRejectedException(1, null, "文件为空 / the file is empty");
        }
        ImportTable table = isZip(content) ? readXlsx(content) : readCsv(content);
        if (table.header().isEmpty()) {
            throw new ImportRejectedException(1, null, "缺少表头行 / the header line is missing");
        }
        if (table.lines().isEmpty()) {
            throw new ImportRejectedException(2, null, "没有数据行 / the file has no data lines");
        }
        return table;
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private ImportTable readCsv(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRejectedException(1, null, "文件不是 UTF-8 编码 / the file is not UTF-8 encoded");
        }
        List<String> header = List.of();
        List<ImportTable.Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                int line = lineAt(text, (int) record.getCharacterPosition());
                if (header.isEmpty()) {
                    header = cells.stream().map(c -> c.trim().toLowerCase()).toList();
                } else {
                    lines.add(new ImportTable.Line(line, cells));
                    checkRowCount(lines.size(), line);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRejectedException(lines.size() + 2, null, "CSV 格式错误 / malformed CSV: " + e.getMessage());
        }
        return new ImportTable(header, lines);
    }

    private ImportTable readXlsx(byte[] content) {
        List<String> header = List.of();
        List<ImportTable.Line> lines = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header.isEmpty()) {
                    header = cells.stream().map(c -> c.trim().toLowerCase()).filter(c -> !c.isEmpty()).toList();
                } else {
                    // Excel drops empty trailing cells: an empty last column is "not reported", not missing
                    while (cells.size() < header.size()) {
                        cells.add("");
                    }
                    lines.add(new ImportTable.Line(row.getRowNum() + 1, cells));
                    checkRowCount(lines.size(), row.getRowNum() + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            throw new ImportRejectedException(1, null, "无法读取 Excel 文件 / unreadable XLSX file: " + e.getMessage());
        }
        return new ImportTable(header, lines);
    }

    private int lastPosition;
    private int lastLine = 1;

    /** The 1-based line of a character position; records come in order, so counting resumes. */
    private int lineAt(String text, int position) {
        if (position < lastPosition) {
            lastPosition = 0;
            lastLine = 1;
        }
        for (int i = lastPosition; i < position; i++) {
            if (text.charAt(i) == '\n') {
                lastLine++;
            }
        }
        lastPosition = position;
        return lastLine;
    }

    private void checkRowCount(int rows, int line) {
        if (rows > maxRows) {
            throw new ImportRejectedException(line, null,
                    "行数超过上限 " + maxRows + " / more than " + maxRows + " data lines; split the file");
        }
    }

    /** A cell as the text a person typed: numbers without float noise, dates typed as YYYY-MM. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().format(DateTimeFormatter.ofPattern("yyyy-MM"))
                    : plain(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
