package com.perftrack.action;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ChairReviewRepeated}: the general manager's instruction on a
 * problem that did not improve twice in a row is required and kept on the action (and its next
 * round), with who gave it.
 */
@Component
class ChairInstructionListener implements TaskListener {

    static final int MAX_LENGTH = 2000;

    private final ActionService actions;

    ChairInstructionListener(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateTask task) {
        Object instruction = task.getVariable("chairInstruction");
        if (instruction == null || instruction.toString().isBlank()) {
            throw new BadUserRequestException("请写下总经理的批示 / write the general manager's instruction");
        }
        if (instruction.toString().length() > MAX_LENGTH) {
            throw new BadUserRequestException("批示最多 " + MAX_LENGTH + " 字 / the instruction is limited to "
                    + MAX_LENGTH + " characters");
        }
        long actionId = ((Number) task.getVariable("actionId")).longValue();
        actions.recordChairInstruction(actionId, instruction.toString().trim(), TaskActor.of(task));
    }
}
