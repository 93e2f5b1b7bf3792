package com.perftrack.meeting;

import java.util.List;

/** One cause recorded in a department's report with its inquiry outcome, as typed in the form. */
record ReportedCause(int number, String cause, String causeType, String impact, String proposal,
        List<String> relatedDepartments, List<String> responsibleDepartments, String solution,
        String responsibleUser, String kpiCode, ResourceAsk resourceAsk) {

    /** An external cause's resource request as typed: what (the proposal), how much, from whom (a group id). */
    record ResourceAsk(String what, String amount, String requestedFrom) {}
}
