package com.perftrack.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.action.ActionService;
import com.perftrack.calendar.Period;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The method's health (SPEC.md section 7) through {@code GET /api/method-health}, from facts made by
 * the normal processes for a company HLT of its own, in a month of its own per run (long past, so
 * nothing else in the shared database counts towards it, and a rerun starts from nothing):
 * <ul>
 * <li>collection: HLT (a production company) gets five collection tasks. Sales, marketing and
 * production submit at once, before the deadline; the due dates of quality's and finance's tasks are
 * moved to yesterday (as Tasklist's due date picker does), then quality submits (late) and finance
 * does not (open past its deadline: late). On time 3 of 5 = 0.6;</li>
 * <li>SMART: the sales action is approved at its first review; the production action is sent back
 * once and approved at its second: first pass 1 of 2 reviewed = 0.5;</li>
 * <li>results: the meeting records the sales action improved and the production action not
 * improved: 1 of 2 = 0.5;</li>
 * <li>no ten-day report falls due in that month and the findings are not confirmed: both null.</li>
 * </ul>
 */
@IntegrationTest
class MethodHealthIT {

    static final String COMPANY = "HLT";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,HLT,健康度公司,,gm,,production\n"
            + "department,HLT-SALES,销售部,HLT,sales.head,,sales\n"
            + "department,HLT-MKT,市场部,HLT,marketing.head,,marketing\n"
            + "department,HLT-PROD,生产部,HLT,production.head,,production\n"
            + "department,HLT-QUAL,质量部,HLT,quality.head,,quality\n"
            + "department,HLT-FIN,财务部,HLT,finance.head,,finance\n"
            + "department,HLT-HR,人力资源部,HLT,hr.head,,hr\n"
            + "region,HLT-EAST,华东区,HLT-SALES,sales.head,,\n"
            + "person,HLT-P1,马芳,HLT-EAST,sales1,,employee\n"
            + "person,HLT-P2,朱超,HLT-EAST,sales2,,employee\n";
    static final String[] COMPANY_KPIS = {"NEW_CUSTOMERS,20,18", "CUSTOMER_SATISFACTION,0.9,0.86",
            "ORDER_CONVERSION,0.25,0.2", "SALES_CYCLE_DAYS,30,36", "COMPLAINTS,5,7", "FUNNEL_LEADS,400,380",
            "FUNNEL_CONTACTS,250,240", "FUNNEL_NEEDS,120,110", "FUNNEL_PROPOSALS,60,52", "FUNNEL_WON,20,18",
            "FUNNEL_LOST,40,34"};

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FindingService findings;
    @Autowired
    ActionService actions;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    Api api;

    @AfterEach
    void stopWhatTheTestStarted() {
        // deleting a cycle also ends the instances it called: delete only those still there
        runtime.createProcessInstanceQuery().variableValueEquals("companyCode", COMPANY).list()
                .forEach(pi -> runtime.deleteProcessInstanceIfExists(pi.getId(), "test ends", false, true, false, false));
    }

    @Test
    void the_methods_health_counts_collection_punctuality_smart_first_passes_and_improvement() throws Exception {
        api = new Api(port);
        // a month of this run: 1980-01 plus the minutes since the epoch modulo 360 months (1980 to 2009; a
        // cycle may not start for a future month, and HLT's facts of earlier runs stay in other months)
        String period = new Period(java.time.YearMonth.of(1980, 1).plusMonths(System.currentTimeMillis() / 60_000 % 360))
                .toString();
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "hlt.csv", bytes(ORGANISATION)).status()).isEqualTo(200);
        var figures = api.postFile("/api/imports/figures", ADMIN, "hlt.csv", bytes(figures(period)));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);

        // the cycle and its five collection tasks
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(period), "companyCode", string(COMPANY))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        for (String[] department : new String[][] {{"sales.head", "Task_SubmitSalesInformation", "sales_salesSummary"},
                {"marketing.head", "Task_SubmitMarketInformation", "market_marketInformation"},
                {"production.head", "Task_SubmitProductionInformation", "production_outputPlanVsActual"}}) {
            submit(cycle, department);
        }
        Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
        for (String key : List.of("Task_SubmitQualityInformation", "Task_SubmitFinanceInformation")) {
            Task task = await(() -> tasks.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(key).singleResult());
            task.setDueDate(yesterday);
            tasks.saveTask(task);
        }
        submit(cycle, new String[] {"quality.head", "Task_SubmitQualityInformation", "quality_qualityChanges"});

        // two actions of the month's findings: sales passes its first SMART review, production its second
        String sales = startAction(finding(period, "sales"), "sales", period);
        String production = startAction(finding(period, "production"), "production", period);
        write(sales, "sales.head");
        review(sales, true);
        write(production, "production.head");
        review(production, false);
        write(production, "production.head");
        review(production, true);
        long salesAction = actionId(sales);
        long productionAction = actionId(production);
        // the approved actions open in asynchronous jobs: their result is recorded once those have run (a
        // message to an instance a job is still moving is a concurrent change, 409 in Tasklist)
        settled(sales);
        settled(production);
        actions.recordOutcome(salesAction, ActionService.IMPROVED, "重点客户周访见效", period, "marketing.head");
        actions.recordOutcome(productionAction, ActionService.NOT_IMPROVED, "产能仍不足", period, "marketing.head");

        var answer = api.get("/api/method-health?period=" + period + "&companyCode=" + COMPANY, "secgen");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode health = answer.json();
        assertThat(health.get("period").asText()).isEqualTo(period);
        assertThat(health.get("onTimeSubmissions").asInt()).isEqualTo(3);
        assertThat(health.get("submissions").asInt()).isEqualTo(5);
        assertThat(health.get("onTimeSubmissionRate").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(health.get("approvedAtFirstReview").asInt()).isEqualTo(1);
        assertThat(health.get("reviewedActions").asInt()).isEqualTo(2);
        assertThat(health.get("smartFirstPassRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(health.get("improvedActions").asInt()).isEqualTo(1);
        assertThat(health.get("actionsWithResult").asInt()).isEqualTo(2);
        assertThat(health.get("improvementRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(health.get("tenDayReportsDue").asInt()).isZero();
        assertThat(health.get("tenDayReportPunctuality").isNull()).isTrue();
        assertThat(health.get("cycleLeadTimeDays").isNull()).isTrue();

        // the trend: twelve months, oldest first, ending with this one; the month before has nothing that counts
        JsonNode trend = api.get("/api/method-health/trend?period=" + period + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(trend).hasSize(12);
        assertThat(trend.get(11).get("onTimeSubmissionRate").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(trend.get(0).get("period").asText()).isEqualTo(Period.parse(period).minusMonths(11).toString());
        assertThat(trend.get(10).get("onTimeSubmissionRate").isNull()).isTrue();
        assertThat(trend.get(10).get("submissions").asInt()).isZero();

        // the committee's figures: an employee is refused, nobody unauthenticated, a quarter is not a month
        assertThat(api.get("/api/method-health?period=" + period + "&companyCode=" + COMPANY, "sales1").status())
                .isEqualTo(403);
        assertThat(api.get("/api/method-health?period=" + period, null).status()).isEqualTo(401);
        var quarter = api.get("/api/method-health?period=2026-Q3&companyCode=" + COMPANY, "secgen");
        assertThat(quarter.status()).isEqualTo(400);
        assertThat(quarter.body()).contains("YYYY-MM");
    }

    private void submit(String cycle, String[] department) throws Exception {
        JsonNode task = await(() -> first(api.get("/engine-rest/task?processInstanceId=" + cycle + "&taskDefinitionKey="
                + department[1] + "&firstResult=0&maxResults=5", department[0]).json()));
        var done = api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", department[0],
                Map.of("variables", Map.of(department[2], string("本月说明 " + department[1]))));
        assertThat(done.status()).as(department[1] + ": " + done.body()).isEqualTo(204);
    }

    private long finding(String period, String department) {
        return findings.create(new Finding(null, COMPANY, period, department, "SALES_AMOUNT", "销售额低于计划 12%",
                "-12%", "重点客户拜访不足", "internal", "-120 万", "加强拜访", null, department, "每周拜访重点客户",
                "sales1", "secgen", null));
    }

    private String startAction(long findingId, String department, String period) {
        return runtime.startProcessInstanceByKey("improvement-action", "F" + findingId + "-" + department, Map.of(
                "findingId", findingId, "responsibleDepartment", department, "companyCode", COMPANY,
                "period", period)).getId();
    }

    private void write(String instance, String author) throws Exception {
        JsonNode task = taskOf(instance, "Task_WriteActionForm", author);
        complete(task, author, Map.of("item", "销售额回升", "deadline",
                java.time.LocalDate.now().plusDays(40).toString(), "responsiblePerson", "sales1",
                "expectedResult", "SALES_AMOUNT 提升 15% 至 115 万", "measures", "每周拜访重点客户 3 家"));
    }

    private void review(String instance, boolean approve) throws Exception {
        JsonNode task = taskOf(instance, "Task_ReviewSmart", "marketing.head");
        Map<String, Object> checklist = new LinkedHashMap<>();
        for (String item : List.of("smartSpecific", "smartMeasurable", "smartAchievable", "smartRelevant", "smartTimeBound")) {
            checklist.put(item, approve || !"smartAchievable".equals(item));
        }
        checklist.put("reviewComment", approve ? "符合 SMART" : "可实现性不足，请调整目标");
        complete(task, "marketing.head", checklist);
    }

    private void settled(String instance) throws InterruptedException {
        await(() -> management.createJobQuery().processInstanceId(instance).executable().count() == 0 ? Boolean.TRUE : null);
    }

    private long actionId(String instance) {
        return api.get("/engine-rest/process-instance/" + instance + "/variables/actionId", ADMIN).json().get("value").asLong();
    }

    private JsonNode taskOf(String instance, String key, String user) throws Exception {
        return await(() -> first(api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                + "&firstResult=0&maxResults=5", user).json()));
    }

    private void complete(JsonNode task, String user, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : "String")));
        var response = api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static JsonNode first(JsonNode list) {
        return list.isArray() && list.size() == 1 ? list.get(0) : null;
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited 30 s in vain");
    }

    static String figures(String period) {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        csv.append(period).append(",person,HLT-P1,SALES_AMOUNT,1000000,800000\n");
        csv.append(period).append(",person,HLT-P2,SALES_AMOUNT,1000000,950000\n");
        for (String kpi : COMPANY_KPIS) {
            csv.append(period).append(",company,HLT,").append(kpi).append('\n');
        }
        return csv.toString();
    }

    static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
