package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.count;
import static com.perftrack.process.ProcessVariable.flag;
import static com.perftrack.process.ProcessVariable.parsed;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.calendar.Quarter;
import com.perftrack.process.ProcessVariable;
import java.math.BigDecimal;

/**
 * The variables of {@code quarterly-evaluation} (and of its scheduler's start): one constant each, the
 * names the model's expressions and the forms use. The pickers' and tables' Json variables are in
 * {@link ProposalVariables} and {@link AnnualAwardsListener}.
 */
final class QuarterlyEvaluationVariables {

    static final ProcessVariable<Quarter> QUARTER = parsed("quarter", Quarter::parse);
    static final ProcessVariable<Integer> QUARTER_NUMBER = count("quarterNumber");
    static final ProcessVariable<String> COMPANY_CODE = text("companyCode");
    static final ProcessVariable<String> COMPANY_NAME = text("companyName");
    static final ProcessVariable<Integer> PROPOSAL_COUNT = count("proposalCount");
    static final ProcessVariable<Integer> DISCIPLINARY_COUNT = count("disciplinaryCount");
    static final ProcessVariable<Boolean> EVALUATION_ALREADY_OPEN = flag("evaluationAlreadyOpen");

    // HR's confirmation (Task_ConfirmProposals)
    static final ProcessVariable<String> HR_DECISION = text("hrDecision");
    static final ProcessVariable<String> CHANGE_PERSON_CODE = text("changePersonCode");
    static final ProcessVariable<String> CHANGE_OUTCOME = text("changeOutcome");
    static final ProcessVariable<String> CHANGE_REASON = text("changeReason");
    static final ProcessVariable<BigDecimal> CHANGE_AMOUNT = parsed("changeAmount", BigDecimal::new);
    static final ProcessVariable<String> HR_CONFIRMED_BY = text("hrConfirmedBy");
    static final ProcessVariable<Boolean> NEEDS_GENERAL_MANAGER = flag("needsGeneralManager");

    // the general manager's approval (Task_ApproveDisciplinary)
    static final ProcessVariable<String> GM_DECISION = text("gmDecision");
    static final ProcessVariable<String> GM_COMMENT = text("gmComment");
    static final ProcessVariable<String> GM_APPROVED_BY = text("gmApprovedBy");

    // termination review (Task_DecideTerminationHr, Task_DecideTerminationGm)
    static final ProcessVariable<String> TERMINATION_PERSON_CODE = text("terminationPersonCode");
    static final ProcessVariable<String> TERMINATION_PERSON_NAME = text("terminationPersonName");
    static final ProcessVariable<Boolean> TERMINATION_FLAGGED = flag("terminationFlagged");
    static final ProcessVariable<String> TERMINATION_HR_DECISION = text("terminationHrDecision");
    static final ProcessVariable<String> TERMINATION_HR_REASON = text("terminationHrReason");
    static final ProcessVariable<String> TERMINATION_GM_DECISION = text("terminationGmDecision");
    static final ProcessVariable<String> TERMINATION_GM_REASON = text("terminationGmReason");
    /** HR's override for a person without a failed improvement plan: only for a serious breach of company rules. */
    static final ProcessVariable<Boolean> TERMINATION_OVERRIDE = flag("terminationOverride");
    static final ProcessVariable<String> TERMINATION_OVERRIDE_REASON = text("terminationOverrideReason");
    /** What the termination review rests on, as the HR and GM forms show it. */
    static final ProcessVariable<String> TERMINATION_BASIS = text("terminationBasis");
    static final String TERMINATION_PLAN_TABLE = "terminationPlanTable";

    // Q4 annual awards (Task_ProposeAnnualAwards, Task_ApproveAnnualAwards)
    static final ProcessVariable<String> ANNUAL_PROPOSED_BY = text("annualProposedBy");
    static final ProcessVariable<Integer> ANNUAL_PROPOSAL_COUNT = count("annualProposalCount");
    static final ProcessVariable<String> GM_ANNUAL_DECISION = text("gmAnnualDecision");

    private QuarterlyEvaluationVariables() {
    }
}
