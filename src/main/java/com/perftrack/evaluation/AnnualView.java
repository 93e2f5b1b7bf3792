package com.perftrack.evaluation;

import java.math.BigDecimal;

/**
 * One person's year: {@code GET /api/evaluations/annual?year=YYYY}. {@code score} is a fraction
 * (1.0 = 100%), null without any scored quarter; {@code peerGroupSize} counts the scored people of
 * the same company and role; {@code bonuses} the quarterly bonuses that stand.
 */
public record AnnualView(int year, String personCode, String companyCode, String peerGroup, BigDecimal score,
        Integer rank, int peerGroupSize, int quartersScored, int bonuses) {
}
