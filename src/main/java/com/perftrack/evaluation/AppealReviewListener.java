package com.perftrack.evaluation;

import static com.perftrack.evaluation.AppealVariables.*;
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

    private final FourEyes fourEyes;

    AppealReviewListener(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    @Override
    public void notify(DelegateTask task) {
        String appellant = APPELLANT.get(task);
        String opinionBy = OPINION_GIVEN_BY.get(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (fourEyes.isHr(appellant) || fourEyes.isHr(opinionBy)) {
                task.addCandidateGroup(FourEyes.GENERAL_MANAGER);
            }
            return;
        }
        String user = TaskActor.required(task);
        fourEyes.notReviewingOwnAppeal(user, appellant, opinionBy);
        String decision = APPEAL_DECISION.required(task, "请选择：维持或改变 / upheld or changed");
        DECISION_REASON.required(task, "复核结论须说明理由 / the decision needs a reason");
        if (!AppealService.UPHELD.equals(decision) && !AppealService.CHANGED.equals(decision)) {
            throw new BadUserRequestException("appealDecision must be upheld or changed, got '" + decision + "'");
        }
        if (AppealService.CHANGED.equals(decision)) {
            BigDecimal score = correctedScore(task);
            String outcome = CORRECTED_OUTCOME.get(task);
            if (score == null && outcome == null) {
                throw new BadUserRequestException("改变结论须给出更正得分或更正结果 / a change names a corrected score or outcome");
            }
            if (score != null && score.signum() < 0) {
                throw new BadUserRequestException("更正得分不能为负 / the corrected score cannot be negative");
            }
            try {
                Outcomes.parse(outcome);
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException(e.getMessage());
            }
        }
        REVIEWED_BY.set(task, user);
    }

    private static BigDecimal correctedScore(DelegateTask task) {
        try {
            return CORRECTED_SCORE.get(task);
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("更正得分须为数字 / the corrected score must be a number");
        }
    }
}
