package com.perftrack.action;

/**
 * What the method's health (SPEC.md section 7) needs of a company's actions in one period:
 * {@code reviewed} actions raised by the period's meeting that had a SMART review, of them
 * {@code approvedAtFirstReview} passed their first; {@code withResult} actions whose result the
 * period's meeting recorded, of them {@code improved} recorded improved.
 */
public record ActionHealthCounts(int reviewed, int approvedAtFirstReview, int withResult, int improved) {
}
