package com.perftrack.cycle;

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
 * A whole monthly cycle driven through the REST API as the demo users, on PostgreSQL: start,
 * department submissions (refused until the figures are imported), calculation, agenda, review
 * meeting, findings, and the improvement actions it starts.
 */
@IntegrationTest
class MonthlyCycleIT {

    static final String PERIOD = "2026-09";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,CYC,周期测试公司,,gm,gm@demo.example,production\n"
            + "department,CYC-SALES,销售部,CYC,sales.head,,sales\n"
            + "department,CYC-MKT,市场部,CYC,marketing.head,,marketing\n"
            + "department,CYC-PROD,生产部,CYC,production.head,,production\n"
            + "department,CYC-QUAL,质量部,CYC,quality.head,,quality\n"
            + "department,CYC-FIN,财务部,CYC,finance.head,,finance\n"
            + "department,CYC-HR,人力资源部,CYC,hr.head,,hr\n"
            + "region,CYC-EAST,华东区,CYC-SALES,sales.head,,\n"
            + "person,CYC-P1,马芳,CYC-EAST,sales1,,employee\n"
            + "person,CYC-P2,朱超,CYC-EAST,sales2,,employee\n";
    /** The administrator of the IT profile: creates company CYC and writes its company-level figures. */
    static final String ADMIN = "admin:it-admin-secret";
    static final String[] COMPANY_KPIS = {"NEW_CUSTOMERS,20,18", "CUSTOMER_SATISFACTION,0.9,0.86",
            "ORDER_CONVERSION,0.25,0.2", "SALES_CYCLE_DAYS,30,36", "COMPLAINTS,5,7", "FUNNEL_LEADS,400,380",
            "FUNNEL_CONTACTS,250,240", "FUNNEL_NEEDS,120,110", "FUNNEL_PROPOSALS,60,52", "FUNNEL_WON,20,18",
            "FUNNEL_LOST,40,34"};

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;

