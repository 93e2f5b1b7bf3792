package com.perftrack.evaluation;

import static com.perftrack.evaluation.Feedback360Variables.*;
import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RemindRater}: two days before the deadline, a rater who has not answered gets a mail. */
@Component
class RemindRaterDelegate implements JavaDelegate {

    private final Feedback360Service feedback;
    private final Notifier notifier;
    private final String from;

    RemindRaterDelegate(Feedback360Service feedback, Notifier notifier,
            @Value("${ptc.mail.from:performance-tracking@localhost}") String from) {
        this.feedback = feedback;
        this.notifier = notifier;
        this.from = from;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String rater = feedback.toRemind(RATING_ID.present(execution));
        if (rater == null) {
            return;
        }
        var task = feedback.task(RATING_ID.present(execution));
        notifier.toUserElseGroup(from, rater, null, "提醒：360度反馈评分 " + QUARTER.present(execution)
                        + " / Reminder: 360° feedback",
                "请在 " + CLOSE_DATE.present(execution) + " 之前于任务列表（Tasklist）完成对 " + task.personName()
                        + " 的360度反馈评分（" + task.raterTypeLabel() + "）。\nPlease rate " + task.personName()
                        + " in Tasklist before " + CLOSE_DATE.present(execution) + "; the round then closes with the "
                        + "answers it has.");
    }
}
