package com.perftrack.evaluation;

import com.perftrack.organisation.OrgUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who rates a person in a 360° round, read from the organisation tree (plain Java): the person
 * themself (their unit's user), the manager (the user of the parent unit: region, department or
 * company head), peers (the users of the other person units under the same parent) and subordinates
 * (the users of the person units whose parent unit's user is this person's user, e.g. a regional
 * manager who is also tracked). Units without a user cannot rate; a user rates a person once, in the
 * first type that fits (self, manager, subordinate, peer).
 */
final class FeedbackRaters {

    static final String SELF = "self";
    static final String MANAGER = "manager";
    static final String PEER = "peer";
    static final String SUBORDINATE = "subordinate";

    record Rater(String userId, String type) {}

    private FeedbackRaters() {
    }

    /** @param units the units of the person's company (the whole tree is enough) */
    static List<Rater> of(OrgUnit person, List<OrgUnit> units) {
        Map<String, OrgUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        OrgUnit parent = person.parentCode() == null ? null : byCode.get(person.parentCode());
        Set<String> taken = new LinkedHashSet<>();
        List<Rater> raters = new ArrayList<>();
        add(raters, taken, person.userId(), SELF);
        add(raters, taken, parent == null ? null : parent.userId(), MANAGER);
        if (present(person.userId())) {
            for (OrgUnit other : units) {
                OrgUnit otherParent = other.parentCode() == null ? null : byCode.get(other.parentCode());
                if (other.isPerson() && otherParent != null && person.userId().equals(otherParent.userId())) {
                    add(raters, taken, other.userId(), SUBORDINATE);
                }
            }
        }
        for (OrgUnit other : units) {
            if (other.isPerson() && !other.code().equals(person.code()) && person.parentCode() != null
                    && person.parentCode().equals(other.parentCode())) {
                add(raters, taken, other.userId(), PEER);
            }
        }
        return raters;
    }

    private static void add(List<Rater> raters, Set<String> taken, String userId, String type) {
        if (present(userId) && taken.add(userId.trim())) {
            raters.add(new Rater(userId.trim(), type));
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    static String label(String type) {
        return switch (type) {
            case SELF -> "本人自评 self";
            case MANAGER -> "上级 manager";
            case PEER -> "同事 peer";
            case SUBORDINATE -> "下属 subordinate";
            default -> type;
        };
    }
}
