package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.parsed;
import static com.perftrack.process.ProcessVariable.raw;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.calendar.Quarter;
import com.perftrack.process.ProcessVariable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The variables of {@code improvement-plan}: the names its expressions and forms use. */
final class ImprovementPlanVariables {

    static final ProcessVariable<Long> PLAN_ID = id("planId");
    static final ProcessVariable<Quarter> QUARTER = parsed("quarter", Quarter::parse);
    static final ProcessVariable<String> PERSON_CODE = text("personCode");
    static final ProcessVariable<String> PERSON_NAME = text("personName");
    static final ProcessVariable<String> MANAGER_USER_ID = text("managerUserId");
    static final ProcessVariable<String> PERSON_USER_ID = text("personUserId");

    // the head agrees the goals (Task_AgreeGoals)
    static final ProcessVariable<String> GOALS_COMMENT = text("goalsComment");
    static final ProcessVariable<String> TARGET_INDICATOR = text("targetIndicator");
    static final ProcessVariable<BigDecimal> TARGET_VALUE = parsed("targetValue", BigDecimal::new);
    static final ProcessVariable<String> SUPPORT_COMMENT = text("supportComment");
    static final ProcessVariable<String> PLAN_END_DATE = text("planEndDate");
    /** ISO dates, one timer each. */
    static final ProcessVariable<Object> CHECK_IN_DATES = raw("checkInDates");
    static final ProcessVariable<Object> ASSESSMENT_DATES = raw("assessmentDates");

    // the person's ten-day check-in (Task_CheckIn, one per checkInDate)
    static final ProcessVariable<LocalDate> CHECK_IN_DATE = parsed("checkInDate", LocalDate::parse);
    static final ProcessVariable<BigDecimal> CHECK_IN_VALUE = parsed("checkInValue", BigDecimal::new);
    static final ProcessVariable<String> CHECK_IN_COMMENT = text("checkInComment");

    // the head's monthly assessment (Task_AssessMonth, one per assessmentDate)
    static final ProcessVariable<LocalDate> ASSESSMENT_DATE = parsed("assessmentDate", LocalDate::parse);
    static final ProcessVariable<String> ASSESSMENT_VERDICT = text("assessmentVerdict");
    static final ProcessVariable<String> ASSESSMENT_COMMENT = text("assessmentComment");

    // the head's result at the plan's date (Task_RecordResult)
    static final ProcessVariable<String> PLAN_RESULT = text("planResult");
    static final ProcessVariable<String> RESULT_COMMENT = text("resultComment");

    /** The check-ins and assessments so far, for the head's forms (Json table). */
    static final String HISTORY_TABLE = "planHistoryTable";

    private ImprovementPlanVariables() {
    }
}
