package com.perftrack.meeting;

import java.time.Instant;

/**
 * An external cause's resource request (外部原因的资源要求): what and how much, from whom — a
 * department's group id (its head decides) or {@code committee-chair} (the general manager, for
 * money or people across departments). {@code status} is {@code open}, {@code granted} or
 * {@code declined}; {@code standIn} when the vice chair decided for an absent chair.
 */
public record ResourceRequest(long id, String companyCode, String period, String department, long findingId,
        String what, String amount, String requestedFrom, String status, String decidedBy, boolean standIn,
        String reason, Instant decidedAt, String processInstanceId) {

    public static final String OPEN = "open";
    public static final String GRANTED = "granted";
    public static final String DECLINED = "declined";
    public static final String GENERAL_MANAGER = "committee-chair";

    /** What is asked and how much, as one sentence: "增派 2 名销售（数量 amount：2 人，3 个月）". */
    public String request() {
        return what + "（数量 amount：" + amount + "）";
    }

    public boolean granted() {
        return GRANTED.equals(status);
    }

    /** "张伟（总经理）" style label of the provider, for texts and the minutes. */
    public String providerLabel() {
        return GENERAL_MANAGER.equals(requestedFrom) ? "总经理 general manager" : MeetingTexts.departmentName(requestedFrom);
    }

    /** 待决定 / 已批准 / 已拒绝 with the English word. */
    public String statusLabel() {
        return switch (status) {
            case GRANTED -> "已批准 granted";
            case DECLINED -> "已拒绝 declined";
            default -> "待决定 open";
        };
    }
}
