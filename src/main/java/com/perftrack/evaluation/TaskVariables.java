package com.perftrack.evaluation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The evaluation's typed readers of task variables (trimmed text, required text). Who completed a
 * task is {@link com.perftrack.security.TaskActor}, the one rule for every feature.
 */
final class TaskVariables {

    private TaskVariables() {
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
