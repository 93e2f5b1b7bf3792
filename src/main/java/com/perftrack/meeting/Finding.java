package com.perftrack.meeting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One inquiry outcome of the review meeting. {@code number} is its number in the meeting (#1, #2 …
 * per company and period, without gaps), given when it is saved; {@code id} is the database key.
 */
public record Finding(Long id, String companyCode, String period, String reportingDepartment, String kpiCode,
        String title, String deviation, String cause, String causeType, String impact, String proposal,
        String relatedDepartments, String responsibleDepartments, String solution, String responsibleUserId,
        String createdBy, Instant createdAt, Integer number) {

    /** A finding to be saved: its number in the meeting is given by {@link FindingService#create}. */
    public Finding(Long id, String companyCode, String period, String reportingDepartment, String kpiCode,
            String title, String deviation, String cause, String causeType, String impact, String proposal,
            String relatedDepartments, String responsibleDepartments, String solution, String responsibleUserId,
            String createdBy, Instant createdAt) {
        this(id, companyCode, period, reportingDepartment, kpiCode, title, deviation, cause, causeType, impact, proposal,
                relatedDepartments, responsibleDepartments, solution, responsibleUserId, createdBy, createdAt, null);
    }

    public List<String> responsibleDepartmentList() {
        return split(responsibleDepartments);
    }

    public List<String> relatedDepartmentList() {
        return split(relatedDepartments);
    }

    /** More than one responsible department: the general manager owns the whole action. */
    public boolean crossDepartment() {
        return responsibleDepartmentList().size() > 1;
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
