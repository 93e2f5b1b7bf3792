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
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordDepartmentReport} (one per reporting department). On create: the deviation is
 * pre-filled from the period's KPI results of the department's KPIs (or says that there are none),
 * the pickers get their choices ({@link ReportChoices}), and the form starts empty (local variables
 * shadow an earlier department's values). On complete: the report is checked
 * ({@link MeetingReportValidator}) and every cause becomes a finding; an external cause's resource
 * request (what, how much, from whom) is stored beside it, to be decided once the findings are confirmed.
 */
@Component("departmentReportListener")
class DepartmentReportListener implements TaskListener {

    static final String[] FORM_KEYS = {"noFinding", "hasCause2"};
    static final String[] CAUSE_KEYS = {"", "Type", "Impact", "Proposal", "RelatedDepartments",
            "ResponsibleDepartments", "Solution", "ResponsibleUser", "KpiCode", "RequestAmount", "RequestFrom"};

    static final java.util.Set<String> LIST_KEYS = java.util.Set.of("RelatedDepartments", "ResponsibleDepartments");
    /** The pre-fill of a department without KPI results this period: nothing to quantify from the system. */
    static final String NO_KPI_RESULTS = "本期无 KPI 结果 / no KPI results this period";
    static final Map<String, String> STATUS = Map.of("green", "绿 green", "amber", "黄 amber", "red", "红 red");

    private final KpiResultService results;
    private final KpiCatalog catalog;
    private final FindingService findings;
    private final OrganisationService organisation;
    private final ReportChoices choices;
    private final ResourceRequestService requests;

    DepartmentReportListener(KpiResultService results, KpiCatalog catalog, FindingService findings,
            OrganisationService organisation, ResourceRequestService requests) {
        this.requests = requests;
        this.results = results;
        this.catalog = catalog;
        this.findings = findings;
        this.organisation = organisation;
        this.choices = new ReportChoices(organisation, catalog);
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
        String company = (String) task.getVariable("companyCode");
        Map<String, Object> local = new HashMap<>();
        local.put("reportDepartmentName", MeetingTexts.departmentName(department));
        String deviation = deviationText(company, (String) task.getVariable("period"), department);
        local.put("deviation", deviation.isEmpty() ? NO_KPI_RESULTS : deviation);
        // the pickers' choices (valuesKey): Json, so that Tasklist's form reads them as lists
        local.put("departmentOptions", Spin.JSON(choices.departments(company)));
        local.put("personOptions", Spin.JSON(choices.people(company,
                task.getProcessEngineServices().getIdentityService())));
        local.put("kpiOptions", Spin.JSON(choices.kpis(department)));
        local.put("providerOptions", Spin.JSON(choices.providers(company)));
        local.put("noFinding", false);
        local.put("hasCause2", false);
        for (int n = 1; n <= 2; n++) {
            for (String key : CAUSE_KEYS) {
                // the checklists' lists start as empty Json lists: Tasklist submits a list with the type of the
                // variable it replaces, and a Null variable would make it send the list as type Null
                local.put("cause" + n + key, LIST_KEYS.contains(key) ? Spin.JSON("[]") : null);
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
            boolean pct = kpi.percent();
            lines.add(kpi.nameZh() + " " + kpi.code() + "：目标 " + value(r.target(), pct) + "，实际 "
                    + value(r.actual(), pct) + "，偏差 " + (pct ? points(r.deviation()) : plain(r.deviation()))
                    + (r.deviationPct() == null ? "" : "（" + percent(r.deviationPct()) + "）")
                    + (r.status() == null ? "" : "，" + STATUS.getOrDefault(r.status(), r.status())));
        }
        return lines.isEmpty() ? "" : String.join("\n", lines);
    }

    private void record(DelegateTask task) {
        Map<String, Object> values = new HashMap<>(task.getVariables());
        var identity = task.getProcessEngineServices().getIdentityService();
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        String department = (String) task.getVariable("reportDepartment");
        var result = MeetingReportValidator.validate(values, catalog::exists,
                user -> identity.createUserQuery().userId(user).count() > 0, choices.departmentCodes(company),
                !deviationText(company, period, department).isEmpty(), choices.roster(company));
        if (!result.problems().isEmpty()) {
            throw new BadUserRequestException(String.join("；", result.problems()));
        }
        String recorder = TaskActor.of(task);
        for (ReportedCause cause : result.causes()) {
            Finding finding = new Finding(null, company, period, department, cause.kpiCode(),
                    MeetingTexts.title(cause.cause()), FormValues.text(values.get("deviation")), cause.cause(), cause.causeType(),
                    cause.impact(), cause.proposal(), String.join(",", cause.relatedDepartments()),
                    String.join(",", cause.responsibleDepartments()), cause.solution(), cause.responsibleUser(), recorder, null);
            long id = findings.create(finding);
            if (cause.resourceAsk() != null) {
                requests.request(findings.find(id).orElseThrow(), cause.resourceAsk().what(), cause.resourceAsk().amount(),
                        cause.resourceAsk().requestedFrom(), recorder);
            }
        }
    }

    private static String value(BigDecimal value, boolean percent) {
        return value == null ? "—" : percent ? percent(value) : plain(value);
    }

    /** A difference of two percentages, in percentage points. */
    private static String points(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + " 个百分点";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
