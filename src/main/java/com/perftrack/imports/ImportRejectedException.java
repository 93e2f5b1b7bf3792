package com.perftrack.imports;

import java.util.List;

/** An import file with bad lines: nothing of it is stored; every bad line is reported. */
public class ImportRejectedException extends RuntimeException {

    private final List<LineError> errors;

    public ImportRejectedException(List<LineError> errors) {
        super(errors.size() + " bad line(s)");
        this.errors = List.copyOf(errors);
    }

    public ImportRejectedException(int line, String field, String message) {
        this(List.of(new LineError(line, field, message)));
    }

    public List<LineError> errors() {
        return errors;
    }
}
