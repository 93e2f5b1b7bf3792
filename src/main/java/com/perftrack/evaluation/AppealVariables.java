package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.parsed;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.calendar.Quarter;
import com.perftrack.process.ProcessVariable;
import java.math.BigDecimal;

/** The variables of {@code appeal}: one constant each, the names the model and the forms use. */
final class AppealVariables {

    static final ProcessVariable<Quarter> QUARTER = parsed("quarter", Quarter::parse);
    /** The signed-in person who appeals; set by the start listener, never by the client. */
    static final ProcessVariable<String> APPELLANT = text("appellant");
    static final ProcessVariable<String> REASONS = text("reasons");
    static final ProcessVariable<Long> APPEAL_ID = id("appealId");
    static final ProcessVariable<String> PERSON_CODE = text("personCode");
    static final ProcessVariable<String> DEPARTMENT_HEAD_USER_ID = text("departmentHeadUserId");
    static final ProcessVariable<String> APPEAL_PERSON_NAME = text("appealPersonName");
    static final ProcessVariable<String> APPEAL_SCORE = text("appealScore");
    static final ProcessVariable<String> APPEAL_RANK = text("appealRank");
    static final ProcessVariable<String> APPEAL_OUTCOME = text("appealOutcome");

    // the department head's opinion (Task_DepartmentHeadOpinion)
    static final ProcessVariable<String> DEPARTMENT_HEAD_OPINION = text("departmentHeadOpinion");
    static final ProcessVariable<String> OPINION_GIVEN_BY = text("opinionGivenBy");

    // HR's review (Task_ReviewAppeal)
    static final ProcessVariable<String> APPEAL_DECISION = text("appealDecision");
    static final ProcessVariable<String> DECISION_REASON = text("decisionReason");
    static final ProcessVariable<BigDecimal> CORRECTED_SCORE = parsed("correctedScore", BigDecimal::new);
    static final ProcessVariable<String> CORRECTED_OUTCOME = text("correctedOutcome");
    static final ProcessVariable<String> REVIEWED_BY = text("reviewedBy");
    static final ProcessVariable<String> CHANGED_PERSONS = text("changedPersons");

    private AppealVariables() {
    }
}
