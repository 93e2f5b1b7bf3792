package com.perftrack.evaluation;

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

    static final String APPELLANT = "appellant";

    private final AppealService appeals;

    OpenAppealListener(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Quarter quarter;
        try {
            quarter = Quarter.parse((String) execution.getVariable("quarter"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String appellant = authentication == null ? null : authentication.getUserId();
        Object given = execution.getVariable(APPELLANT);
        if (given != null && !given.toString().equals(appellant)) {
            throw new BadUserRequestException("变量 'appellant' 由登录用户决定，不能指定 / variable 'appellant' is the "
                    + "signed-in user and may not be set");
        }
        Object reasons = execution.getVariable("reasons");
        var opened = appeals.open(quarter, appellant, reasons == null ? null : reasons.toString(),
                execution.getProcessInstanceId());
        execution.setVariable(APPELLANT, appellant);
        execution.setVariable("quarter", quarter.toString());
        execution.setVariable("appealId", opened.appealId());
        execution.setVariable("personCode", opened.personCode());
        execution.setVariable("departmentHeadUserId", opened.departmentHeadUserId());
        // what the opinion and the review are about, as the forms show it
        execution.setVariable("appealPersonName", opened.personName());
        execution.setVariable("appealScore", EvaluationLabels.percent(opened.evaluation().score()));
        execution.setVariable("appealRank", EvaluationLabels.rank(opened.evaluation()));
        execution.setVariable("appealOutcome", EvaluationLabels.outcome(opened.evaluation().outcome()));
        execution.setProcessBusinessKey(quarter + ":" + opened.personCode());
    }
}
