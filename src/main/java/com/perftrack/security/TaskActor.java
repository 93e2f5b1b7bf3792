package com.perftrack.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who completes a task — the one rule for every feature: the signed-in engine user (Tasklist,
 * REST), else the task's assignee; a blank id counts as none.
 * <ul>
 * <li>{@link #of} records the actor where one is known and gives {@code null} otherwise;</li>
 * <li>{@link #required} refuses a completion nobody signed in or assigned stands behind, for
 * decisions that must not be confirmed without a human (the evaluation's confirmations).</li>
 * </ul>
 */
public final class TaskActor {

    private TaskActor() {
    }

    /** @return the signed-in user, else the assignee, else {@code null} */
    public static String of(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && present(current.getUserId())) {
            return current.getUserId();
        }
        return present(task.getAssignee()) ? task.getAssignee() : null;
    }

    /**
     * @return the signed-in user, else the assignee
     * @throws BadUserRequestException when there is neither, so the completion changes nothing
     */
    public static String required(DelegateTask task) {
        String user = of(task);
        if (user == null) {
            throw new BadUserRequestException("任务 '" + task.getName() + "' 必须由登录用户完成 / task '"
                    + task.getTaskDefinitionKey() + "' must be completed by a signed-in user");
        }
        return user;
    }

    private static boolean present(String id) {
        return id != null && !id.isBlank();
    }
}
