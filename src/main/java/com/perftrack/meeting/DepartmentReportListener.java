package com.perftrack.meeting;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordDepartmentReport} (one per reporting department). On create: the deviation is
 * pre-filled from the period's KPI results of the department's KPIs, and the form starts empty
 * (local variables shadow an earlier department's values). On complete: the report is checked
 * ({@link MeetingReportValidator}) and every cause becomes a finding.
 */
@Component("departmentReportListener")
class DepartmentReportListener implements TaskListener {

    static final String[] FORM_KEYS = {"noFinding", "hasCause2"};
    static final String[] CAUSE_KEYS = {"", "Type", "Impact", "Proposal", "RelatedDepartments",
            "ResponsibleDepartments", "Solution", "ResponsibleUser", "KpiCode"};

    static final Map<String, String> STATUS = Map.of("green", "绿 green", "amber", "黄 amber", "red", "红 red");

    private final KpiResultService results;
    private final KpiCatalog catalog;
    private final FindingService findings;
    private final OrganisationService organisation;

    DepartmentReportListener(KpiResultService results, KpiCatalog catalog, FindingService findings,
            OrganisationService organisation) {
        this.results = results;
        this.catalog = catalog;
        this.findings = findings;
        this.organisation = organisation;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task);
        }
    }

    private void prefill(DelegateTask task) {
        String department = (String) task.getVariable("reportDepartment");
        Map<String, Object> local = new HashMap<>();
        local.put("reportDepartmentName", MeetingTexts.departmentName(department));
        local.put("deviation", deviationText((String) task.getVariable("companyCode"),
                (String) task.getVariable("period"), department));
        local.put("noFinding", false);
        local.put("hasCause2", false);
        for (int n = 1; n <= 2; n++) {
            for (String key : CAUSE_KEYS) {
                local.put("cause" + n + key, null);
            }
        }
        // on the task's execution, not the task: completing a task writes the form's values to its
        // execution, so task-local values would shadow them (and one department's entries would
        // show up pre-filled in the next department's form)
        task.getExecution().setVariablesLocal(local);
    }

    String deviationText(String company, String period, String department) {
        Map<String, KpiResultView> byKpi = new HashMap<>();
        results.results(period, "company", company).forEach(r -> byKpi.put(r.kpiCode(), r));
        List<String> lines = new ArrayList<>();
        for (Kpi kpi : catalog.all()) { // in the catalogue's order
            KpiResultView r = byKpi.get(kpi.code());
            if (!department.equals(kpi.sourceDepartment()) || r == null || r.target() == null || r.actual() == null) {
                continue;
            }
            lines.add(kpi.nameZh() + " " + kpi.code() + "：目标 " + plain(r.target()) + "，实际 " + plain(r.actual())
                    + "，偏差 " + plain(r.deviation())
                    + (r.deviationPct() == null ? "" : "（" + percent(r.deviationPct()) + "）")
                    + (r.status() == null ? "" : "，" + STATUS.getOrDefault(r.status(), r.status())));
        }
        return lines.isEmpty() ? "" : String.join("\n", lines);
    }

    private void record(DelegateTask task) {
        Map<String, Object> values = new HashMap<>(task.getVariables());
        var identity = task.getProcessEngineServices().getIdentityService();
        var result = MeetingReportValidator.validate(values, catalog::exists,
                user -> identity.createUserQuery().userId(user).count() > 0);
        if (!result.problems().isEmpty()) {
            throw new BadUserRequestException(String.join("；", result.problems()));
        }
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        String department = (String) task.getVariable("reportDepartment");
        String recorder = TaskActor.of(task);
        for (ReportedCause cause : result.causes()) {
            String responsibleUser = cause.responsibleUser() != null ? cause.responsibleUser()
                    : organisation.managerUserId(company, cause.responsibleDepartments().get(0)).orElse(null);
            findings.create(new Finding(null, company, period, department, cause.kpiCode(),
                    MeetingTexts.title(cause.cause()), (String) values.get("deviation"), cause.cause(), cause.causeType(),
                    cause.impact(), cause.proposal(), String.join(",", cause.relatedDepartments()),
                    String.join(",", cause.responsibleDepartments()), cause.solution(), responsibleUser, recorder, null));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
