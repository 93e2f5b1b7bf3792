package com.perftrack.evaluation;

import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * HR's {@code Task_ReviewAppeal}. On create: when the appellant or the opinion-giver belongs to HR,
 * the general manager may review too (four eyes in a small HR). On complete: upheld or changed,
 * always with a reason; a change names a corrected score (fraction, 1.0 = 100%) and/or a corrected
 * outcome; neither the appellant nor the opinion-giver reviews.
 */
@Component
class AppealReviewListener implements TaskListener {

    static final String OPINION_BY = "opinionGivenBy";

    private final FourEyes fourEyes;

    AppealReviewListener(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    @Override
    public void notify(DelegateTask task) {
        String appellant = (String) task.getVariable(OpenAppealListener.APPELLANT);
        String opinionBy = (String) task.getVariable(OPINION_BY);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (fourEyes.isHr(appellant) || fourEyes.isHr(opinionBy)) {
                task.addCandidateGroup(FourEyes.GENERAL_MANAGER);
            }
            return;
        }
        String user = TaskActor.required(task);
        fourEyes.notReviewingOwnAppeal(user, appellant, opinionBy);
        String decision = TaskVariables.required(task, "appealDecision", "请选择：维持或改变 / upheld or changed");
        TaskVariables.required(task, "decisionReason", "复核结论须说明理由 / the decision needs a reason");
        if (!AppealService.UPHELD.equals(decision) && !AppealService.CHANGED.equals(decision)) {
            throw new BadUserRequestException("appealDecision must be upheld or changed, got '" + decision + "'");
        }
        if (AppealService.CHANGED.equals(decision)) {
            Object score = task.getVariable("correctedScore");
            String outcome = TaskVariables.text(task, "correctedOutcome");
            if (score == null && outcome == null) {
                throw new BadUserRequestException("改变结论须给出更正得分或更正结果 / a change names a corrected score or outcome");
            }
            if (score != null && new BigDecimal(score.toString()).signum() < 0) {
                throw new BadUserRequestException("更正得分不能为负 / the corrected score cannot be negative");
            }
            try {
                Outcomes.parse(outcome);
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException(e.getMessage());
            }
        }
        task.setVariable("reviewedBy", user);
    }
}
