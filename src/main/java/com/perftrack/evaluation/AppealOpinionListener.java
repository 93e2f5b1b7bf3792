package com.perftrack.evaluation;

import static com.perftrack.evaluation.AppealVariables.*;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_DepartmentHeadOpinion}: the department head's opinion goes to HR and the archive. */
@Component
class AppealOpinionListener implements TaskListener {

    private final AppealService appeals;

    AppealOpinionListener(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = TaskActor.required(task);
        String opinion = DEPARTMENT_HEAD_OPINION.required(task, "请填写意见 / an opinion is required");
        appeals.recordOpinion(APPEAL_ID.present(task), user, opinion);
        OPINION_GIVEN_BY.set(task, user);
    }
}
