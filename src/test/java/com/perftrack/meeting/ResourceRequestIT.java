package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review meeting through the public REST API on PostgreSQL (issue 13): the general manager is
 * marked absent, so the vice chair chairs; sales reports two external causes, one asking the general
 * manager for people across departments, one asking production for capacity. Once the findings are
 * confirmed, the vice chair declines the first (recorded as stand-in) and the production head grants
 * the second; {@code GET /api/resource-requests} shows each state, and the minutes carry it all.
 */
@IntegrationTest
class ResourceRequestIT {

    static final String COMPANY = "RRQ";
    static final String PERIOD = "2026-07";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,RRQ,资源需求公司,,gm,,production\n"
            + "department,RRQ-SALES,销售部,RRQ,sales.head,,sales\n"
            + "department,RRQ-MKT,市场部,RRQ,marketing.head,,marketing\n"
            + "department,RRQ-PROD,生产部,RRQ,production.head,,production\n"
            + "department,RRQ-QUAL,质量部,RRQ,quality.head,,quality\n"
            + "department,RRQ-FIN,财务部,RRQ,finance.head,,finance\n"
            + "department,RRQ-HR,人力资源部,RRQ,hr.head,,hr\n"
            + "region,RRQ-EAST,华东区,RRQ-SALES,sales.head,,\n"
            + "person,RRQ-P1,马芳,RRQ-EAST,sales1,,employee\n";
    static final String[] COMPANY_KPIS = {"NEW_CUSTOMERS,20,18", "CUSTOMER_SATISFACTION,0.9,0.86",
            "ORDER_CONVERSION,0.25,0.2", "SALES_CYCLE_DAYS,30,36", "COMPLAINTS,5,7", "FUNNEL_LEADS,400,380",
            "FUNNEL_CONTACTS,250,240", "FUNNEL_NEEDS,120,110", "FUNNEL_PROPOSALS,60,52", "FUNNEL_WON,20,18",
            "FUNNEL_LOST,40,34"};

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;

