package com.perftrack.meeting;

import java.time.Instant;

/** A chair's task the vice chair completed for the absent chair. */
public record StandIn(String taskId, String companyCode, String period, String taskKey, String taskName,
        String userId, Instant completedAt) {
}
