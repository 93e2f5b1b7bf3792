package com.perftrack.meeting;

import java.time.Instant;

/** One kept change of a meeting's findings: what happened, to which finding (or department), by whom, when. */
public record FindingChange(long id, String companyCode, String period, Long findingId, String department,
        String changeType, String detail, String changedBy, Instant changedAt) {}
