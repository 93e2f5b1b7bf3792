package com.perftrack.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One inquiry outcome of the review meeting. {@code number} is its number in the meeting (#1, #2 …
 * per company and period, without gaps), given when it is saved; {@code id} is the database key.
 * {@code status}: {@code open} (recorded), {@code accepted} (accepted by the secretary-general, the
 * meeting goes on), {@code confirmed} (final: actions start from these only), {@code merged} (a
 * duplicate folded into {@code mergedInto}), {@code withdrawn} (its department's record was sent back).
 * {@code deadline}: the deadline the secretary-general set, or null (the action's author proposes one).
 */
public record Finding(Long id, String companyCode, String period, String reportingDepartment, String kpiCode,
        String title, String deviation, String cause, String causeType, String impact, String proposal,
        String relatedDepartments, String responsibleDepartments, String solution, String responsibleUserId,
        String createdBy, Instant createdAt, Integer number, String status, Long mergedInto, LocalDate deadline) {

    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String CONFIRMED = "confirmed";
    public static final String MERGED = "merged";
    public static final String WITHDRAWN = "withdrawn";

    public Finding(Long id, String companyCode, String period, String reportingDepartment, String kpiCode,
            String title, String deviation, String cause, String causeType, String impact, String proposal,
            String relatedDepartments, String responsibleDepartments, String solution, String responsibleUserId,
            String createdBy, Instant createdAt, Integer number) {
        this(id, companyCode, period, reportingDepartment, kpiCode, title, deviation, cause, causeType, impact, proposal,
                relatedDepartments, responsibleDepartments, solution, responsibleUserId, createdBy, createdAt, number,
                OPEN, null, null);
    }

    /** Still part of the meeting's outcome: not merged into another, not withdrawn. */
    public boolean active() {
        return !MERGED.equals(status) && !WITHDRAWN.equals(status);
    }

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
