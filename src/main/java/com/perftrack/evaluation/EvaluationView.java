package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One person's quarter as {@code GET /api/evaluations} shows it (SPEC.md section 6). Score is a
 * fraction with 4 decimals (1.0 = 100%); outcome BONUS, WARNING, FINE, DEMOTION_OR_TRANSFER_REVIEW
 * or null; state proposed, confirmed or changed_on_appeal.
 */
public record EvaluationView(String quarter, String personCode, String companyCode, String peerGroup,
        BigDecimal score, Integer rank, int peerGroupSize, boolean belowTarget, int consecutiveQuartersBelow,
        String outcome, String proposedOutcome, String state, String guidance, Map<String, BigDecimal> attainments,
        List<String> dataGaps, String changeReason, String confirmedBy, String approvedBy, BigDecimal amount,
        String amountRule) {

    public static final String PROPOSED = "proposed";
    public static final String CONFIRMED = "confirmed";
    public static final String CHANGED_ON_APPEAL = "changed_on_appeal";

    public boolean disciplinary() {
        return Outcomes.isDisciplinary(outcome);
    }

    EvaluationView withOutcome(String newOutcome, String newState, String reason, BigDecimal newAmount,
            String newAmountRule) {
        return new EvaluationView(quarter, personCode, companyCode, peerGroup, score, rank, peerGroupSize,
                belowTarget, consecutiveQuartersBelow, newOutcome, proposedOutcome, newState, guidance, attainments,
                dataGaps, reason, confirmedBy, approvedBy, newAmount, newAmountRule);
    }
}
