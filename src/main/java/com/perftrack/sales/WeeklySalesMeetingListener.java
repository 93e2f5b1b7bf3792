package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * {@code Task_HoldWeeklySalesMeeting} (每周销售会议). On create the form gets two tables: last week's plans
 * against what the daily figures show was achieved, per person and KPI, and this week's filed plans. On
 * complete the meeting's decisions and measures are stored (required).
 */
@Component
class WeeklySalesMeetingListener implements TaskListener {

    private final WeeklySalesPlanService service;

    WeeklySalesMeetingListener(WeeklySalesPlanService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        String company = COMPANY_CODE.present(task);
        SalesWeek week = SalesWeek.parse(WEEK.present(task));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(REVIEW_TABLE, Spin.JSON(reviewTable(service.planVsAchieved(company, week.previous()))));
            task.setVariableLocal(PLANS_TABLE, Spin.JSON(plansTable(service.week(company, week))));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            service.recordMeeting(company, week, DECISIONS_COMMENT.get(task), TaskActor.required(task));
        }
    }

    static List<Map<String, String>> reviewTable(List<PlanVsAchieved.Row> rows) {
        return rows.stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("person", r.personName());
            row.put("kpi", r.kpiCode());
            row.put("planned", plain(r.planned()));
            row.put("achieved", plain(r.achieved()));
            row.put("gap", plain(r.gap()));
            row.put("attainment", r.attainment() == null ? "—"
                    : r.attainment().movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%");
            return row;
        }).toList();
    }

    static List<Map<String, String>> plansTable(WeeklySalesPlanService.WeekView week) {
        return week.plans().stream().map(p -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("person", p.personName());
            row.put("state", p.filedAt() == null ? "未提交" : "已提交");
            row.put("salesAmount", plain(p.targets().get("SALES_AMOUNT")));
            row.put("newCustomers", plain(p.targets().get("NEW_CUSTOMERS")));
            row.put("visits", p.visits().stream().map(v -> v.date().substring(5) + " " + v.customer())
                    .reduce((a, b) -> a + "；" + b).orElse("—"));
            return row;
        }).toList();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
