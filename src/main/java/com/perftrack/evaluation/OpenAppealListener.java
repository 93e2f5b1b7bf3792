package com.perftrack.evaluation;

import static com.perftrack.evaluation.AppealVariables.*;
import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code appeal}: the signed-in person contests their published result of {@code quarter}
 * with {@code reasons}, within the window. The appellant is always the engine's authenticated
 * user (the start event's initiator); an {@code appellant} variable naming anyone else is refused,
 * so nobody appeals in someone else's name.
 */
@Component
class OpenAppealListener implements ExecutionListener {

    private final AppealService appeals;

    OpenAppealListener(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Quarter quarter;
        try {
            quarter = QUARTER.required(execution, "请填写申诉的季度（如 2026-Q1）/ the quarter (e.g. 2026-Q1) is required");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String appellant = authentication == null ? null : authentication.getUserId();
        String given = APPELLANT.get(execution);
        if (given != null && !given.equals(appellant)) {
            throw new BadUserRequestException("变量 'appellant' 由登录用户决定，不能指定 / variable 'appellant' is the "
                    + "signed-in user and may not be set");
        }
        var opened = appeals.open(quarter, appellant, REASONS.get(execution), execution.getProcessInstanceId());
        APPELLANT.set(execution, appellant);
        QUARTER.set(execution, quarter);
        APPEAL_ID.set(execution, opened.appealId());
        PERSON_CODE.set(execution, opened.personCode());
        DEPARTMENT_HEAD_USER_ID.set(execution, opened.departmentHeadUserId());
        // what the opinion and the review are about, as the forms show it
        APPEAL_PERSON_NAME.set(execution, opened.personName());
        APPEAL_SCORE.set(execution, EvaluationLabels.percent(opened.evaluation().score()));
        APPEAL_RANK.set(execution, EvaluationLabels.rank(opened.evaluation()));
        APPEAL_OUTCOME.set(execution, EvaluationLabels.outcome(opened.evaluation().outcome()));
        execution.setProcessBusinessKey(quarter + ":" + opened.personCode());
    }
}
