package com.perftrack.action;

import com.perftrack.organisation.OrganisationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Four eyes for the steps outside the action's own process that judge an action (issue 11): the
 * meeting's record of its result is the standing office's, unless the action is the standing
 * office's own (or its author's group): then the next in line ({@link ActionReviewers#SMART_REVIEW})
 * records it. Nobody who wrote the action or belongs to its department records its result.
 */
@Component
class ActionJudges {

    private final ActionPickers pickers;

    ActionJudges(ActionPickers pickers) {
        this.pickers = pickers;
    }

    /** For engine-only process tests. */
    static ActionJudges create(IdentityService identity, OrganisationService organisation) {
        return new ActionJudges(new ActionPickers(identity, organisation));
    }

    /** The group that records the action's result at the meeting. */
    String resultRecorderGroup(ActionView action) {
        return ActionReviewers.decide(action.responsibleDepartment(), pickers.groupsOf(action.authorUserId()))
                .smartReviewGroup();
    }

    /** Whether the user may judge the action: not its author, not a member of its department. */
    boolean mayJudge(ActionView action, String userId) {
        return ActionReviewers.mayJudge(userId, action.authorUserId(), action.responsibleDepartment(),
                pickers.groupsOf(userId));
    }

    /** The Chinese name of a user, family name first. */
    String nameOf(String userId) {
        return pickers.nameOf(userId);
    }

    /** The name of a company's department. */
    String departmentName(String companyCode, String group) {
        return pickers.departmentName(companyCode, group);
    }
}
