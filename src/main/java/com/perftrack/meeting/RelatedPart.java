package com.perftrack.meeting;

import java.time.Instant;

/** A related department's own part of a finding's solution (知会). */
public record RelatedPart(long findingId, String department, String part, String addedBy, Instant addedAt) {}
