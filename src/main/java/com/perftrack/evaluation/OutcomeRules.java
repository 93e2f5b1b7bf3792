package com.perftrack.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the latest deployed {@code reward-penalty} decision (bpmn/reward-penalty.dmn) for a proposal. */
@Component
public class OutcomeRules {

    public static final String DECISION = "reward-penalty";

    /** The decision's answer: outcome (null = none) and improvement guidance. */
    public record Proposal(String outcome, String guidance) {
        static final Proposal NONE = new Proposal(null, null);
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
}
