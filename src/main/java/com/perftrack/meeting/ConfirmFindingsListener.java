package com.perftrack.meeting;

import com.perftrack.security.TaskActor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmFindings}: the secretary-general finally defines the problems, one decision per
 * completion ({@code findingsDecision}): {@code accept} a finding, {@code define} it (responsible
 * departments, person, solution, deadline), {@code merge} a duplicate into another, {@code add} a
 * finding the standing office missed, {@code sendBack} one department's record to the standing
 * office with a reason, or {@code confirmAll} (also when no decision is sent). The cycle comes back
 * to this task after every change ({@code findingsNext} = {@code again} or {@code sendBack}) and goes
 * on to the improvement actions only after {@code confirmAll} ({@code done}).
 */
@Component("confirmFindingsListener")
class ConfirmFindingsListener implements TaskListener {

    static final String[] INPUTS = {"findingsDecision", "findingId", "mergeIntoId", "addReportingDepartment", "addCause",
        "addCauseType", "finalPerson", "finalSolution", "finalDeadline", "sendBackDepartment", "sendBackReason",
        "findingsComment"};

    private final FindingDecisions decisions;
    private final ReportChoices choices;

    ConfirmFindingsListener(FindingDecisions decisions, com.perftrack.organisation.OrganisationService organisation) {
        this.decisions = decisions;
        this.choices = new ReportChoices(organisation, null);
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            decide(task);
        }
    }

    private void prefill(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        var identity = task.getProcessEngineServices().getIdentityService();
        List<String> lines = new ArrayList<>();
        List<Map<String, String>> options = new ArrayList<>();
        for (Finding f : decisions.findings().findings(company, period)) {
            lines.add(findingText(f, identity));
            options.add(option("#" + f.number() + " " + clip(f.title(), 60) + "（"
                    + MeetingTexts.departmentName(f.reportingDepartment()) + "）", String.valueOf(f.id())));
        }
        String text = lines.isEmpty() ? "本期无问题，无需改进行动 / no findings this period" : String.join("\n\n", lines);
        task.setVariableLocal("findingsText", text.length() <= 3900 ? text : text.substring(0, 3899) + "…");
        task.setVariableLocal("changesText", changesText(company, period));
        Map<String, Object> inputs = new HashMap<>();
        // the pickers' choices (Json lists, as Tasklist's form reads them); on the execution like the inputs
        inputs.put("findingOptions", Spin.JSON(options));
        inputs.put("departmentOptions", Spin.JSON(choices.departments(company)));
        inputs.put("personOptions", Spin.JSON(choices.people(company, identity)));
        inputs.put("sendBackOptions", Spin.JSON(FormValues.list(task.getVariable("reportingDepartments")).stream()
                .map(d -> option(MeetingTexts.departmentName(d), d)).toList()));
        for (String key : INPUTS) {
            inputs.put(key, null);
        }
        // a checklist replaces a Json variable: it starts as an empty Json list (see DepartmentReportListener)
        inputs.put("finalDepartments", Spin.JSON("[]"));
        // on the execution, not the task: the completed form's values land there and the next round starts empty
        task.getExecution().setVariables(inputs);
    }

    private void decide(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        String decision = FormValues.text(task.getVariable("findingsDecision"));
        String user = TaskActor.of(task);
        String next = "again";
        switch (decision.isEmpty() ? "confirmAll" : decision) {
            case "accept" -> decisions.accept(findingId(task, "findingId"), user);
            case "define" -> decisions.define(findingId(task, "findingId"), definition(task), user);
            case "merge" -> decisions.merge(findingId(task, "findingId"), findingId(task, "mergeIntoId"), user);
            case "add" -> decisions.add(company, period, new FindingDecisions.NewFinding(
                    FormValues.text(task.getVariable("addReportingDepartment")),
                    FormValues.text(task.getVariable("addCause")), FormValues.text(task.getVariable("addCauseType")),
                    definition(task)), user);
            case "sendBack" -> {
                List<String> reporting = FormValues.list(task.getVariable("reportingDepartments"));
                String department = FormValues.text(task.getVariable("sendBackDepartment"));
                String reason = FormValues.text(task.getVariable("sendBackReason"));
                decisions.sendBack(company, period, department, reason, reporting, user);
                task.getExecution().setVariable("sentBackDepartment", department);
                task.getExecution().setVariable("sendBackReason", reason);
                // the correction task records this department's report again (DepartmentReportListener)
                task.getExecution().setVariable("reportDepartment", department);
                next = "sendBack";
            }
            case "confirmAll" -> {
                int confirmed = decisions.confirmAll(company, period, user);
                task.getExecution().setVariable("findingsConfirmedBy", user);
                task.getExecution().setVariable("findingCount", confirmed);
                next = "done";
            }
            default -> throw FindingRefusal.invalid("请选择一项决定 / pick a decision: " + decision);
        }
        task.getExecution().setVariable("findingsNext", next);
    }

    private static FindingDecisions.Definition definition(DelegateTask task) {
        String deadline = FormValues.text(task.getVariable("finalDeadline"));
        LocalDate date = null;
        if (!deadline.isEmpty()) {
            try {
                date = LocalDate.parse(deadline.length() > 10 ? deadline.substring(0, 10) : deadline);
            } catch (DateTimeException e) {
                throw FindingRefusal.invalid("期限应为 YYYY-MM-DD / the deadline must be YYYY-MM-DD, got '" + deadline + "'");
            }
        }
        return new FindingDecisions.Definition(FormValues.list(task.getVariable("finalDepartments")),
                FormValues.text(task.getVariable("finalPerson")), FormValues.text(task.getVariable("finalSolution")), date);
    }

    private static long findingId(DelegateTask task, String name) {
        String value = FormValues.text(task.getVariable(name));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw FindingRefusal.invalid("请选择问题 / pick a finding" + (value.isEmpty() ? "" : ": '" + value + "'"));
        }
    }

    private String changesText(String company, String period) {
        List<String> lines = new ArrayList<>();
        for (FindingChange c : decisions.findings().changes(company, period)) {
            if (!"recorded".equals(c.changeType())) {
                lines.add("- " + c.changedBy() + "：" + clip(c.detail(), 200));
            }
        }
        String text = lines.isEmpty() ? "" : "### 已做的修改 Changes so far\n" + String.join("\n", lines);
        return text.length() <= 3000 ? text : text.substring(0, 2999) + "…";
    }

    static String findingText(Finding f, IdentityService identity) {
        return "**#" + f.number() + " " + f.title() + "**（" + MeetingTexts.departmentName(f.reportingDepartment())
                + "，" + ("external".equals(f.causeType()) ? "外部" : "内部") + "，"
                + (Finding.ACCEPTED.equals(f.status()) ? "已接受 accepted" : "待确认 open") + "）\n责任部门 "
                + String.join("、", f.responsibleDepartmentList().stream().map(MeetingTexts::departmentName).toList())
                + "（" + f.responsibleDepartments() + "）" + (f.crossDepartment() ? "，跨部门，总经理负责" : "")
                + "；责任人 " + person(identity, f.responsibleUserId())
                + (f.deadline() == null ? "" : "；期限 " + f.deadline())
                + (f.relatedDepartmentList().isEmpty() ? "" : "；相关部门 " + String.join("、",
                        f.relatedDepartmentList().stream().map(MeetingTexts::departmentName).toList()))
                + "；方案：" + f.solution();
    }

    /** "马芳（sales1）": the user's name (family name first) beside the id. */
    private static String person(IdentityService identity, String userId) {
        if (userId == null) {
            return "未指定 none";
        }
        var user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? "" : ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new java.util.LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
