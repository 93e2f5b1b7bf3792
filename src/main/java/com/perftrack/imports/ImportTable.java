package com.perftrack.imports;

import java.util.List;

/** A file read into cells: the header and the data lines with their line numbers (1 = header). */
record ImportTable(List<String> header, List<Line> lines) {

    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }
}
