package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code coaching-talk}: the names its expressions and its form use. */
final class CoachingVariables {

    static final ProcessVariable<Long> TALK_ID = id("talkId");
    static final ProcessVariable<String> PERSON_CODE = text("personCode");
    static final ProcessVariable<String> PERSON_NAME = text("personName");
    static final ProcessVariable<String> PERIOD = text("period");
    static final ProcessVariable<String> MANAGER_USER_ID = text("managerUserId");
    /** The month's score and each KPI's attainment, as percentages, for the form. */
    static final ProcessVariable<String> SCORE_TEXT = text("scoreText");
    static final ProcessVariable<String> ATTAINMENTS_TEXT = text("attainmentsText");
    /** ISO date by which the manager records the talk; the reminder fires then. */
    static final ProcessVariable<String> DUE_DATE = text("dueDate");

    // the manager's record (Task_RecordCoachingTalk)
    static final ProcessVariable<String> STRENGTHS = text("coachingStrengths");
    static final ProcessVariable<String> GAPS = text("coachingGaps");
    static final ProcessVariable<String> SUPPORT = text("coachingSupport");
    static final ProcessVariable<String> NEXT_CHECK_DATE = text("nextCheckDate");

    private CoachingVariables() {
    }
}
