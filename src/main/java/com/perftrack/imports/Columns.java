package com.perftrack.imports;

import java.util.ArrayList;
import java.util.List;

/** Header checks shared by the import files: the SPEC's columns (and the optional ones it allows), in any order. */
final class Columns {

    private Columns() {
    }

    /** The position of each expected column in the header; a missing or unknown column rejects the file. */
    static int[] indexes(List<String> header, List<String> expected) {
        return indexes(header, expected, List.of());
    }

    /**
     * Like {@link #indexes(List, List)}, and columns of {@code optional} may be present too: their
     * positions follow the expected ones' in the answer, -1 for an absent one.
     */
    static int[] indexes(List<String> header, List<String> expected, List<String> optional) {
        List<LineError> errors = new ArrayList<>();
        List<String> known = new ArrayList<>(expected);
        known.addAll(optional);
        int[] index = new int[expected.size()];
        for (int i = 0; i < expected.size(); i++) {
            index[i] = header.indexOf(expected.get(i));
            if (index[i] < 0) {
                errors.add(new LineError(1, expected.get(i), "表头缺少列 '" + expected.get(i) + "' / missing column; expected "
                        + String.join(",", expected)));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String column : header) {
            if (!seen.add(column) && known.contains(column)) {
                // which of two 'actual' columns would be meant? refuse rather than guess
                errors.add(new LineError(1, column, "表头列 '" + column + "' 重复 / duplicate column '" + column + "'"));
            }
            if (!known.contains(column)) {
                errors.add(new LineError(1, column, "未知列 '" + column + "' / unknown column; expected "
                        + String.join(",", expected) + (optional.isEmpty() ? "" : " (optional: " + String.join(",", optional) + ")")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        int[] all = java.util.Arrays.copyOf(index, expected.size() + optional.size());
        for (int i = 0; i < optional.size(); i++) {
            all[expected.size() + i] = header.indexOf(optional.get(i));
        }
        return all;
    }

    /**
     * Whether a line has exactly the header's number of values; if not, its error is added (the line
     * is then not read further).
     */
    static boolean fullWidth(ImportTable table, ImportTable.Line line, List<LineError> errors) {
        if (line.cells().size() == table.header().size()) {
            return true;
        }
        errors.add(new LineError(line.number(), null, "列数不对：该行有 " + line.cells().size() + " 列，应为 "
                + table.header().size() + " 列 / " + line.cells().size() + " values, expected " + table.header().size()));
        return false;
    }
}
