package com.perftrack.imports;

import java.util.List;

/** Lines the importing user may not write (issue 10): answered 403, nothing of the file is stored. */
class ImportOutsideRemitException extends ImportRejectedException {

    ImportOutsideRemitException(List<LineError> errors) {
        super(errors);
    }
}
