package com.perftrack.action;

import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendReportEscalation} (three days after a ten-day report fell due):
 * e-mails the group that follows it up (the secretary-general, or by the four-eyes rule the general
 * manager, {@code followUpGroup}) and the department's manager when the responsible person files
 * the reports; the follow-up task in Tasklist comes next in the model.
 */
@Component
class SendReportEscalationDelegate implements JavaDelegate {

    static final String SECRETARY_GENERAL = "secretary-general";

    private final Notifier notifier;
    private final ActionSettings settings;

    SendReportEscalationDelegate(Notifier notifier, ActionSettings settings) {
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reportDate = (String) execution.getVariable("reportDate");
        String reporter = execution.getVariable("reporterUserId") != null
                ? (String) execution.getVariable("reporterUserId") : (String) execution.getVariable("authorGroup");
        String text = "改进行动 #" + execution.getVariable("actionId") + "「" + execution.getVariable("item") + "」（"
                + execution.getVariable("responsibleDepartment") + "，报告人 " + reporter + "）" + reportDate
                + " 的旬报逾期三天未交，请跟进。\nThe ten-day report due " + reportDate + " on improvement action #"
                + execution.getVariable("actionId") + " is three days overdue (reporter " + reporter + ").";
        String subject = "【升级】旬报逾期三天 Ten-day report escalated: " + execution.getVariable("item") + " " + reportDate;
        notifier.toUserElseGroup(settings.mailFrom(), null, followUpGroup(execution), subject, text);
        // the department's manager hears of it too when somebody else files the reports
        Object manager = execution.getVariable("authorUserId");
        if (manager != null && !manager.equals(execution.getVariable("reporterUserId"))) {
            notifier.toUserElseGroup(settings.mailFrom(), manager.toString(), null, subject, text);
        }
    }

    /** The follow-up group set when the action opened; actions opened before the four-eyes rule have none. */
    static String followUpGroup(DelegateExecution execution) {
        Object group = execution.getVariable("followUpGroup");
        return group == null || group.toString().isBlank() ? SECRETARY_GENERAL : group.toString();
    }
}
