package com.perftrack.evaluation;

import static com.perftrack.evaluation.CoachingVariables.*;

import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RemindCoach}: the talk is due and not recorded; mail the manager (else HR). */
@Component
class RemindCoachDelegate implements JavaDelegate {

    private final Notifier notifier;

    RemindCoachDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String person = PERSON_NAME.present(execution);
        String period = PERIOD.present(execution);
        notifier.toUserElseGroup(null, MANAGER_USER_ID.present(execution), "hr",
                "请记录面谈反馈：" + person + " " + period + " / Coaching talk due",
                person + " 在 " + period + " 未达标（得分 " + SCORE_TEXT.present(execution) + "）。请与其面谈并在任务列表中记录"
                        + "优点、差距、商定的支持和下次跟进日期（面谈反馈）。\n\n" + person + " was below target in " + period
                        + ": please hold the coaching talk and record it in Tasklist.");
    }
}
