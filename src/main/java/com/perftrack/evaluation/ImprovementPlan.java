package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An improvement plan after a confirmed written warning (issue 17), as {@code GET /api/improvement-plans}
 * returns it: goals with a number and a date, the ten-day check-ins and monthly assessments, the result.
 * {@code state}: agreeing (goals not yet agreed), running, achieved, failed.
 */
public record ImprovementPlan(long id, String personCode, String companyCode, String quarter, String state,
        String managerUserId, String goalsComment, String targetIndicator, BigDecimal targetValue,
        String supportComment, LocalDate startDate, LocalDate endDate, String resultComment, String closedBy,
        Instant closedAt, List<Entry> entries) {

    public static final String AGREEING = "agreeing";
    public static final String RUNNING = "running";
    public static final String ACHIEVED = "achieved";
    public static final String FAILED = "failed";

    /** A ten-day check-in by the person ({@code check_in}) or a monthly assessment by the head ({@code assessment}). */
    public record Entry(String kind, LocalDate dueDate, BigDecimal value, String verdict, String comment,
            String recordedBy, Instant recordedAt) {

        public static final String CHECK_IN = "check_in";
        public static final String ASSESSMENT = "assessment";
    }

    ImprovementPlan withEntries(List<Entry> all) {
        return new ImprovementPlan(id, personCode, companyCode, quarter, state, managerUserId, goalsComment,
                targetIndicator, targetValue, supportComment, startDate, endDate, resultComment, closedBy, closedAt,
                List.copyOf(all));
    }
}
