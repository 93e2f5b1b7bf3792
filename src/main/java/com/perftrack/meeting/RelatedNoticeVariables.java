package com.perftrack.meeting;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code related-department-notice}: one constant each, the names the model and its form use. */
final class RelatedNoticeVariables {

    static final ProcessVariable<Long> FINDING_ID = id("findingId");
    static final ProcessVariable<String> RELATED_DEPARTMENT = text("relatedDepartment");
    static final ProcessVariable<String> RELATED_FINDING_TEXT = text("relatedFindingText");
    /** The department's own part of the solution (Task_AddRelatedPart); empty: read and acknowledged. */
    static final ProcessVariable<String> RELATED_PART = text("relatedPart");
    static final ProcessVariable<String> RELATED_NOTICE_MAILED_TO = text("relatedNoticeMailedTo");

    private RelatedNoticeVariables() {
    }
}
