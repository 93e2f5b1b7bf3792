package com.perftrack.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
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
 * Salespersons' monthly reports gate the sales collection (issue 16). Company SMR (the IT profile's one company
 * with the requirement on), 2016-03, sales persons 李雷 SMR-P1 (smr.p1) and 韩梅 SMR-P2 (smr.p2) under region
 * SMR-EAST of the sales department; every figure the sales department owes is imported, so only the reports
 * stand in the way. The cycle's sales task opens both reports, refuses completion naming both, shows the
 * filed reports in its table, and completes once both are in; the API shows them to the standing office.
 */
@IntegrationTest
class SalespersonReportIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String PERIOD = "2016-03";
    /** The company with the report requirement on in the IT profile; also {@link SalespersonReportBrowserIT}'s. */
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,SMR,月报公司,,gm,,production\n"
            + "department,SMR-SALES,销售部,SMR,sales.head,,sales\n"
            + "department,SMR-MKT,市场部,SMR,marketing.head,,marketing\n"
            + "region,SMR-EAST,华东区,SMR-SALES,sales.head,,\n"
            + "person,SMR-P1,李雷,SMR-EAST,smr.p1,,employee\n"
            + "person,SMR-P2,韩梅,SMR-EAST,smr.p2,,employee\n";
    static final String[] COMPANY_KPIS = {"NEW_CUSTOMERS,20,18", "CUSTOMER_SATISFACTION,0.9,0.86",
            "ORDER_CONVERSION,0.25,0.2", "SALES_CYCLE_DAYS,30,36", "COMPLAINTS,5,7", "FUNNEL_LEADS,400,380",
            "FUNNEL_CONTACTS,250,240", "FUNNEL_NEEDS,120,110", "FUNNEL_PROPOSALS,60,52", "FUNNEL_WON,20,18",
            "FUNNEL_LOST,40,34"};

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

    @Test
    void the_sales_collection_waits_for_every_salesperson_report_and_shows_them() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "SMR");
        ok(api.postFile("/api/imports/organisation", ADMIN, "smr.csv", bytes(ORGANISATION)));
        TestCompanies.demoPasswords(identity, "smr.p1", "smr.p2");
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        figures.append(PERIOD).append(",person,SMR-P1,SALES_AMOUNT,100000,120000\n");
        figures.append(PERIOD).append(",person,SMR-P2,SALES_AMOUNT,100000,90000\n");
        for (String kpi : COMPANY_KPIS) {
            figures.append(PERIOD).append(",company,SMR,").append(kpi).append('\n');
        }
        ok(api.postFile("/api/imports/figures", ADMIN, "smr.csv", bytes(figures.toString())));

        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", var(PERIOD), "companyCode", var("SMR"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        try {
            String sales = waitForTask(cycle, "Task_SubmitSalesInformation");
            assertThat(local(sales, "salespersonReportsStatus")).contains("0 / 2 已提交", "李雷 SMR-P1", "韩梅 SMR-P2");
            String p1 = waitForReport("2016-03:SMR-P1", "smr.p1");
            String p2 = waitForReport("2016-03:SMR-P2", "smr.p2");

            var refused = complete(api, "sales.head", sales, Map.of("sales_salesSummary", var("三月完成 105%")));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("message").asText()).contains("尚未提交 2016-03 的月度报告", "李雷 SMR-P1", "韩梅 SMR-P2")
                    .doesNotContain("ENGINE-");

            var bad = complete(api, "smr.p1", p1, Map.of("reportSalesAmount", var(120000), "analysisComment", var("大客户提前下单")));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().get("message").asText()).contains("请填写活动 activities", "请填写市场反馈 market feedback");
            ok204(complete(api, "smr.p1", p1, Map.of("reportSalesAmount", var(120000), "analysisComment", var("大客户提前下单"),
                    "activitiesComment", var("拜访 12 家客户"), "marketFeedbackComment", var("竞品降价 5%"),
                    "customerQuotesComment", var("“交货再快一点就好了”"))));
            refused = complete(api, "sales.head", sales, Map.of("sales_salesSummary", var("三月完成 105%")));
            assertThat(refused.json().get("message").asText()).contains("韩梅 SMR-P2").doesNotContain("李雷");
            ok204(complete(api, "smr.p2", p2, Map.of("reportSalesAmount", var(90000), "analysisComment", var("回款拖延"),
                    "activitiesComment", var("投标两次"), "marketFeedbackComment", var("客户要求账期 90 天"))));

            SpinJsonNode table = (SpinJsonNode) taskService.getVariableLocal(sales, "salespersonReportsTable");
            assertThat(table.elements()).hasSize(2);
            assertThat(table.toString()).contains("李雷 SMR-P1", "120000", "大客户提前下单", "竞品降价 5%（客户原话：“交货再快一点就好了”）",
                    "韩梅 SMR-P2", "90000", "客户要求账期 90 天");
            assertThat(local(sales, "salespersonReportsStatus")).contains("全部 2 份销售人员月度报告已提交");
            ok204(complete(api, "sales.head", sales, Map.of("sales_salesSummary", var("三月完成 105%"))));

            var read = api.get("/api/salesperson-reports?period=" + PERIOD + "&companyCode=SMR", "marketing.head");
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().findValuesAsText("personCode")).containsExactly("SMR-P1", "SMR-P2");
            JsonNode first = read.json().get(0);
            assertThat(first.get("salesAmount").decimalValue()).isEqualByComparingTo("120000");
            assertThat(first.get("customerQuotes").asText()).isEqualTo("“交货再快一点就好了”");
            assertThat(api.get("/api/salesperson-reports?period=" + PERIOD, "smr.p2").json().findValuesAsText("personCode"))
                    .as("a sales person reads their own").containsExactly("SMR-P2");
            assertThat(api.get("/api/salesperson-reports?period=" + PERIOD, "production.head").status()).isEqualTo(403);
            assertThat(api.get("/api/salesperson-reports?period=2016-3", "marketing.head").status()).isEqualTo(400);
        } finally {
            runtime.deleteProcessInstance(cycle, "SalespersonReportIT over");
        }
    }

    private String local(String taskId, String name) {
        return String.valueOf(taskService.getVariableLocal(taskId, name));
    }

    private String waitForTask(String cycle, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(key).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0).getId();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + key);
    }

    private String waitForReport(String businessKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskAssignee(user).singleResult();
        assertThat(task).as("report " + businessKey + " for " + user).isNotNull();
        return task.getId();
    }

    private static Api.Response complete(Api api, String user, String task, Map<String, Object> variables) {
        return api.postJson("/engine-rest/task/" + task + "/complete", user, Map.of("variables", variables));
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
