package com.perftrack.action;

import java.util.List;
import java.util.Set;

/**
 * Four eyes (issue 11): nobody judges their own department's work. Each judging step of the action
 * has an order of groups; it goes to the first that is neither the responsible department nor a
 * group of the action's author. The SMART review is the standing office's (marketing), so
 * marketing's own action is reviewed by the secretary-general; the follow-ups of an overdue report
 * or action are the secretary-general's, so an action written by a secretary-general (the VP of
 * sales heading the sales department, say) is followed up by the general manager.
 */
record ActionReviewers(String smartReviewGroup, String followUpGroup) {

    static final List<String> SMART_REVIEW = List.of("marketing", "secretary-general", "committee-chair",
            "committee-vice-chair");
    static final List<String> FOLLOW_UP = List.of("secretary-general", "committee-chair", "committee-vice-chair");

    static ActionReviewers decide(String department, Set<String> authorGroups) {
        return new ActionReviewers(first(SMART_REVIEW, department, authorGroups),
                first(FOLLOW_UP, department, authorGroups));
    }

    /** Whether this user may judge the action: not its author and not a member of its department. */
    static boolean mayJudge(String user, String authorUserId, String department, Set<String> userGroups) {
        return user == null || (!user.equals(authorUserId) && !userGroups.contains(department));
    }

    private static String first(List<String> order, String department, Set<String> authorGroups) {
        for (String group : order) {
            if (!group.equals(department) && !authorGroups.contains(group)) {
                return group;
            }
        }
        // a one-person committee: nobody else exists, the last in line decides
        return order.get(order.size() - 1);
    }
}