    @Test
    void a_whole_cycle_from_start_to_findings_and_actions() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "CYC");
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "cyc.csv", bytes(ORGANISATION)).status())
                .isEqualTo(200);

        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(PERIOD), "companyCode", string("CYC"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();

        JsonNode salesTask = waitForTask(api, "sales.head", cycle, "Task_SubmitSalesInformation");
        var refused = complete(api, "sales.head", salesTask, Map.of("sales_salesSummary", string("完成 87.5%")));
        assertThat(refused.status()).as("refused while figures are missing").isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("SALES_AMOUNT")
                .doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("Cannot complete");

        assertThat(api.get("/engine-rest/task/" + salesTask.get("id").asText() + "/localVariables/figuresReceived",
                "sales.head").json().get("value").asText()).startsWith("0 条");
        // the sales head imports his people; company-level rows are not a department's to write (issue 10)
        var figures = api.postFile("/api/imports/figures", "sales.head", "2026-09.csv", bytes(personFigures()));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        var companyFigures = api.postFile("/api/imports/figures", ADMIN, "2026-09-company.csv", bytes(companyFigures()));
        assertThat(companyFigures.status()).as(companyFigures.body()).isEqualTo(200);
        // the open form shows what has arrived: 2 people's SALES_AMOUNT + the company's 9 other sales KPIs
        assertThat(api.get("/engine-rest/task/" + salesTask.get("id").asText() + "/localVariables/figuresReceived",
                "sales.head").json().get("value").asText()).isEqualTo("11 条（" + PERIOD + "）");
        for (String[] department : new String[][] {{"sales.head", "Task_SubmitSalesInformation", "sales_salesSummary"},
                {"marketing.head", "Task_SubmitMarketInformation", "market_marketInformation"},
                {"production.head", "Task_SubmitProductionInformation", "production_outputPlanVsActual"},
                {"quality.head", "Task_SubmitQualityInformation", "quality_qualityChanges"},
                {"finance.head", "Task_SubmitFinanceInformation", "finance_financeSummary"}}) {
            JsonNode task = waitForTask(api, department[0], cycle, department[1]);
            var done = complete(api, department[0], task, Map.of(department[2], string("本月说明 " + department[1])));
            assertThat(done.status()).as(department[1] + ": " + done.body()).isEqualTo(204);
        }

        // calculation and the agenda draft run as jobs; then the secretary-general confirms the agenda
        JsonNode confirm = waitForTask(api, "secgen", cycle, "Task_ConfirmAgenda");
        var results = api.get("/api/kpi-results?period=" + PERIOD + "&unitType=company&unitCode=CYC", "secgen");
        assertThat(results.json().findValuesAsText("kpiCode")).contains("SALES_AMOUNT", "COMPLAINTS");
        Map<String, Object> agenda = new HashMap<>();
        agenda.put("agendaPurpose", string("审议 2026-09 业绩"));
        agenda.put("meetingDate", string("2030-01-15"));
        agenda.put("meetingTime", string("09:00"));
        for (String key : new String[] {"meetingLengthMinutes:120", "salesMinutes:20", "departmentMinutes:12",
                "followUpMinutesPerAction:3", "freeDiscussionMinutes:15", "bufferMinutes:10"}) {
            agenda.put(key.split(":")[0], Map.of("value", Integer.parseInt(key.split(":")[1]), "type", "Integer"));
        }
        var confirmed = complete(api, "secgen", confirm, agenda);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        var stored = api.get("/api/agendas?period=" + PERIOD + "&companyCode=CYC", "secgen");
        assertThat(stored.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(stored.json().get("items").get(0).get("department").asText()).isEqualTo("sales");

        recordAttendance(api, cycle, "gm", "secgen", "marketing.head", "sales.head");

        // the review meeting: the standing office records each department's report
        List<JsonNode> reports = waitForTasks(api, "marketing.head", cycle, "Task_RecordDepartmentReport", 5);
        for (JsonNode report : reports) {
            String department = api.get("/engine-rest/task/" + report.get("id").asText() + "/variables/reportDepartment",
                    "marketing.head").json().get("value").asText();
            var deviation = api.get("/engine-rest/task/" + report.get("id").asText() + "/variables/deviation",
                    "marketing.head").json().get("value").asText();
            var body = "sales".equals(department) ? salesReport() : Map.<String, Object>of(
                    "deviation", string("无重大偏差 0%"), "noFinding", Map.of("value", true, "type", "Boolean"));
            if ("sales".equals(department)) {
                assertThat(deviation).as("pre-filled from the KPI results").contains("SALES_AMOUNT");
            }
            var recorded = complete(api, "marketing.head", report, body);
            assertThat(recorded.status()).as(department + ": " + recorded.body()).isEqualTo(204);
        }

        JsonNode findings = waitForTask(api, "secgen", cycle, "Task_ConfirmFindings");
        assertThat(complete(api, "secgen", findings, Map.of()).status()).isEqualTo(204);

        // one improvement action per finding and responsible department; the cycle does not wait for them
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100 && keys.size() < 2; i++) {
            keys.clear();
            api.get("/engine-rest/process-instance?processDefinitionKey=improvement-action"
                    + "&variables=companyCode_eq_CYC&firstResult=0&maxResults=50", "secgen").json()
                    .forEach(p -> keys.add(p.get("businessKey").asText()));
            Thread.sleep(200);
        }
        assertThat(keys).hasSize(2).allMatch(k -> k.endsWith("-sales") || k.endsWith("-marketing"));
        for (int i = 0; i < 100; i++) {
            var history = api.get("/engine-rest/history/process-instance/" + cycle, "secgen").json();
            if ("COMPLETED".equals(history.get("state").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(api.get("/engine-rest/history/process-instance/" + cycle, "secgen").json().get("state").asText())
                .isEqualTo("COMPLETED");

        // the confirmed agenda and the minutes, exported for the committee
        byte[] minutes = api.getBytes("/api/reports/meeting-minutes?period=" + PERIOD + "&companyCode=CYC", "secgen");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(minutes))) {
            var agendaSheet = workbook.getSheet("会议议程 Agenda");
            assertThat(agendaSheet.getRow(5).getCell(2).getStringCellValue()).startsWith("销售部汇报");
            assertThat(agendaSheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("09:00");
            List<String> agendaTexts = new ArrayList<>();
            agendaSheet.forEach(row -> row.forEach(cell -> agendaTexts.add(cell.toString())));
            assertThat(agendaTexts).as("the meeting notes the agenda was confirmed with").contains("备注 Notes",
                    "与会人员必须严格控制发言时间 / keep strictly to your speaking time",
                    "开会时请将手机调到震动，不得发出响声 / phones on vibrate, no ringing");
            var minutesSheet = workbook.getSheet("会议纪要 Minutes");
            assertThat(minutesSheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("华东区拜访量下降 35%");
            assertThat(minutesSheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("sales,marketing");
        }
        assertThat(api.get("/api/reports/meeting-minutes?period=" + PERIOD + "&companyCode=CYC", "sales1").status())
                .isEqualTo(403);
    }

    static Map<String, Object> salesReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", string("销售额 目标 200 万，实际 175 万，偏差 -25 万（-12.5%）"));
        v.put("noFinding", Map.of("value", false, "type", "Boolean"));
        v.put("cause1", string("华东区拜访量下降 35%"));
        v.put("cause1Type", string("internal"));
        v.put("cause1Impact", string("销售额少 25 万元"));
        v.put("cause1Proposal", string("恢复周拜访计划，每人每周 12 次"));
        v.put("cause1RelatedDepartments", string("marketing"));
        v.put("cause1ResponsibleDepartments", string("sales,marketing"));
        v.put("cause1Solution", string("销售部恢复拜访计划；市场部提供华东区线索 50 条"));
        v.put("cause1ResponsibleUser", string("sales1"));
        v.put("cause1KpiCode", string("SALES_AMOUNT"));
        v.put("hasCause2", Map.of("value", false, "type", "Boolean"));
        return v;
    }

    static String figures() {
        return personFigures() + companyFigures().substring(companyFigures().indexOf('\n') + 1);
    }

    static String personFigures() {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        csv.append(PERIOD).append(",person,CYC-P1,SALES_AMOUNT,1000000,800000\n");
        csv.append(PERIOD).append(",person,CYC-P2,SALES_AMOUNT,1000000,950000\n");
        return csv.toString();
    }

    static String companyFigures() {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String kpi : COMPANY_KPIS) {
            csv.append(PERIOD).append(",company,CYC,").append(kpi).append('\n');
        }
        return csv.toString();
    }

    /** Task_RecordAttendance (issue 13): the standing office ticks who came; the others are absent. */
    static void recordAttendance(Api api, String cycle, String... attendees) throws InterruptedException {
        JsonNode task = waitForTask(api, "marketing.head", cycle, "Task_RecordAttendance");
        var recorded = complete(api, "marketing.head", task, Map.of("attendees", Map.of("value",
                "[\"" + String.join("\",\"", attendees) + "\"]", "type", "Json")));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    }

    static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Api.Response complete(Api api, String user, JsonNode task, Map<String, Object> variables) {
        return api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
    }

    static JsonNode waitForTask(Api api, String user, String instance, String key) throws InterruptedException {
        return waitForTasks(api, user, instance, key, 1).get(0);
    }

    static List<JsonNode> waitForTasks(Api api, String user, String instance, String key, int count)
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
        throw new AssertionError(user + " never saw " + count + " task(s) " + key + " (saw " + found.size() + ")");
    }
}
