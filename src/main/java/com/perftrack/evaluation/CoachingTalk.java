package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A coaching talk (面谈反馈) for a person below target in a month, as stored. */
record CoachingTalk(long id, String personCode, String companyCode, String period, BigDecimal score,
        String managerUserId, String processInstanceId, String state, String strengths, String gaps, String support,
        LocalDate nextCheckDate, String recordedBy, Instant recordedAt) {

    static final String OPEN = "open";
    static final String RECORDED = "recorded";
}
