package com.perftrack.action;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An improvement action as the API, the agenda and the dashboard see it. {@code round} counts the
 * times the problem was issued (1, then 2 after a "not improved" reissued it, ...), {@code
 * reissuedFrom} is the action this one follows up. {@code overdue}: open and its deadline has
 * passed (engine clock). {@code state} in one word: {@code draft}, {@code open}, {@code overdue},
 * {@code improved}, {@code reissued} (not improved, followed by the next round) or {@code closed}
 * (not improved, closed by the committee's decision with {@code closeReason}).
 */
public record ActionView(long actionId, long findingId, String companyCode, String period, String item,
        String responsibleDepartment, boolean crossDepartment, String ownerUserId, String ownerGroup,
        String authorUserId, String responsiblePerson, LocalDate deadline, String expectedResult, String measures,
        String status, int smartRounds, LocalDate openedOn, LocalDate lastReportDate, BigDecimal lastProgressPct,
        String outcome, String outcomeNote, String outcomePeriod, String ownerNote, String processInstanceId,
        int round, Long reissuedFrom, String outcomeDecision, String closeReason, String chairInstruction,
        boolean overdue, String state) {

    public static final String DRAFT = "DRAFT";
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    /** {@code outcomeDecision} of a "not improved" result. */
    public static final String REISSUE = "REISSUE";
    public static final String CLOSE = "CLOSE";

    /** A first-round action as other features' tests build it, not overdue. */
    public ActionView(long actionId, long findingId, String companyCode, String period, String item,
            String responsibleDepartment, boolean crossDepartment, String ownerUserId, String ownerGroup,
            String authorUserId, String responsiblePerson, LocalDate deadline, String expectedResult, String measures,
            String status, int smartRounds, LocalDate openedOn, LocalDate lastReportDate, BigDecimal lastProgressPct,
            String outcome, String outcomeNote, String outcomePeriod, String ownerNote, String processInstanceId) {
        this(actionId, findingId, companyCode, period, item, responsibleDepartment, crossDepartment, ownerUserId,
                ownerGroup, authorUserId, responsiblePerson, deadline, expectedResult, measures, status, smartRounds,
                openedOn, lastReportDate, lastProgressPct, outcome, outcomeNote, outcomePeriod, ownerNote,
                processInstanceId, 1, null, null, null, null, false, stateOf(status, outcome, null, false));
    }

    /** True when the meeting's agenda should mark it: a problem issued again after "not improved". */
    public boolean reissued() {
        return reissuedFrom != null;
    }

    /**
     * The action's line on the next meeting's agenda: its item, marked when the problem was
     * reissued (with its round) or the action is overdue; short enough for an agenda item.
     */
    public String agendaTitle() {
        String marks = (reissued() ? "〔再次下发 reissued，第 " + round + " 轮〕" : "") + (overdue ? "〔已逾期 overdue〕" : "");
        String title = marks + (item == null || item.isBlank() ? "（尚未填写 / not written yet）" : item);
        return title.length() <= 260 ? title : title.substring(0, 259) + "…";
    }

    static String stateOf(String status, String outcome, String decision, boolean overdue) {
        if (DONE.equals(status)) {
            if (ActionService.IMPROVED.equals(outcome)) {
                return "improved";
            }
            return REISSUE.equals(decision) ? "reissued" : "closed";
        }
        if (DRAFT.equals(status)) {
            return "draft";
        }
        return overdue ? "overdue" : "open";
    }
}
