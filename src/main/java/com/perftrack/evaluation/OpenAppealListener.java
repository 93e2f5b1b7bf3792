package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code appeal}: the signed-in person ({@code appellant}, the start event's initiator)
 * contests their published result of {@code quarter} with {@code reasons}, within the window.
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
            quarter = Quarter.parse((String) execution.getVariable("quarter"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        Object appellant = execution.getVariable("appellant");
        Object reasons = execution.getVariable("reasons");
        var opened = appeals.open(quarter, appellant == null ? null : appellant.toString(),
                reasons == null ? null : reasons.toString(), execution.getProcessInstanceId());
        execution.setVariable("quarter", quarter.toString());
        execution.setVariable("appealId", opened.appealId());
        execution.setVariable("personCode", opened.personCode());
        execution.setVariable("departmentHeadUserId", opened.departmentHeadUserId());
        execution.setProcessBusinessKey(quarter + ":" + opened.personCode());
    }
}
