package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code special-contribution-award}: one constant each, the names the model and the forms use. */
final class SpecialAwardVariables {

    static final ProcessVariable<String> AWARD_PERSON_CODE = text("awardPersonCode");
    static final ProcessVariable<String> AWARD_PERSON_NAME = text("awardPersonName");
    static final ProcessVariable<String> AWARD_CONTRIBUTION = text("awardContribution");
    static final ProcessVariable<String> AWARD_PROPOSAL = text("awardProposal");
    static final ProcessVariable<String> AWARD_PROPOSED_BY = text("awardProposedBy");

    // HR's review (prefix hr) and the general manager's decision (prefix gm): {prefix}Decision, ...
    static final ProcessVariable<String> DECISION = text("decision");
    static final ProcessVariable<String> DECISION_REASON = text("decisionReason");
    static final ProcessVariable<String> DECIDED_BY = text("decidedBy");

    private SpecialAwardVariables() {
    }
}
