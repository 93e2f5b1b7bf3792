package com.perftrack.evaluation;

import static com.perftrack.evaluation.ImprovementPlanVariables.*;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of the person's {@code Task_CheckIn} for one 旬 date: the indicator's value so far and the progress. */
@Component
class PlanCheckInListener implements TaskListener {

    private final ImprovementPlanService plans;

    PlanCheckInListener(ImprovementPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        BigDecimal value;
        try {
            value = CHECK_IN_VALUE.get(task);
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("指标当前值须为数字 / the current value must be a number");
        }
        plans.checkIn(PLAN_ID.present(task), CHECK_IN_DATE.present(task), value, CHECK_IN_COMMENT.get(task),
                TaskActor.required(task));
    }
}
