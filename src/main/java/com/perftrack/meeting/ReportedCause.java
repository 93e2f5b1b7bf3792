package com.perftrack.meeting;

import java.util.List;

/** One cause recorded in a department's report with its inquiry outcome, as typed in the form. */
record ReportedCause(int number, String cause, String causeType, String impact, String proposal,
        List<String> relatedDepartments, List<String> responsibleDepartments, String solution,
        String responsibleUser, String kpiCode) {
}
