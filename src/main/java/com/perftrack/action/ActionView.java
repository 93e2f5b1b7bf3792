package com.perftrack.action;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An improvement action as the API, the agenda and the dashboard see it. */
public record ActionView(long actionId, long findingId, String companyCode, String period, String item,
        String responsibleDepartment, boolean crossDepartment, String ownerUserId, String ownerGroup,
        String authorUserId, String responsiblePerson, LocalDate deadline, String expectedResult, String measures,
        String status, int smartRounds, LocalDate openedOn, LocalDate lastReportDate, BigDecimal lastProgressPct,
        String outcome, String outcomeNote, String outcomePeriod, String ownerNote, String processInstanceId) {

    public static final String DRAFT = "DRAFT";
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
}
