package com.perftrack.meeting;

import java.time.Instant;
import java.util.List;

/**
 * Who was at a meeting (company and period): the chair (the general manager, or the vice chair when
 * the general manager is absent), the attendees and the absentees (user ids).
 */
public record Attendance(String companyCode, String period, String chair, boolean chairAbsent,
        List<String> attendees, List<String> absentees, String note, String recordedBy, Instant recordedAt) {
}
