package com.perftrack.cycle;

import static com.perftrack.process.ProcessVariable.count;
import static com.perftrack.process.ProcessVariable.flag;
import static com.perftrack.process.ProcessVariable.raw;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/**
 * The variables of {@code monthly-tracking-cycle} (and its scheduler) that the cycle's own delegates
 * and listeners read and write: one constant each, the names the model and the forms use. The
 * meeting, agenda and action features read the few they need themselves.
 */
final class CycleVariables {

    static final ProcessVariable<String> PERIOD = text("period");
    /** Empty for a month; for a quarter, half year or year the sentence the forms show (see RegisterCycleListener). */
    static final ProcessVariable<String> PERIOD_LABEL = text("periodLabel");
    static final ProcessVariable<String> COMPANY_CODE = text("companyCode");
    static final ProcessVariable<String> MISSING_DEPARTMENTS = text("missingDepartments");
    static final ProcessVariable<String> MISSING_SUMMARY = text("missingSummary");
    static final ProcessVariable<String> HR_REQUEST_NOTE = text("hrRequestNote");
    static final ProcessVariable<String> ESCALATION_NOTE = text("escalationNote");
    static final ProcessVariable<String> FIGURES_RECEIVED = text("figuresReceived");
    /** The department's doubtful figures of the period, one per line (empty: none); issue 15. */
    static final ProcessVariable<String> FIGURE_WARNINGS = text("figureWarnings");
    /** The department's tick 已核实: the doubtful figures are right as they are. */
    static final ProcessVariable<Boolean> FIGURES_VERIFIED = flag("figuresVerified");
    static final ProcessVariable<Integer> KPI_RESULT_COUNT = count("kpiResultCount");
    static final ProcessVariable<Integer> ACTIONS_STARTED = count("actionsStarted");
    static final ProcessVariable<Integer> ARCHIVE_ENTRIES_WRITTEN = count("archiveEntriesWritten");
    static final ProcessVariable<Boolean> CYCLE_ALREADY_OPEN = flag("cycleAlreadyOpen");
    static final ProcessVariable<String> CYCLE_PROCESS_INSTANCE_ID = text("cycleProcessInstanceId");

    // praise and criticism per department (Task_RecordDepartmentFeedback)
    static final ProcessVariable<Object> FOLLOW_UP_ACTION_IDS = raw("followUpActionIds");
    static final ProcessVariable<String> FEEDBACK_DEPARTMENT = text("feedbackDepartment");
    static final ProcessVariable<String> FEEDBACK_DEPARTMENT_NAME = text("feedbackDepartmentName");
    static final ProcessVariable<String> FEEDBACK_ACTIONS = text("feedbackActions");
    static final ProcessVariable<String> FEEDBACK_KIND = text("feedbackKind");
    static final ProcessVariable<String> FEEDBACK_COMMENT = text("feedbackComment");

    private CycleVariables() {
    }
}