    @Test
    void a_request_is_declined_by_the_standing_in_vice_chair_and_another_granted_by_the_production_head()
            throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "rrq.csv", bytes(ORGANISATION)).status()).isEqualTo(200);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(PERIOD), "companyCode", string(COMPANY))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        assertThat(api.postFile("/api/imports/figures", ADMIN, PERIOD + ".csv", bytes(figures())).status()).isEqualTo(200);
        for (String[] d : new String[][] {{"sales.head", "Task_SubmitSalesInformation", "sales_salesSummary"},
                {"marketing.head", "Task_SubmitMarketInformation", "market_marketInformation"},
                {"production.head", "Task_SubmitProductionInformation", "production_outputPlanVsActual"},
                {"quality.head", "Task_SubmitQualityInformation", "quality_qualityChanges"},
                {"finance.head", "Task_SubmitFinanceInformation", "finance_financeSummary"}}) {
            assertThat(complete(api, d[0], waitFor(api, d[0], cycle, d[1], 1).get(0), Map.of(d[2], string("说明"))).status())
                    .as(d[1]).isEqualTo(204);
        }
        Map<String, Object> agenda = new HashMap<>();
        agenda.put("meetingDate", string("2030-01-15"));
        assertThat(complete(api, "secgen", waitFor(api, "secgen", cycle, "Task_ConfirmAgenda", 1).get(0), agenda).status())
                .isEqualTo(204);

        // who came: the general manager is away, the vice chair chairs
        JsonNode attendance = waitFor(api, "marketing.head", cycle, "Task_RecordAttendance", 1).get(0);
        var nobodyChairs = complete(api, "marketing.head", attendance, Map.of("attendees", json("[\"secgen\"]")));
        assertThat(nobodyChairs.status()).isEqualTo(422);
        assertThat(nobodyChairs.json().get("message").asText()).contains("会议无人主持").doesNotContain("ENGINE-");
        assertThat(complete(api, "marketing.head", attendance, Map.of("attendees",
                json("[\"vice\",\"secgen\",\"marketing.head\",\"sales.head\",\"production.head\"]"),
                "attendanceComment", string("总经理出差"))).status()).isEqualTo(204);

        List<JsonNode> reports = waitFor(api, "marketing.head", cycle, "Task_RecordDepartmentReport", 5);
        for (JsonNode report : reports) {
            String department = api.get("/engine-rest/task/" + report.get("id").asText() + "/variables/reportDepartment",
                    "marketing.head").json().get("value").asText();
            if ("sales".equals(department)) {
                Map<String, Object> noAmount = salesReport();
                noAmount.remove("cause1RequestAmount");
                noAmount.put("cause2ResponsibleUser", string("production.head"));
                var refused = complete(api, "marketing.head", report, noAmount);
                assertThat(refused.status()).isEqualTo(422);
                assertThat(refused.json().get("message").asText()).contains("资源需求须量化数量或金额")
                        .contains("责任人须是责任部门的人员").doesNotContain("ENGINE-").doesNotContain("Exception");
                assertThat(api.get("/api/resource-requests?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen")
                        .json()).as("nothing kept").isEmpty();
                assertThat(complete(api, "marketing.head", report, salesReport()).status()).isEqualTo(204);
            } else {
                assertThat(complete(api, "marketing.head", report, Map.of("deviation", string("无重大偏差 0%"),
                        "noFinding", Map.of("value", true, "type", "Boolean"))).status()).isEqualTo(204);
            }
        }
        JsonNode open = api.get("/api/resource-requests?period=" + PERIOD + "&status=open&companyCode=" + COMPANY,
                "secgen").json();
        assertThat(open).hasSize(2);
        JsonNode people = open.get(0);
        JsonNode capacity = open.get(1);
        assertThat(fieldNames(people)).containsExactly("id", "period", "department", "findingId", "request",
                "requestedFrom", "status", "decidedBy", "reason");
        assertThat(people.get("request").asText()).isEqualTo("跨部门抽调 3 名促销员支援华东区（数量 amount：3 人，2 个月）");
        assertThat(people.get("requestedFrom").asText()).isEqualTo("committee-chair");
        assertThat(people.get("department").asText()).isEqualTo("sales");
        assertThat(people.get("decidedBy").isNull()).isTrue();
        assertThat(capacity.get("requestedFrom").asText()).isEqualTo("production");

        // the findings are confirmed: each request goes to its provider
        assertThat(complete(api, "secgen", waitFor(api, "secgen", cycle, "Task_ConfirmFindings", 1).get(0), Map.of())
                .status()).isEqualTo(204);
        JsonNode gmTask = decisionTask(api, "vice", people.get("id").asLong());
        var reasonless = complete(api, "vice", gmTask, Map.of("resourceDecision", string("reject")));
        assertThat(reasonless.status()).isEqualTo(422);
        assertThat(reasonless.json().get("message").asText()).contains("请写明理由");
        assertThat(complete(api, "vice", gmTask, Map.of("resourceDecision", string("reject"),
                "resourceDecisionComment", string("本季度不跨部门抽调，由销售部内部调配"))).status()).isEqualTo(204);
        JsonNode declined = waitForStatus(api, "declined", 1).get(0);
        assertThat(declined.get("id").asLong()).isEqualTo(people.get("id").asLong());
        assertThat(declined.get("decidedBy").asText()).isEqualTo("vice");
        assertThat(declined.get("reason").asText()).isEqualTo("本季度不跨部门抽调，由销售部内部调配");

        JsonNode productionTask = decisionTask(api, "production.head", capacity.get("id").asLong());
        assertThat(complete(api, "production.head", productionTask, Map.of("resourceDecision", string("approve"),
                "resourceDecisionComment", string("8 月起加开夜班，每月 2000 台"))).status()).isEqualTo(204);
        JsonNode granted = waitForStatus(api, "granted", 1).get(0);
        assertThat(granted.get("id").asLong()).isEqualTo(capacity.get("id").asLong());
        assertThat(granted.get("decidedBy").asText()).isEqualTo("production.head");
        assertThat(api.get("/api/resource-requests?status=open&companyCode=" + COMPANY, "secgen").json()).isEmpty();

        // the granted request shows on the action it serves, the declined one on none
        JsonNode served = actionDetails(api, capacity.get("findingId").asLong());
        assertThat(served.get("grantedResources")).singleElement().satisfies(g -> {
            assertThat(g.get("requestId").asLong()).isEqualTo(capacity.get("id").asLong());
            assertThat(g.get("request").asText()).isEqualTo("生产部加开夜班（数量 amount：每月 2000 台）");
            assertThat(g.get("reason").asText()).isEqualTo("8 月起加开夜班，每月 2000 台");
        });
        assertThat(actionDetails(api, people.get("findingId").asLong()).get("grantedResources")).isEmpty();
        assertThat(api.get("/api/resource-requests?companyCode=" + COMPANY, "secgen").json()).hasSize(2);

        // refusals: a status the API does not know, an employee
        var badStatus = api.get("/api/resource-requests?status=pending&companyCode=" + COMPANY, "secgen");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("detail").asText()).contains("open、granted 或 declined");
        assertThat(api.get("/api/resource-requests?companyCode=" + COMPANY, "sales1").status()).isEqualTo(403);

        // the minutes carry who was there, the stand-in and both decisions
        byte[] minutes = api.getBytes("/api/reports/meeting-minutes?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(minutes))) {
            var who = workbook.getSheet("出席 Attendance");
            assertThat(who.getRow(1).getCell(0).getStringCellValue()).isEqualTo("vice");
            assertThat(who.getRow(1).getCell(3).getStringCellValue()).contains("gm");
            assertThat(who.getRow(4).getCell(0).getStringCellValue()).isEqualTo("vice");
            var decisions = workbook.getSheet("资源需求决定 Resource decisions");
            assertThat(decisions.getRow(1).getCell(6).getStringCellValue()).isEqualTo("已拒绝 declined");
            assertThat(decisions.getRow(1).getCell(7).getStringCellValue()).isEqualTo("vice（副主任代行 stand-in）");
            assertThat(decisions.getRow(2).getCell(6).getStringCellValue()).isEqualTo("已批准 granted");
        }
    }

    private JsonNode decisionTask(Api api, String user, long requestId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=resource-request"
                    + "&taskDefinitionKey=Task_DecideResourceRequest&processInstanceBusinessKey=R" + requestId
                    + "&maxResults=5", user).json();
            if (tasks.size() == 1) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw the decision of request " + requestId);
    }

    /** {@code GET /api/actions/{id}} of the finding's (sales) action, once the action is opened. */
    private JsonNode actionDetails(Api api, long findingId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            for (JsonNode action : api.get("/api/actions?period=" + PERIOD, "secgen").json()) {
                if (action.get("findingId").asLong() == findingId) {
                    return api.get("/api/actions/" + action.get("actionId").asLong(), "secgen").json();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no action of finding " + findingId);
    }

    private List<JsonNode> waitForStatus(Api api, String status, int count) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            found.clear();
            api.get("/api/resource-requests?period=" + PERIOD + "&status=" + status + "&companyCode=" + COMPANY, "secgen")
                    .json().forEach(found::add);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + count + " request(s) " + status);
    }

    private static Map<String, Object> salesReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", string("销售额 目标 200 万，实际 175 万，偏差 -25 万（-12.5%）"));
        v.put("noFinding", Map.of("value", false, "type", "Boolean"));
        v.put("cause1", string("竞品在华东区大规模促销"));
        v.put("cause1Type", string("external"));
        v.put("cause1Impact", string("订单少 12 单"));
        v.put("cause1Proposal", string("跨部门抽调 3 名促销员支援华东区"));
        v.put("cause1RequestAmount", string("3 人，2 个月"));
        v.put("cause1RequestFrom", string("committee-chair"));
        v.put("cause1ResponsibleDepartments", string("sales"));
        v.put("cause1Solution", string("华东区反促销 2 个月"));
        v.put("cause1ResponsibleUser", string("sales1"));
        v.put("hasCause2", Map.of("value", true, "type", "Boolean"));
        v.put("cause2", string("生产排期不足，交货延迟 10 天"));
        v.put("cause2Type", string("external"));
        v.put("cause2Impact", string("销售额少 8 万元"));
        v.put("cause2Proposal", string("生产部加开夜班"));
        v.put("cause2RequestAmount", string("每月 2000 台"));
        v.put("cause2RequestFrom", string("production"));
        v.put("cause2ResponsibleDepartments", string("sales"));
        v.put("cause2Solution", string("按周锁定排产"));
        v.put("cause2ResponsibleUser", string("sales.head"));
        return v;
    }

    private static String figures() {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        csv.append(PERIOD).append(",person,RRQ-P1,SALES_AMOUNT,2000000,1750000\n");
        for (String kpi : COMPANY_KPIS) {
            csv.append(PERIOD).append(",company,RRQ,").append(kpi).append('\n');
        }
        return csv.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> waitFor(Api api, String user, String instance, String key, int count)
            throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            found.clear();
            api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user).json().forEach(found::add);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw " + count + " task(s) " + key);
    }

    private static Api.Response complete(Api api, String user, JsonNode task, Map<String, Object> variables) {
        return api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
