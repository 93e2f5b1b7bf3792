package com.perftrack.organisation;

import com.perftrack.security.CommitteeGroup;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Names a task after what and whose it is, so that five 记录部门汇报与质询 tasks or three SMART
 * reviews can be told apart in Tasklist (issue 11): the department the task is about (the
 * meeting's {@code reportDepartment}, an action's {@code responsibleDepartment}) and the period or
 * quarter, e.g. "SMART 审核 Review against SMART · 质量部 · 2026-10". Added to every user task's
 * create event by {@link TaskTitlePlugin}; a task without such variables keeps its name.
 */
class TaskTitles implements TaskListener {

    static final String SEPARATOR = " · ";

    @Override
    public void notify(DelegateTask task) {
        String title = title(task.getName(), department(task), period(task));
        if (title != null) {
            task.setName(title);
        }
    }

    static String title(String name, String departmentGroup, String period) {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String department = departmentGroup == null ? null
                : CommitteeGroup.byId(departmentGroup).map(g -> shortName(g.displayName())).orElse(null);
        if (department != null && !name.contains(department)) {
            parts.add(department);
        }
        if (period != null && !period.isBlank() && !name.contains(period)) {
            parts.add(period);
        }
        return parts.isEmpty() ? null : name + SEPARATOR + String.join(SEPARATOR, parts);
    }

    /** 市场部（委员会常设办公室） → 市场部; 秘书长（销售副总） → 秘书长. */
    static String shortName(String displayName) {
        int bracket = displayName.indexOf('（');
        return bracket > 0 ? displayName.substring(0, bracket) : displayName;
    }

    private static String department(DelegateTask task) {
        for (String name : new String[] {"reportDepartment", "responsibleDepartment"}) {
            Object value = task.getVariable(name);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static String period(DelegateTask task) {
        for (String name : new String[] {"period", "quarter"}) {
            Object value = task.getVariable(name);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
