package com.perftrack.action;

import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendRepeatedEscalation}: the same problem was recorded "not improved"
 * twice in a row. Mails the general manager (the company's, else group {@code committee-chair})
 * and prepares the summary that the general manager's instruction task shows.
 */
@Component
class SendRepeatedEscalationDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final OrganisationService organisation;
    private final ActionSettings settings;

    SendRepeatedEscalationDelegate(Notifier notifier, OrganisationService organisation, ActionSettings settings) {
        this.notifier = notifier;
        this.organisation = organisation;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = (String) execution.getVariable("companyCode");
        String gm = organisation.generalManagerUserId(company).orElse(null);
        Object times = execution.getVariable("notImprovedInARow");
        String decision = ActionView.CLOSE.equals(execution.getVariable("outcomeDecision"))
                ? "委员会决定关闭：" + execution.getVariable("closeReason") + " / closed by the committee"
                : "已再次下发，新期限 " + execution.getVariable("reissueDeadline") + " / reissued, new deadline "
                        + execution.getVariable("reissueDeadline");
        String summary = "改进行动 #" + execution.getVariable("actionId") + "「" + execution.getVariable("item") + "」（"
                + execution.getVariable("departmentName") + "）连续第 " + times + " 次未改善。\n"
                + "未改善原因：" + execution.getVariable("outcomeNote") + "\n" + decision + "\n"
                + "Action #" + execution.getVariable("actionId") + " was recorded not improved " + times
                + " times in a row: the general manager decides how the problem is taken on.";
        execution.setVariable("generalManagerUserId", gm);
        execution.setVariable("repeatedSummary", summary);
        notifier.toUserElseGroup(settings.mailFrom(), gm, ActionOwners.CHAIR_GROUP,
                "【升级】连续未改善 Problem not improved twice: " + execution.getVariable("item"), summary);
    }
}
