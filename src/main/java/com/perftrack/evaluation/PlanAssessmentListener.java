package com.perftrack.evaluation;

import static com.perftrack.evaluation.ImprovementPlanVariables.*;
import com.perftrack.security.TaskActor;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The head's {@code Task_AssessMonth} and {@code Task_RecordResult}: on create, the plan's history so
 * far (goals, check-ins, assessments) for the form; on complete, the assessment or the end result.
 */
@Component
class PlanAssessmentListener implements TaskListener {

    private final ImprovementPlanService plans;

    PlanAssessmentListener(ImprovementPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(HISTORY_TABLE, Spin.JSON(plans.history(List.of(PERSON_CODE.present(task)))));
            return;
        }
        long planId = PLAN_ID.present(task);
        String user = TaskActor.required(task);
        if ("Task_RecordResult".equals(task.getTaskDefinitionKey())) {
            plans.close(planId, PLAN_RESULT.get(task), RESULT_COMMENT.get(task), user);
        } else {
            plans.assess(planId, ASSESSMENT_DATE.present(task), ASSESSMENT_VERDICT.get(task),
                    ASSESSMENT_COMMENT.get(task), user);
        }
    }
}
