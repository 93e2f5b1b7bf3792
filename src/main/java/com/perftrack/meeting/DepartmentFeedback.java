package com.perftrack.meeting;

import java.time.Instant;

/**
 * What the meeting said to a department about its actions' results: 经验分享 ({@code share}, improved)
 * or 批评 ({@code criticism}, not improved), with the words recorded.
 */
public record DepartmentFeedback(String companyCode, String period, String department, String kind,
        String feedback, String actionIds, String recordedBy, Instant recordedAt) {

    public static final String SHARE = "share";
    public static final String CRITICISM = "criticism";

    public String kindLabel() {
        return SHARE.equals(kind) ? "经验分享 experience shared" : "批评 criticised";
    }
}
