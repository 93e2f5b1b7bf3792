package com.perftrack.action;

import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code Task_SubmitTenDayReport} (issue 16: "旬 reports show that 旬's figures beside
 * the action's indicators"): puts the daily figures of the 旬 up to the report date (上旬 1–10, 中旬 11–20,
 * 下旬 21–month end) of the responsible department — its people's days when it has none of its own —
 * for the action's indicators (the finding's KPI and the KPI codes its expected result names) into the
 * task's local variable {@code tenDayFigures}, which the form shows above the fields.
 */
@Component
class TenDayFiguresListener implements TaskListener {

    private final ActionRepository repository;
    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final FigureService figures;

    TenDayFiguresListener(ActionRepository repository, OrganisationService organisation, KpiCatalog catalog,
            FigureService figures) {
        this.repository = repository;
        this.organisation = organisation;
        this.catalog = catalog;
        this.figures = figures;
    }

    @Override
    public void notify(DelegateTask task) {
        long actionId = ((Number) task.getVariable("actionId")).longValue();
        LocalDate reportDate = LocalDate.parse((String) task.getVariable("reportDate"));
        LocalDate from = tenDayStart(reportDate);
        Object kpiVariable = task.getVariable("findingKpiCode");
        String text = repository.find(actionId).map(action -> {
            Set<String> kpis = new LinkedHashSet<>();
            if (kpiVariable != null && !kpiVariable.toString().isBlank()) {
                kpis.add(kpiVariable.toString());
            }
            String expected = action.expectedResult() == null ? "" : action.expectedResult();
            catalog.all().stream().map(Kpi::code).filter(expected::contains).forEach(kpis::add);
            var unit = organisation.department(action.companyCode(), action.responsibleDepartment());
            return describe(from, reportDate, kpis, unit.map(OrgUnit::name).orElse(action.responsibleDepartment()),
                    unit.map(u -> figures.dailyActualsRolledUp(u.code(), from, reportDate)).orElse(Map.of()));
        }).orElse("");
        task.setVariableLocal("tenDayFigures", text);
    }

    /** The first day of the 旬 the date is in: 1, 11 or 21. */
    static LocalDate tenDayStart(LocalDate date) {
        int day = date.getDayOfMonth();
        return date.withDayOfMonth(day <= 10 ? 1 : day <= 20 ? 11 : 21);
    }

    private String describe(LocalDate from, LocalDate to, Set<String> kpis, String unitName, Map<String, BigDecimal> actuals) {
        StringBuilder text = new StringBuilder("**本旬日数据 Daily figures " + from + " – " + to + "**（" + unitName + "）\n\n");
        if (kpis.isEmpty()) {
            return text.append("本行动未关联指标 / the action names no KPI").toString();
        }
        for (String code : kpis) {
            Kpi kpi = catalog.find(code).orElse(null);
            String name = kpi == null ? code : kpi.nameZh() + " " + code;
            BigDecimal value = actuals.get(code);
            text.append("- ").append(name).append("：").append(value == null ? "本旬暂无日数据 / no daily figures yet"
                    : format(kpi, value)).append('\n');
        }
        return text.toString();
    }

    private static String format(Kpi kpi, BigDecimal value) {
        if (kpi != null && kpi.percent()) {
            return value.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        int decimals = kpi == null ? 2 : kpi.decimals();
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + (kpi == null ? "" : " " + kpi.unit());
    }
}
