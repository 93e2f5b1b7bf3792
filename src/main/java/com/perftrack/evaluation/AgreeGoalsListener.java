package com.perftrack.evaluation;

import static com.perftrack.evaluation.ImprovementPlanVariables.*;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of the head's {@code Task_AgreeGoals}: stores the goals and sets the plan's dates, the
 * ten-day check-ins ({@code checkInDates}), the monthly assessments ({@code assessmentDates}) and the end.
 */
@Component
class AgreeGoalsListener implements TaskListener {

    private final ImprovementPlanService plans;

    AgreeGoalsListener(ImprovementPlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        var schedule = plans.agree(PLAN_ID.present(task), GOALS_COMMENT.get(task), TARGET_INDICATOR.get(task),
                number(task), SUPPORT_COMMENT.get(task), PLAN_END_DATE.get(task), TaskActor.required(task));
        CHECK_IN_DATES.set(task, iso(schedule.checkIns()));
        ASSESSMENT_DATES.set(task, iso(schedule.assessments()));
        PLAN_END_DATE.set(task, schedule.endDate().toString());
    }

    private static BigDecimal number(DelegateTask task) {
        try {
            return TARGET_VALUE.get(task);
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("目标值须为数字 / the target value must be a number");
        }
    }

    private static ArrayList<String> iso(java.util.List<LocalDate> dates) {
        ArrayList<String> list = new ArrayList<>();
        dates.forEach(d -> list.add(d.toString()));
        return list;
    }
}
