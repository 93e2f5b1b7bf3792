package com.perftrack.imports;

/** One bad line of an import file: its line number (1 = header), the column and why. */
public record LineError(int line, String field, String message) {
}
