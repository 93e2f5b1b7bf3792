package com.perftrack.imports;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The import machinery other features reuse for their own files (the method's report templates,
 * issue 16): reading a CSV/XLSX upload within {@code ptc.imports.*} limits, checking its header,
 * and writing a template or export workbook. Bad files are {@link ImportRejectedException}s with
 * their {@link LineError}s, as for the figures import.
 */
@Component
public class TemplateFiles {

    private final ImportSettings settings;

    TemplateFiles(ImportSettings settings) {
        this.settings = settings;
    }

    /** The file's header and data lines; an empty, oversized or malformed file is rejected. */
    public ImportTable read(byte[] content) {
        if (content.length > settings.maxBytes()) {
            throw new ImportRejectedException(1, null, "文件超过 " + settings.maxBytes() + " 字节 / file larger than "
                    + settings.maxBytes() + " bytes");
        }
        return new TableReader(settings.readLimits()).read(content);
    }

    /** Positions of the expected columns, then of the optional ones (-1 when absent); a bad header is rejected. */
    public static int[] columns(List<String> header, List<String> expected, List<String> optional) {
        return Columns.indexes(header, expected, optional);
    }

    /** Whether the line has the header's width; if not, its error is added. */
    public static boolean fullWidth(ImportTable table, ImportTable.Line line, List<LineError> errors) {
        return Columns.fullWidth(table, line, errors);
    }

    /** A one-sheet workbook of text cells: the header, then the rows (an example or an export). */
    public static byte[] workbook(String sheetName, List<String> header, List<List<String>> rows) {
        return ImportTemplates.sheets(sheetName, header, rows, List.of());
    }
}
