package com.perftrack.action;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One ten-day (旬) report of an action. Percentages are in per cent, as the owner typed them (0–100). */
record TenDayReport(long actionId, LocalDate dueDate, BigDecimal progressPct, BigDecimal indicatorValue,
        String comment, String reportedBy, Instant reportedAt) {
}
