package com.perftrack.health;

import java.math.BigDecimal;

/**
 * {@code GET /api/method-health} (SPEC.md section 7): each rate a fraction (1.0 = 100%) or null when
 * nothing counts, with the counts behind it; the cycle's lead time in days (null until the findings
 * are confirmed).
 */
public record MethodHealthView(String companyCode, String period,
        BigDecimal onTimeSubmissionRate, int onTimeSubmissions, int submissions,
        BigDecimal smartFirstPassRate, int approvedAtFirstReview, int reviewedActions,
        BigDecimal tenDayReportPunctuality, int tenDayReportsOnTime, int tenDayReportsDue,
        BigDecimal improvementRate, int improvedActions, int actionsWithResult,
        BigDecimal cycleLeadTimeDays) {
}
