package com.perftrack.imports;

import java.util.List;

/** A file read into cells: the header and the data lines with their line numbers (1 = header). */
public record ImportTable(List<String> header, List<Line> lines) {

    public record Line(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }
}
