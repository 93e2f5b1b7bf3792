package com.perftrack.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** One sales person's monthly report (table {@code salesperson_report}). */
public record SalespersonReport(long id, String companyCode, String period, String personCode, String userId,
        String state, BigDecimal salesAmount, String analysis, String activities, String marketFeedback,
        String customerQuotes, String filedBy, Instant filedAt) {

    static final String OPEN = "open";
    static final String FILED = "filed";

    public boolean filed() {
        return FILED.equals(state);
    }
}
