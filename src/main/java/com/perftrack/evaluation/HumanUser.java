package com.perftrack.evaluation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who completed a task: the signed-in user (Tasklist, REST), else the task's assignee. A task
 * that nobody signed in completed is refused, so no outcome is confirmed without a human.
 */
final class HumanUser {

    private HumanUser() {
    }

    static String completing(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null && !authentication.getUserId().isBlank()) {
            return authentication.getUserId();
        }
        if (task.getAssignee() != null && !task.getAssignee().isBlank()) {
            return task.getAssignee();
        }
        throw new BadUserRequestException("任务 '" + task.getName() + "' 必须由登录用户完成 / task '"
                + task.getTaskDefinitionKey() + "' must be completed by a signed-in user");
    }

    static String text(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    static String required(DelegateTask task, String variable, String message) {
        String value = text(task, variable);
        if (value == null) {
            throw new BadUserRequestException(message);
        }
        return value;
    }
}
