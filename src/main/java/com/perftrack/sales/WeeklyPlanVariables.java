package com.perftrack.sales;

import static com.perftrack.process.ProcessVariable.count;
import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.raw;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code weekly-sales-plan} and its scheduler: the names the model and the forms use. */
final class WeeklyPlanVariables {

    static final ProcessVariable<String> WEEK = text("week");
    static final ProcessVariable<String> COMPANY_CODE = text("companyCode");
    /** Monday to Sunday of the week, for the forms. */
    static final ProcessVariable<String> WEEK_DATES = text("weekDates");
    /** The week the meeting reviews (plans against achieved). */
    static final ProcessVariable<String> PREVIOUS_WEEK = text("previousWeek");
    /** When a plan falls due (reminder) and when a missing one goes to the sales head: Dates for the timers. */
    static final ProcessVariable<Object> PLAN_DUE_AT = raw("planDueAt");
    static final ProcessVariable<Object> PLAN_ESCALATION_AT = raw("planEscalationAt");
    static final ProcessVariable<String> PLAN_DUE_TEXT = text("planDueText");
    static final ProcessVariable<Object> PLAN_IDS = raw("planIds");
    static final ProcessVariable<String> SALES_HEAD_USER_ID = text("salesHeadUserId");
    static final ProcessVariable<Integer> WEEKS_OPENED = count("weeksOpened");

    // one sales person's plan (SubProcess_Plans, local per planId)
    static final ProcessVariable<Long> PLAN_ID = id("planId");
    static final ProcessVariable<String> SALES_PERSON_USER_ID = text("salesPersonUserId");
    static final ProcessVariable<String> PERSON_NAME = text("personName");
    static final ProcessVariable<Object> TARGET_SALES_AMOUNT = raw("targetSalesAmount");
    static final ProcessVariable<Object> TARGET_NEW_CUSTOMERS = raw("targetNewCustomers");
    static final ProcessVariable<String> VISIT_PLAN = text("visitPlan");
    static final ProcessVariable<String> PLAN_COMMENT = text("planComment");

    // the weekly sales meeting (Task_HoldWeeklySalesMeeting)
    static final String REVIEW_TABLE = "lastWeekReviewTable";
    static final String PLANS_TABLE = "thisWeekPlansTable";
    static final ProcessVariable<String> DECISIONS_COMMENT = text("decisionsComment");

    private WeeklyPlanVariables() {
    }
}
