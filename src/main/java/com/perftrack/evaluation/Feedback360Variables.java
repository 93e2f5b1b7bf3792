package com.perftrack.evaluation;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.parsed;
import static com.perftrack.process.ProcessVariable.raw;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.calendar.Quarter;
import com.perftrack.process.ProcessVariable;

/** The variables of {@code feedback-360}: the names its expressions and forms use. */
final class Feedback360Variables {

    // HR's start form
    static final ProcessVariable<Quarter> QUARTER = parsed("quarter", Quarter::parse);
    static final ProcessVariable<String> PERSON_CODES = text("personCodes");
    static final ProcessVariable<String> DEADLINE_DATE = text("deadlineDate");

    static final ProcessVariable<Long> ROUND_ID = id("roundId");
    /** The ratings' ids, one rater task each. */
    static final ProcessVariable<Object> RATING_IDS = raw("ratingIds");
    /** ISO dates of the reminder and of the close (the day after the deadline), 09:00 each. */
    static final ProcessVariable<String> REMIND_DATE = text("remindDate");
    static final ProcessVariable<String> CLOSE_DATE = text("closeDate");

    // one rater's task (Task_Rate, one per ratingId)
    static final ProcessVariable<Long> RATING_ID = id("ratingId");
    /** Local to one rating: who gets its task (the model's assignee). */
    static final ProcessVariable<String> RATER_USER_ID = text("raterUserId");
    static final ProcessVariable<Object> SCORE_DUTY = raw("scoreDuty");
    static final ProcessVariable<Object> SCORE_GOALS = raw("scoreGoals");
    static final ProcessVariable<Object> SCORE_TEAMWORK = raw("scoreTeamwork");
    static final ProcessVariable<Object> SCORE_CONTRIBUTION = raw("scoreContribution");
    static final ProcessVariable<String> RATING_COMMENT = text("ratingComment");
    /** Task-local texts for the form. */
    static final ProcessVariable<String> RATED_PERSON_NAME = text("ratedPersonName");
    static final ProcessVariable<String> RATER_TYPE_LABEL = text("raterTypeLabel");

    private Feedback360Variables() {
    }
}
