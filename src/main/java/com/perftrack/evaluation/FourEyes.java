package com.perftrack.evaluation;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.Objects;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Nobody judges themself (issue 11). HR confirms the reward-penalty table's proposals for everyone,
 * its own people included (the rule is mechanical, fines and demotion reviews also need the general
 * manager, and an appeal stays open); but an HR user does not change their own proposal or put
 * themself up for termination, an appellant's opinion comes from someone else than the appellant,
 * and the review of an appeal is never done by the appellant or by whoever gave the opinion.
 */
@Component
class FourEyes {

    static final String HR = "hr";
    static final String GENERAL_MANAGER = "committee-chair";

    private final OrganisationService organisation;
    private final IdentityService identity;

    FourEyes(OrganisationService organisation, IdentityService identity) {
        this.organisation = organisation;
        this.identity = identity;
    }

    /** Refuses when the person unit is the acting user's own. */
    void notOwnPerson(String userId, String personCode, String what) {
        boolean own = organisation.findUnit(personCode).filter(OrgUnit::isPerson)
                .map(OrgUnit::userId).filter(u -> Objects.equals(u, userId)).isPresent();
        if (own) {
            throw new BadUserRequestException("不能" + what + "（" + personCode + "），请由人力资源部其他同事处理。/ You cannot "
                    + "decide on your own result (" + personCode + "); another HR member has to.");
        }
    }

    /** Refuses an appeal review by the appellant or by whoever gave the department head's opinion. */
    void notReviewingOwnAppeal(String reviewer, String appellant, String opinionBy) {
        if (Objects.equals(reviewer, appellant)) {
            throw new BadUserRequestException("申诉人不能复核自己的申诉，请由人力资源部其他同事或总经理复核。/ The appellant cannot "
                    + "review their own appeal.");
        }
        if (opinionBy != null && Objects.equals(reviewer, opinionBy)) {
            throw new BadUserRequestException("已出具部门负责人意见的人不能再复核同一申诉，请由他人复核。/ Whoever gave the "
                    + "department head's opinion cannot also review the appeal.");
        }
    }

    /** Whether the user is a member of HR: then the review of their appeal (or opinion) is offered to the general manager too. */
    boolean isHr(String userId) {
        if (userId == null) {
            return false;
        }
        // asked while someone else completes a task (the opinion-giver), who may lack READ on other
        // users (SECURITY.md): the membership is a fact of the process, not something shown to that user
        CommandContext context = Context.getCommandContext();
        boolean checking = context != null && context.isAuthorizationCheckEnabled();
        if (checking) {
            context.disableAuthorizationCheck();
        }
        try {
            return identity.createUserQuery().userId(userId).memberOfGroup(HR).count() > 0;
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
    }
}
