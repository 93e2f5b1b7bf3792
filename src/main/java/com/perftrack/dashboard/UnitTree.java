package com.perftrack.dashboard;

import com.perftrack.organisation.OrgUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One company's organisation tree as the dashboard's drill-down walks it (issue 15): company →
 * department → region → person, by parent codes. A person may hang directly under a department
 * (no region); the walk follows whatever parents the organisation file gave. Plain Java.
 */
final class UnitTree {

    private final Map<String, String> parentOf = new HashMap<>();

    UnitTree(Collection<OrgUnit> units) {
        units.forEach(u -> parentOf.put(u.code(), u.parentCode()));
    }

    /** Whether {@code code} lies below {@code ancestor} (the ancestor itself does not count). */
    boolean isBelow(String code, String ancestor) {
        String parent = parentOf.get(code);
        // a malformed file could make a loop: a tree is never deeper than its number of units
        for (int steps = 0; parent != null && steps <= parentOf.size(); steps++) {
            if (parent.equals(ancestor)) {
                return true;
            }
            parent = parentOf.get(parent);
        }
        return false;
    }
}
