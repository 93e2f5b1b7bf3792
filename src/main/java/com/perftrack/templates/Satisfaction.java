package com.perftrack.templates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * From a month's customer-survey scores to CUSTOMER_SATISFACTION, a % KPI stored as a fraction:
 * the mean of every score the unit collected that month (each customer × question counts once),
 * divided by the top score 5, rounded half-up to 4 places (the KPI's decimals). So a mean of 4.25
 * is 0.85 (85%), all 5s are 1 (100%), all 1s 0.2 (20%).
 */
final class Satisfaction {

    static final BigDecimal TOP_SCORE = BigDecimal.valueOf(5);

    private Satisfaction() {
    }

    static BigDecimal mean(Collection<Integer> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores");
        }
        long sum = scores.stream().mapToLong(Integer::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal fraction(Collection<Integer> scores) {
        long sum = scores.stream().mapToLong(Integer::longValue).sum();
        // sum / (n × 5) in one division, so the rounding happens once
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()).multiply(TOP_SCORE), 4, RoundingMode.HALF_UP);
    }
}
