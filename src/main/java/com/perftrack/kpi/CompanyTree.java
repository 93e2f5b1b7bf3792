package com.perftrack.kpi;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One company's organisation tree as the figures' checks and roll-ups need it: each unit's direct children. */
final class CompanyTree {

    private final Map<String, List<String>> children;

    private CompanyTree(Map<String, List<String>> children) {
        this.children = children;
    }

    /** The company's departments, regions and people by parent (not the whole installation's units). */
    static CompanyTree of(OrganisationService organisation, String companyCode) {
        Map<String, List<String>> children = new HashMap<>();
        for (String type : List.of(OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
            organisation.units(companyCode, type).forEach(u -> {
                if (u.parentCode() != null) {
                    children.computeIfAbsent(u.parentCode(), c -> new ArrayList<>()).add(u.code());
                }
            });
        }
        return new CompanyTree(children);
    }

    List<String> children(String unitCode) {
        return children.getOrDefault(unitCode, List.of());
    }

    Map<String, List<String>> childrenByParent() {
        return children;
    }

    /** The unit and every unit under it, the unit first. */
    List<String> subtree(String unitCode) {
        List<String> result = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(unitCode));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String code = todo.pop();
            if (seen.add(code)) {
                result.add(code);
                todo.addAll(children(code));
            }
        }
        return result;
    }
}
