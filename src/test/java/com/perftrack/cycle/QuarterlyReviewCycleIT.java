package com.perftrack.cycle;

import static com.perftrack.cycle.MonthlyCycleIT.bytes;
import static com.perftrack.cycle.MonthlyCycleIT.complete;
import static com.perftrack.cycle.MonthlyCycleIT.recordAttendance;
import static com.perftrack.cycle.MonthlyCycleIT.salesReport;
import static com.perftrack.cycle.MonthlyCycleIT.string;
import static com.perftrack.cycle.MonthlyCycleIT.waitForTask;
import static com.perftrack.cycle.MonthlyCycleIT.waitForTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A quarterly review cycle walked through REST (SPEC.md section 7 "Periods"): the same
 * {@code monthly-tracking-cycle} model started with {@code period=2026-Q3} for a company of its own,
 * its three months of figures imported through {@code /api/imports/figures}: collection (refused,
 * naming the month, while a month's figures are missing), the agenda with the quarter's aggregated
 * results, the meeting, the findings confirmed, the improvement actions; a second start for the same
 * company and quarter is refused.
 *
 * <p>Figures (target / actual), July, August, September 2026: QRC-P1 SALES_AMOUNT 1000000 / 800000,
 * 900000, 1000000; QRC-P2 1000000 / 950000, 1000000, 1100000; company SALES_CYCLE_DAYS (avg, lower)
 * 30 / 36, 30, 33; COMPLAINTS (sum, lower) 5 / 7, 4, 6; the other company KPIs as in {@link MonthlyCycleIT}.
 */
@IntegrationTest
class QuarterlyReviewCycleIT {

    static final String QUARTER = "2026-Q3";
    static final String COMPANY = "QRC";
    static final String ADMIN = MonthlyCycleIT.ADMIN;
    static final String[] MONTHS = {"2026-07", "2026-08", "2026-09"};
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,QRC,季度评审公司,,gm,gm@demo.example,production\n"
            + "department,QRC-SALES,销售部,QRC,sales.head,,sales\n"
            + "department,QRC-MKT,市场部,QRC,marketing.head,,marketing\n"
            + "department,QRC-PROD,生产部,QRC,production.head,,production\n"
            + "department,QRC-QUAL,质量部,QRC,quality.head,,quality\n"
            + "department,QRC-FIN,财务部,QRC,finance.head,,finance\n"
            + "department,QRC-HR,人力资源部,QRC,hr.head,,hr\n"
            + "region,QRC-EAST,华东区,QRC-SALES,sales.head,,\n"
            + "person,QRC-P1,马芳,QRC-EAST,sales1,,employee\n"
            + "person,QRC-P2,朱超,QRC-EAST,sales2,,employee\n";
    static final int[][] SALES = {{800000, 900000, 1000000}, {950000, 1000000, 1100000}};
    static final int[] CYCLE_DAYS = {36, 30, 33};
    static final int[] COMPLAINTS = {7, 4, 6};

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void stopWhatTheTestStarted() {
        runtime.createProcessInstanceQuery().variableValueEquals("companyCode", COMPANY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test ends"));
    }

    @Test
    void a_quarterly_review_cycle_walked_through_rest() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "qrc.csv", bytes(ORGANISATION)).status()).isEqualTo(200);

        var started = start(api, QUARTER);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        assertThat(started.json().get("businessKey").asText()).isEqualTo(QUARTER);

        // collection: the task shows the quarter; completing it is refused while a month's figures are missing
        JsonNode salesTask = waitForTask(api, "sales.head", cycle, "Task_SubmitSalesInformation");
        assertThat(salesTask.get("name").asText()).contains(QUARTER);
        assertThat(variable(api, "/engine-rest/process-instance/" + cycle + "/variables/periodLabel"))
                .startsWith("季度评审 2026-Q3（2026-07 至 2026-09）");
        // only July arrives first: August and September are named
        assertThat(api.postFile("/api/imports/figures", ADMIN, "qrc-07.csv", bytes(figures(0))).status()).isEqualTo(200);
        // what has arrived counts the quarter's months: July's 2 people's SALES_AMOUNT + 9 company sales KPIs
        assertThat(variable(api, "/engine-rest/task/" + salesTask.get("id").asText() + "/localVariables/figuresReceived"))
                .isEqualTo("11 条（2026-Q3）");
        var refused = complete(api, "sales.head", salesTask, Map.of("sales_salesSummary", string("本季度完成 95.8%")));
        assertThat(refused.status()).as("refused while figures are missing").isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("SALES_AMOUNT @ company QRC (2026-08)")
                .contains("(2026-09)").doesNotContain("(2026-07)").doesNotContain("ENGINE-");
        for (int m = 1; m < 3; m++) {
            var imported = api.postFile("/api/imports/figures", ADMIN, "qrc-" + m + ".csv", bytes(figures(m)));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        assertThat(variable(api, "/engine-rest/task/" + salesTask.get("id").asText() + "/localVariables/figuresReceived"))
                .isEqualTo("33 条（2026-Q3）");
        for (String[] department : new String[][] {{"sales.head", "Task_SubmitSalesInformation", "sales_salesSummary"},
                {"marketing.head", "Task_SubmitMarketInformation", "market_marketInformation"},
                {"production.head", "Task_SubmitProductionInformation", "production_outputPlanVsActual"},
                {"quality.head", "Task_SubmitQualityInformation", "quality_qualityChanges"},
                {"finance.head", "Task_SubmitFinanceInformation", "finance_financeSummary"}}) {
            JsonNode task = waitForTask(api, department[0], cycle, department[1]);
            var done = complete(api, department[0], task, Map.of(department[2], string("本季度说明 " + department[1])));
            assertThat(done.status()).as(department[1] + ": " + done.body()).isEqualTo(204);
        }

        // calculation and agenda: the agenda lists the quarter's aggregated results
        JsonNode confirm = waitForTask(api, "secgen", cycle, "Task_ConfirmAgenda");
        JsonNode draft = api.get("/api/agendas?period=" + QUARTER + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(draft.get("period").asText()).isEqualTo(QUARTER);
        assertThat(draft.get("purpose").asText()).startsWith("审议 2026-Q3 季度各部门业绩与偏差");
        // company roll-up of its two people: target 2000000 × 3 = 6000000, actual 1750000 + 1900000 + 2100000
        // = 5750000; deviation −250000, −250000 / 6000000 = −0.0416666… → −0.041667; 5750000 / 6000000
        // = 0.958333… → 0.958333 amber
        JsonNode sales = line(draft, "QRC", "SALES_AMOUNT");
        number(sales, "target", "6000000");
        number(sales, "actual", "5750000");
        number(sales, "deviation", "-250000");
        number(sales, "deviationPct", "-0.041667");
        number(sales, "attainment", "0.958333");
        assertThat(sales.get("status").asText()).isEqualTo("amber");
        // cycle days (avg, lower): (36 + 30 + 33) / 3 = 33 against 30 → 30 / 33 = 0.909091 amber
        JsonNode cycleDays = line(draft, "QRC", "SALES_CYCLE_DAYS");
        number(cycleDays, "actual", "33");
        number(cycleDays, "attainment", "0.909091");
        // complaints (sum, lower): target 15, actual 7 + 4 + 6 = 17 → 15 / 17 = 0.882353 red
        JsonNode complaints = line(draft, "QRC", "COMPLAINTS");
        number(complaints, "target", "15");
        number(complaints, "actual", "17");
        number(complaints, "attainment", "0.882353");
        assertThat(complaints.get("status").asText()).isEqualTo("red");
        // the sales department rolls up the same people
        number(line(draft, "QRC-SALES", "SALES_AMOUNT"), "actual", "5750000");
        assertThat(variable(api, "/engine-rest/process-instance/" + cycle + "/variables/agendaText"))
                .contains("本期业绩（季度汇总 2026-Q3）")
                .contains("季度评审公司 · 销售额 SALES_AMOUNT：目标 6000000，实际 5750000，偏差 -250000（-4.2%），达成率 95.8%，预警 amber");
        // the same numbers as /api/kpi-results for the quarter
        JsonNode results = api.get("/api/kpi-results?period=" + QUARTER + "&unitType=company&unitCode=" + COMPANY,
                "secgen").json();
        assertThat(results.findValuesAsText("period")).containsOnly(QUARTER);

        Map<String, Object> agenda = new HashMap<>();
        agenda.put("agendaPurpose", string("审议 2026-Q3 季度业绩"));
        agenda.put("meetingDate", string("2030-01-15"));
        agenda.put("meetingTime", string("09:00"));
        for (String key : new String[] {"meetingLengthMinutes:120", "salesMinutes:20", "departmentMinutes:12",
                "followUpMinutesPerAction:3", "freeDiscussionMinutes:15", "bufferMinutes:10"}) {
            agenda.put(key.split(":")[0], Map.of("value", Integer.parseInt(key.split(":")[1]), "type", "Integer"));
        }
        var confirmed = complete(api, "secgen", confirm, agenda);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        JsonNode stored = api.get("/api/agendas?period=" + QUARTER + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(stored.get("status").asText()).isEqualTo("confirmed");
        assertThat(stored.get("items").get(0).get("department").asText()).isEqualTo("sales");
        assertThat(stored.get("periodResults")).isNotEmpty();

        // the meeting: the sales report's deviation comes pre-filled from the quarter's results
        recordAttendance(api, cycle, "gm", "secgen", "marketing.head", "sales.head");
        List<JsonNode> reports = waitForTasks(api, "marketing.head", cycle, "Task_RecordDepartmentReport", 5);
        for (JsonNode report : reports) {
            String department = variable(api, "/engine-rest/task/" + report.get("id").asText() + "/variables/reportDepartment");
            if ("sales".equals(department)) {
                assertThat(variable(api, "/engine-rest/task/" + report.get("id").asText() + "/variables/deviation"))
                        .contains("SALES_AMOUNT：目标 6000000，实际 5750000，偏差 -250000（-4.2%）");
                assertThat(report.get("name").asText()).contains(QUARTER);
            }
            var body = "sales".equals(department) ? salesReport() : Map.<String, Object>of(
                    "deviation", string("无重大偏差 0%"), "noFinding", Map.of("value", true, "type", "Boolean"));
            var recorded = complete(api, "marketing.head", report, body);
            assertThat(recorded.status()).as(department + ": " + recorded.body()).isEqualTo(204);
        }

        // the secretary-general confirms the findings; the finding belongs to the quarter
        JsonNode findingsTask = waitForTask(api, "secgen", cycle, "Task_ConfirmFindings");
        JsonNode findings = api.get("/api/findings?period=" + QUARTER + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("period").asText()).isEqualTo(QUARTER);
        assertThat(complete(api, "secgen", findingsTask, Map.of()).status()).isEqualTo(204);

        // one improvement action per responsible department, filed under the quarter
        List<JsonNode> actions = new ArrayList<>();
        for (int i = 0; i < 150 && actions.size() < 2; i++) {
            actions.clear();
            api.get("/api/actions?period=" + QUARTER, "secgen").json().forEach(a -> {
                if (COMPANY.equals(a.get("companyCode").asText())) {
                    actions.add(a);
                }
            });
            Thread.sleep(200);
        }
        assertThat(actions).extracting(a -> a.get("responsibleDepartment").asText())
                .containsExactlyInAnyOrder("sales", "marketing");
        assertThat(actions).allSatisfy(a -> assertThat(a.get("findingId").asLong())
                .isEqualTo(findings.get(0).get("findingId").asLong()));
        for (int i = 0; i < 100; i++) {
            if ("COMPLETED".equals(api.get("/engine-rest/history/process-instance/" + cycle, "secgen").json()
                    .get("state").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(api.get("/engine-rest/history/process-instance/" + cycle, "secgen").json().get("state").asText())
                .isEqualTo("COMPLETED");

        // one cycle per company and quarter, and the quarter is not a month: 2026-09's own cycle is another
        var second = start(api, QUARTER);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("2026-Q3").contains("already exists");
        var badQuarter = start(api, "2026-Q5");
        assertThat(badQuarter.status()).isBetween(400, 499);
        assertThat(badQuarter.body()).contains("quarter must be Q1..Q4");
        var future = start(api, "2027-H1");
        assertThat(future.status()).isBetween(400, 499);
        assertThat(future.body()).contains("future");
    }

    private Api.Response start(Api api, String period) {
        return api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(period), "companyCode", string(COMPANY))));
    }

    private static String variable(Api api, String path) {
        return api.get(path, "secgen").json().get("value").asText();
    }

    /** One month's figures, imported by the administrator (people and company rows). */
    static String figures(int m) {
        String month = MONTHS[m];
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        csv.append(month).append(",person,QRC-P1,SALES_AMOUNT,1000000,").append(SALES[0][m]).append('\n');
        csv.append(month).append(",person,QRC-P2,SALES_AMOUNT,1000000,").append(SALES[1][m]).append('\n');
        for (String kpi : MonthlyCycleIT.COMPANY_KPIS) {
            String row = kpi.startsWith("SALES_CYCLE_DAYS") ? "SALES_CYCLE_DAYS,30," + CYCLE_DAYS[m]
                    : kpi.startsWith("COMPLAINTS") ? "COMPLAINTS,5," + COMPLAINTS[m] : kpi;
            csv.append(month).append(",company,QRC,").append(row).append('\n');
        }
        return csv.toString();
    }

    private static JsonNode line(JsonNode agenda, String unit, String kpi) {
        for (JsonNode l : agenda.get("periodResults")) {
            if (l.get("unitCode").asText().equals(unit) && l.get("kpiCode").asText().equals(kpi)) {
                return l;
            }
        }
        throw new AssertionError("no agenda line " + unit + " " + kpi + " in " + agenda);
    }

    private static void number(JsonNode row, String field, String expected) {
        assertThat(row.get(field).decimalValue()).as(field + " of " + row).isEqualByComparingTo(new BigDecimal(expected));
    }
}
