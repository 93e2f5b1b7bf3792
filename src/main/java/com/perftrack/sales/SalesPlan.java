package com.perftrack.sales;

import java.time.Instant;

/** One sales person's plan of one week (table {@code sales_plan}). */
record SalesPlan(long id, String companyCode, String week, String personCode, String userId, String state,
        String comment, String filedBy, Instant filedAt) {

    static final String OPEN = "open";
    static final String FILED = "filed";

    boolean filed() {
        return FILED.equals(state);
    }
}
