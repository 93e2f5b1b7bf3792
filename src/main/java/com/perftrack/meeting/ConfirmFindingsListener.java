package com.perftrack.meeting;

import com.perftrack.security.TaskActor;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmFindings}: the secretary-general finally defines the problems. The form lists
 * every finding of the meeting; completing it records who confirmed them.
 */
@Component("confirmFindingsListener")
class ConfirmFindingsListener implements TaskListener {

    private final FindingService findings;

    ConfirmFindingsListener(FindingService findings) {
        this.findings = findings;
    }

    @Override
    public void notify(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<String> lines = new ArrayList<>();
            var identity = task.getProcessEngineServices().getIdentityService();
            for (Finding f : findings.findings(company, period)) {
                lines.add("**#" + f.number() + " " + f.title() + "**（" + MeetingTexts.departmentName(f.reportingDepartment())
                        + "，" + ("external".equals(f.causeType()) ? "外部" : "内部") + "）\n责任部门 "
                        + String.join("、", f.responsibleDepartmentList().stream().map(MeetingTexts::departmentName).toList())
                        + "（" + f.responsibleDepartments() + "）" + (f.crossDepartment() ? "，跨部门，总经理负责" : "")
                        + "；责任人 " + person(identity, f.responsibleUserId()) + "；方案：" + f.solution());
            }
            String text = lines.isEmpty() ? "本期无问题，无需改进行动 / no findings this period" : String.join("\n\n", lines);
            task.setVariableLocal("findingsText", text.length() <= 3900 ? text : text.substring(0, 3899) + "…");
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String user = TaskActor.of(task);
            task.getExecution().setVariable("findingsConfirmedBy", user);
            task.getExecution().setVariable("findingCount", findings.findings(company, period).size());
        }
    }

    /** "马芳（sales1）": the user's name (family name first) beside the id. */
    private static String person(org.camunda.bpm.engine.IdentityService identity, String userId) {
        if (userId == null) {
            return "部门经理";
        }
        var user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? "" : ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }
}
