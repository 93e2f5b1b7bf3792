package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the latest deployed decisions of bpmn/reward-penalty.dmn: {@code reward-penalty} for a
 * proposal, {@code reward-penalty-amount} for the sum of a bonus or fine (issue 14).
 */
@Component
public class OutcomeRules {

    public static final String DECISION = "reward-penalty";
    static final String AMOUNT_DECISION = "reward-penalty-amount";
    static final String FIXED = "fixed";
    static final String SHARE = "share";
    static final String HR = "hr";

    /** The decision's answer: outcome (null = none) and improvement guidance. */
    public record Proposal(String outcome, String guidance) {
        static final Proposal NONE = new Proposal(null, null);
    }

    /** The sum an outcome carries: {@code rule} null = no money; {@code amount} null = HR enters it. CNY, two decimals. */
    public record Money(String rule, BigDecimal amount) {
        static final Money NONE = new Money(null, null);
        static final Money BY_HR = new Money(HR, null);
    }

    private final DecisionService decisionService;

    public OutcomeRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public Proposal propose(Integer rank, int peerGroupSize, int consecutiveQuartersBelow) {
        Map<String, Object> input = new HashMap<>();
        input.put("rank", rank);
        input.put("peerGroupSize", peerGroupSize);
        input.put("consecutiveQuartersBelow", consecutiveQuartersBelow);
        var result = decisionService.evaluateDecisionTableByKey(DECISION, Variables.fromMap(input)).getFirstResult();
        if (result == null) {
            return Proposal.NONE;
        }
        // an empty output cell leaves its entry out of the result
        Object outcome = result.getEntryMap().get("outcome");
        Object guidance = result.getEntryMap().get("guidance");
        return new Proposal(outcome == null || outcome.toString().isBlank() ? null : outcome.toString(),
                guidance == null || guidance.toString().isBlank() ? null : guidance.toString());
    }

    /**
     * The money of an outcome for a role: the rule of {@code reward-penalty-amount}, applied to the
     * company's base where the rule is a share. A share without a base falls to HR's entry, so a
     * missing base never pays zero.
     */
    Money money(String peerGroup, String outcome, Supplier<BigDecimal> base) {
        if (outcome == null) {
            return Money.NONE;
        }
        Map<String, Object> input = new HashMap<>();
        input.put("outcome", outcome);
        input.put("peerGroup", peerGroup);
        var result = decisionService.evaluateDecisionTableByKey(AMOUNT_DECISION, Variables.fromMap(input))
                .getFirstResult();
        if (result == null) {
            return Money.NONE;
        }
        Object rule = result.getEntryMap().get("amountRule");
        Object amount = result.getEntryMap().get("amount");
        return apply(rule == null ? null : rule.toString(), amount == null ? null : new BigDecimal(amount.toString()),
                base);
    }

    /** The rule's arithmetic, without the engine: CNY rounded half up to the cent. */
    static Money apply(String rule, BigDecimal amount, Supplier<BigDecimal> base) {
        if (rule == null || rule.isBlank()) {
            return Money.NONE;
        }
        switch (rule) {
            case FIXED:
                return amount == null ? Money.BY_HR : new Money(FIXED, cents(amount));
            case SHARE:
                BigDecimal b = base.get();
                return amount == null || b == null ? Money.BY_HR : new Money(SHARE, cents(b.multiply(amount)));
            case HR:
                return Money.BY_HR;
            default:
                throw new IllegalStateException("reward-penalty-amount gave the unknown rule '" + rule
                        + "'; use fixed, share or hr");
        }
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
