package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import com.perftrack.calendar.Quarter;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code feedback-360}: HR's quarter, persons and deadline are checked and the round is
 * registered for the instance's company (its tenant); a second round of the same company and quarter,
 * an unknown person or a bad date is refused with one sentence and nothing starts.
 */
@Component
class OpenFeedbackRoundListener implements ExecutionListener {

    private final Feedback360Service feedback;

    OpenFeedbackRoundListener(Feedback360Service feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Quarter quarter;
        try {
            quarter = QUARTER.required(execution, "请填写季度，例如 2026-Q3 / the quarter is required, e.g. 2026-Q3");
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        // the company is the instance's tenant (companyCode of the start form, else the starter's company)
        String company = execution.getTenantId() != null ? execution.getTenantId()
                : (String) execution.getVariable("companyCode");
        var registered = feedback.register(quarter, company, PERSON_CODES.get(execution),
                DEADLINE_DATE.get(execution), authentication == null ? null : authentication.getUserId());
        QUARTER.set(execution, quarter);
        ROUND_ID.set(execution, registered.roundId());
        LocalDate remind = registered.deadline().minusDays(2);
        // a short round is reminded on its last day, not at its start
        REMIND_DATE.set(execution, (remind.isAfter(feedback.today()) ? remind : registered.deadline()).toString());
        CLOSE_DATE.set(execution, registered.deadline().plusDays(1).toString());
        execution.setProcessBusinessKey(company + ":" + quarter);
        feedback.assign(registered.roundId(), execution.getProcessInstanceId());
    }
}
