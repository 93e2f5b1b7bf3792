package com.perftrack.action;

import java.util.Optional;

/**
 * The owner rule of SPEC.md section 2 step 6. A single-department action is written and owned by
 * that department's manager; a cross-department finding is owned as a whole by the general manager
 * (group {@code committee-chair} when the company names none), while each department's part is
 * written and reported by that department's manager. Where the organisation names no manager the
 * department's group takes the tasks, and the note says so.
 */
record ActionOwners(String authorUserId, String authorGroup, String ownerUserId, String ownerGroup, String note) {

    static final String CHAIR_GROUP = "committee-chair";

    static ActionOwners decide(boolean crossDepartment, String department, Optional<String> manager,
            Optional<String> generalManager) {
        StringBuilder note = new StringBuilder();
        if (manager.isEmpty()) {
            note.append("组织数据中 ").append(department).append(" 无部门经理，由部门组 ").append(department)
                    .append(" 承担 / no manager for ").append(department).append(": its group takes the tasks. ");
        }
        if (!crossDepartment) {
            return new ActionOwners(manager.orElse(null), department, manager.orElse(null), department,
                    note.toString().trim());
        }
        if (generalManager.isEmpty()) {
            note.append("无总经理，由 committee-chair 组负责整体 / no general manager: committee-chair owns the whole.");
        }
        return new ActionOwners(manager.orElse(null), department, generalManager.orElse(null), CHAIR_GROUP,
                note.toString().trim());
    }
}
