package com.perftrack.action;

import com.perftrack.security.TaskActor;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviewSmart}: on create shows the responsible person's name (the author
 * may have changed the person); on complete refuses a reviewer who wrote the action or belongs to its department (four
 * eyes, whatever group the task went to) and remembers the reviewer for the review record.
 */
@Component
class SmartReviewListener implements TaskListener {

    private final ActionPickers pickers;

    SmartReviewListener(ActionPickers pickers) {
        this.pickers = pickers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Object person = task.getVariable("responsiblePerson");
            task.setVariableLocal("responsiblePersonName", person == null ? "" : pickers.nameOf(person.toString()));
            return;
        }
        String department = (String) task.getVariable("responsibleDepartment");
        String reviewer = TaskActor.of(task);
        Set<String> groups = pickers.groupsOf(reviewer);
        if (!ActionReviewers.mayJudge(reviewer, (String) task.getVariable("authorUserId"), department, groups)) {
            throw new BadUserRequestException("不能审核本部门的改进行动，请由其他部门审核 / you may not review your own "
                    + "department's action: another department reviews it");
        }
        task.setVariable("reviewedBy", reviewer);
    }
}
