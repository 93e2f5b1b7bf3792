package com.perftrack.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (UTF-8, with or without BOM) or XLSX (first sheet) into an {@link ImportTable}. XLSX is
 * recognised by its ZIP signature, whatever the file is called, and read as a stream
 * ({@link XlsxSheetReader}). Empty lines are skipped; line numbers are those a person sees in the
 * editor or in Excel.
 */
final class TableReader {

    /** What one file may hold; each is checked while reading, so reading stops at the limit. */
    record Limits(int maxRows, int maxColumns, int maxCellChars, long maxUnpackedBytes) {

        static Limits rows(int maxRows) {
            ImportSettings defaults = new ImportSettings(maxRows, null, null, null, null, null, null, null, null);
            return defaults.readLimits();
        }
    }

    private final Limits limits;

    TableReader(int maxRows) {
        this(Limits.rows(maxRows));
    }

    TableReader(Limits limits) {
        this.limits = limits;
    }

    ImportTable read(byte[] content) {
        if (content.length == 0) {
            throw new ImportRejectedException(1, null, "文件为空 / the file is empty");
        }
        ImportTable table = isZip(content) ? new XlsxSheetReader(limits).read(content) : readCsv(content);
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
                    checkRowCount(lines.size(), line, limits.maxRows());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRejectedException(lines.size() + 2, null, "CSV 格式错误 / malformed CSV: " + e.getMessage());
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

    static void checkRowCount(int rows, int line, int maxRows) {
        if (rows > maxRows) {
            throw new ImportRejectedException(line, null,
                    "行数超过上限 " + maxRows + " / more than " + maxRows + " data lines; split the file");
        }
    }
}
