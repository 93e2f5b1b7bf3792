package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The weekly sales rhythm (issue 16) through the public interfaces: company WSI, sales department WSI-SALES
 * (head sales.head) with 钱多多 WSI-P1 (wsi.p1) and 孙小美 WSI-P2 (wsi.p2). The sales head opens last week L
 * (the week before today's, Monday M to Sunday M+6) through the engine's REST API; both file their plans:
 * WSI-P1 SALES_AMOUNT 60,000 and NEW_CUSTOMERS 2, WSI-P2 40,000 and 1. Then the daily figures of L arrive
 * through {@code POST /api/imports/figures} (periods {@code YYYY-MM-DD}):
 * <ul>
 * <li>WSI-P1 SALES_AMOUNT 12,000 (M) + 18,000.50 (M+2) + 20,000 (M+4) = 50,000.50 → 50,000.50 / 60,000 =
 *     0.833341… → 0.8333, gap 50,000.50 − 60,000 = −9,999.50;</li>
 * <li>WSI-P1 NEW_CUSTOMERS 1 (M+1) + 2 (M+3) = 3 → 3 / 2 = 1.5, gap +1;</li>
 * <li>WSI-P2 SALES_AMOUNT 30,000 (M+1) → 30,000 / 40,000 = 0.75, gap −10,000; a day of the week before L
 *     (M−1, 99,999) does not count;</li>
 * <li>WSI-P2 NEW_CUSTOMERS: no daily figure → no achieved, no attainment.</li>
 * </ul>
 * This week's plans are filed and the sales head's meeting task shows exactly these numbers.
 */
@IntegrationTest
class WeeklySalesPlanIT {

    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    BusinessCalendar calendar;

    @Test
    void two_sales_persons_file_daily_figures_arrive_and_the_weekly_meeting_shows_plan_against_achieved() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "WSI");
        ok(api.postFile("/api/imports/organisation", ADMIN, "wsi.csv", bytes("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,WSI,周计划公司,,gm,,production\n"
                + "department,WSI-SALES,销售部,WSI,sales.head,,sales\n"
                + "person,WSI-P1,钱多多,WSI-SALES,wsi.p1,,employee\n"
                + "person,WSI-P2,孙小美,WSI-SALES,wsi.p2,,employee\n")));
        TestCompanies.demoPasswords(identity, "wsi.p1", "wsi.p2");
        SalesWeek thisWeek = SalesWeek.of(calendar.today());
        SalesWeek last = thisWeek.previous();
        LocalDate m = last.monday();

        assertThat(start(api, "wsi.p1", last).status()).as("a sales person does not open the week").isEqualTo(403);
        var bad = start(api, "sales.head", null, "2026-W7");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("YYYY-Www");
        var opened = start(api, "sales.head", last);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String lastInstance = opened.json().get("id").asText();
        assertThat(start(api, "sales.head", last).body()).as("one per company and week").contains("不能重复开启");

        String p1Task = waitForTask(lastInstance, "wsi.p1");
        var refused = file(api, "wsi.p1", p1Task, 60000, 2, m.plusDays(7) + "，华东机电，新品演示");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.body()).contains("不在本周");
        ok204(file(api, "wsi.p1", p1Task, 60000, 2, m.plusDays(1) + "，华东机电，新品演示\n" + m.plusDays(3) + "，江南重工，回款"));
        ok204(file(api, "wsi.p2", waitForTask(lastInstance, "wsi.p2"), 40000, 1, m.plusDays(2) + "，北方物流，续签合同"));
        String lastMeeting = waitForTask(lastInstance, "sales.head");
        ok204(api.postJson("/engine-rest/task/" + lastMeeting + "/submit-form", "sales.head", Map.of("variables",
                Map.of("decisionsComment", var("本周重点：华东机电新品")))));

        var figures = api.postFile("/api/imports/figures", ADMIN, "wsi-days.csv", bytes(
                "period,unit_type,unit_code,kpi_code,target,actual\n"
                        + m + ",person,WSI-P1,SALES_AMOUNT,,12000\n"
                        + m.plusDays(2) + ",person,WSI-P1,SALES_AMOUNT,,18000.50\n"
                        + m.plusDays(4) + ",person,WSI-P1,SALES_AMOUNT,,20000\n"
                        + m.plusDays(1) + ",person,WSI-P1,NEW_CUSTOMERS,,1\n"
                        + m.plusDays(3) + ",person,WSI-P1,NEW_CUSTOMERS,,2\n"
                        + m.plusDays(1) + ",person,WSI-P2,SALES_AMOUNT,,30000\n"
                        + m.minusDays(1) + ",person,WSI-P2,SALES_AMOUNT,,99999\n"));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);

        var lastWeekApi = api.get("/api/weekly-plans?week=" + last + "&companyCode=WSI", "sales.head");
        assertThat(lastWeekApi.status()).as(lastWeekApi.body()).isEqualTo(200);
        JsonNode week = lastWeekApi.json();
        assertThat(week.get("meetingDecisions").asText()).isEqualTo("本周重点：华东机电新品");
        assertThat(week.get("plans").findValuesAsText("personCode")).containsExactly("WSI-P1", "WSI-P2");
        assertThat(week.get("plans").get(0).get("visits").get(1).get("customer").asText()).isEqualTo("江南重工");
        Map<String, JsonNode> rows = new HashMap<>();
        week.get("planVsAchieved").forEach(r -> rows.put(r.get("personCode").asText() + " " + r.get("kpiCode").asText(), r));
        assertThat(rows.get("WSI-P1 SALES_AMOUNT").get("achieved").decimalValue()).isEqualByComparingTo("50000.50");
        assertThat(rows.get("WSI-P1 SALES_AMOUNT").get("gap").decimalValue()).isEqualByComparingTo("-9999.50");
        assertThat(rows.get("WSI-P1 SALES_AMOUNT").get("attainment").decimalValue()).isEqualByComparingTo("0.8333");
        assertThat(rows.get("WSI-P1 NEW_CUSTOMERS").get("attainment").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(rows.get("WSI-P2 SALES_AMOUNT").get("achieved").decimalValue()).isEqualByComparingTo("30000");
        assertThat(rows.get("WSI-P2 SALES_AMOUNT").get("attainment").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(rows.get("WSI-P2 NEW_CUSTOMERS").get("achieved").isNull()).isTrue();
        JsonNode own = api.get("/api/weekly-plans?week=" + last + "&companyCode=WSI", "wsi.p2").json();
        assertThat(own.get("plans").findValuesAsText("personCode")).as("a sales person reads their own plan").containsExactly("WSI-P2");
        assertThat(own.get("planVsAchieved").findValuesAsText("personCode")).containsOnly("WSI-P2");
        assertThat(api.get("/api/weekly-plans?week=" + last + "&companyCode=WSI", "sales1").status())
                .as("a sales person of another company").isEqualTo(403);
        assertThat(api.get("/api/weekly-plans?week=2026-7&companyCode=WSI", "sales.head").body()).contains("YYYY-Www");

        // this week: both file, then the meeting reviews last week
        String thisInstance = start(api, "sales.head", thisWeek).json().get("id").asText();
        LocalDate t = thisWeek.monday();
        ok204(file(api, "wsi.p1", waitForTask(thisInstance, "wsi.p1"), 55000, 2, t.plusDays(2) + "，华东机电，签约"));
        ok204(file(api, "wsi.p2", waitForTask(thisInstance, "wsi.p2"), 35000, 1, t.plusDays(3) + "，北方物流，回款"));
        String meeting = waitForTask(thisInstance, "sales.head");
        SpinJsonNode review = (SpinJsonNode) taskService.getVariableLocal(meeting, "lastWeekReviewTable");
        List<String> table = review.elements().stream().map(r -> String.join("|", r.prop("person").stringValue(),
                r.prop("kpi").stringValue(), r.prop("planned").stringValue(), r.prop("achieved").stringValue(),
                r.prop("gap").stringValue(), r.prop("attainment").stringValue())).toList();
        assertThat(table).containsExactly(
                "钱多多 WSI-P1|SALES_AMOUNT|60000|50000.5|-9999.5|83.3%",
                "钱多多 WSI-P1|NEW_CUSTOMERS|2|3|1|150%",
                "孙小美 WSI-P2|SALES_AMOUNT|40000|30000|-10000|75%",
                "孙小美 WSI-P2|NEW_CUSTOMERS|1|—|—|—");
        SpinJsonNode plans = (SpinJsonNode) taskService.getVariableLocal(meeting, "thisWeekPlansTable");
        assertThat(plans.toString()).contains("55000", "35000", "华东机电", "北方物流");
        ok204(api.postJson("/engine-rest/task/" + meeting + "/submit-form", "sales.head", Map.of("variables",
                Map.of("decisionsComment", var("钱多多跟进江南重工回款")))));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(thisInstance).count()).isZero();
    }

    private static Api.Response start(Api api, String user, SalesWeek week) {
        return start(api, user, week, null);
    }

    private static Api.Response start(Api api, String user, SalesWeek week, String text) {
        return api.postJson("/engine-rest/process-definition/key/weekly-sales-plan/submit-form", user, Map.of("variables",
                Map.of("week", var(week == null ? text : week.toString()), "companyCode", var("WSI"))));
    }

    private static Api.Response file(Api api, String user, String task, int amount, int customers, String visits) {
        return api.postJson("/engine-rest/task/" + task + "/submit-form", user, Map.of("variables", Map.of(
                "targetSalesAmount", var(amount), "targetNewCustomers", var(customers), "visitPlan", var(visits))));
    }

    private String waitForTask(String instance, String user) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskAssignee(user).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0).getId();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task for " + user + ": " + taskService.createTaskQuery().processInstanceId(instance).list());
    }

    private static Map<String, Object> var(Object value) {
        return Map.of("value", value);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void ok204(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
