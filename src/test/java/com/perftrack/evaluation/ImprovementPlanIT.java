package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Improvement plans end to end on PostgreSQL through the REST APIs as the demo users (issue 17).
 * Company PLANCO (imported), sales department (head sales.head): PL1 (user plan.p1) sells 90, 95, 90 of
 * 100 a month in 2017-Q1..Q3 → below target 1, 2 (WARNING), 3 (FINE); PL2 (plan.p2) 120, 130, 120. Own
 * users, so other ITs' employees see no extra people. The plan's timers are executed by hand, before
 * their dates.
 */
@IntegrationTest
class ImprovementPlanIT {


    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    com.perftrack.calendar.BusinessCalendar calendar;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    Api api;

    static final String ADMIN = "admin:it-admin-secret";

    @BeforeEach
    void company() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "PLANCO");
        var imported = api.postFile("/api/imports/organisation", ADMIN, "planco.csv", ("unit_type,code,name,parent_code,"
                + "user_id,email,role\ncompany,PLANCO,计划公司,,gm,,production\ndepartment,PLANCO-SALES,销售部,PLANCO,"
                + "sales.head,,sales\nperson,PL1,PL1,PLANCO-SALES,plan.p1,,employee\nperson,PL2,PL2,PLANCO-SALES,plan.p2,,"
                + "employee\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (String id : List.of("plan.p1", "plan.p2")) {
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
        int[][] actuals = {{90, 95, 90}, {120, 130, 120}};
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 3; q++) {
                for (int m = 1; m <= 3; m++) {
                    jdbc.sql("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, imported_at) "
                                    + "values (?, 'person', ?, 'SALES_AMOUNT', 100, ?, ?)")
                            .params(String.format("2017-%02d", q * 3 + m), "PL" + (p + 1),
                                    BigDecimal.valueOf(actuals[p][q]), Timestamp.from(Instant.now())).update();
                }
            }
        }
    }

    @Test
    void a_confirmed_warning_starts_a_plan_whose_failure_the_fine_decision_shows_and_termination_needs() throws Exception {
        confirm(start("2017-Q1"));
        confirm(start("2017-Q2")); // PL1's second quarter below target: the WARNING is confirmed and published

        String plan = waitForPlan("2017-Q2:PL1");
        String agree = waitForTask(plan, "Task_AgreeGoals", "sales.head");
        String end = calendar.today().plusDays(45).toString();
        var bad = complete(agree, "sales.head", Map.of("goalsComment", "多拜访客户", "targetIndicator", "月销售额",
                "targetValue", 100, "planEndDate", end));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("message").asText()).contains("改进目标须写明可量化的数字").doesNotContain("ENGINE-");
        assertThat(complete(agree, "sales.head", Map.of("goalsComment", "月销售额达到 100（万元）",
                "targetIndicator", "月销售额 monthly sales", "targetValue", 100, "supportComment", "每周陪访",
                "planEndDate", end)).status()).isEqualTo(204);

        // two ten-day check-ins by PL1 (plan.p1): the first two 旬 dates (their timers executed now)
        fire(plan, "Timer_CheckInDue");
        assertThat(complete(waitForTask(plan, "Task_CheckIn", "plan.p1"), "plan.p1",
                Map.of("checkInValue", 70, "checkInComment", "拜访 6 家客户")).status()).isEqualTo(204);
        fire(plan, "Timer_CheckInDue");
        assertThat(complete(waitForTask(plan, "Task_CheckIn", "plan.p1"), "plan.p1",
                Map.of("checkInValue", 82.5, "checkInComment", "签约 1 家")).status()).isEqualTo(204);
        // the first month-end assessment (45 days hold at least one); the later check-ins stay unfiled
        fire(plan, "Timer_AssessmentDue");
        assertThat(complete(waitForTask(plan, "Task_AssessMonth", "sales.head"), "sales.head",
                Map.of("assessmentVerdict", "behind", "assessmentComment", "本月 82.5，落后")).status()).isEqualTo(204);
        fire(plan, "Timer_PlanEnds");
        assertThat(complete(waitForTask(plan, "Task_RecordResult", "sales.head"), "sales.head",
                Map.of("planResult", "failed", "resultComment", "四月中仍只有 85，未达到 100")).status()).isEqualTo(204);

        var plans = api.get("/api/improvement-plans?personCode=PL1", "plan.p1");
        assertThat(plans.status()).as(plans.body()).isEqualTo(200);
        JsonNode stored = plans.json().get(0);
        assertThat(stored.get("state").asText()).isEqualTo("failed");
        assertThat(stored.get("quarter").asText()).isEqualTo("2017-Q2");
        assertThat(stored.get("endDate").asText()).isEqualTo(end);
        assertThat(stored.get("entries")).hasSize(3);
        List<String> values = new ArrayList<>();
        stored.get("entries").forEach(e -> values.add(e.get("kind").asText() + ":" + (e.get("value").isNull() ? ""
                : e.get("value").decimalValue().stripTrailingZeros().toPlainString())));
        assertThat(values).as("by date; the assessment's month end may fall before or after the check-ins")
                .containsExactlyInAnyOrder("check_in:70", "check_in:82.5", "assessment:");
        assertThat(api.get("/api/improvement-plans?personCode=PL1", "sales.head").status()).as("the head").isEqualTo(200);
        assertThat(api.get("/api/improvement-plans?personCode=PL1", "hr.head").status()).isEqualTo(200);
        var other = api.get("/api/improvement-plans?personCode=PL1", "plan.p2");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).contains("只能查看本人或本人所管理人员的改进计划");
        assertThat(api.get("/api/improvement-plans?personCode=NOBODY", "hr.head").status()).isEqualTo(404);
        var missing = api.get("/api/improvement-plans", "hr.head");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("personCode");
        var archive = api.get("/api/archive/PL1", "plan.p1").body();
        assertThat(archive).contains("PLAN_START:").contains("PLAN_ASSESSMENT:").contains("PLAN_END:");

        // Q3: PL1's third quarter below target → FINE; HR's and the general manager's tasks show the plan
        String q3 = start("2017-Q3");
        String confirm = waitForTask(q3, "Task_ConfirmProposals", "hr.head");
        List<String> steps = steps(q3, "planTable");
        // the plan first, its result last; the month end's assessment sits among the check-ins by date
        assertThat(steps).hasSize(5).startsWith("改进计划 Plan（2017-Q2 警告）").endsWith("结果 Result")
                .containsExactlyInAnyOrder("改进计划 Plan（2017-Q2 警告）", "旬报 Check-in", "旬报 Check-in",
                        "月度评估 Assessment", "结果 Result");
        // termination of PL2, who has no failed plan, is refused with one sentence; PL1's is accepted
        var refused = complete(confirm, "hr.head", Map.of("hrDecision", "confirm", "terminationPersonCode", "PL2"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("人员 PL2 没有未达成的改进计划，不能提出解除劳动关系评审")
                .doesNotContain("ENGINE-").doesNotContain("TaskListener");
        assertThat(complete(confirm, "hr.head", Map.of("hrDecision", "confirm", "terminationPersonCode", "PL1"))
                .status()).isEqualTo(204);
        waitForTask(q3, "Task_ApproveDisciplinary", "gm");
        assertThat(steps(q3, "planTable")).as("the general manager sees it too").hasSize(5);
        assertThat(steps(q3, "terminationPlanTable")).hasSize(5);
        assertThat(variable(q3, "terminationBasis").asText()).isEqualTo("改进计划未达成 The improvement plan failed");
    }

    private String start(String quarter) {
        var response = api.postJson("/engine-rest/process-definition/key/quarterly-evaluation/start", "hr.head",
                Map.of("variables", Map.of("quarter", var(quarter), "companyCode", var("PLANCO"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private void confirm(String instance) throws InterruptedException {
        assertThat(complete(waitForTask(instance, "Task_ConfirmProposals", "hr.head"), "hr.head",
                Map.of("hrDecision", "confirm")).status()).isEqualTo(204);
        for (int i = 0; i < 150 && api.get("/engine-rest/process-instance/" + instance, "hr.head").status() == 200; i++) {
            runDueJobs(instance);
            Thread.sleep(200);
        }
    }

    private String waitForPlan(String businessKey) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var found = api.get("/engine-rest/process-instance?processDefinitionKey=improvement-plan&businessKey="
                    + businessKey + "&firstResult=0&maxResults=50", "admin:it-admin-secret");
            if (found.status() == 200 && found.json().size() == 1) {
                String id = found.json().get(0).get("id").asText();
                runDueJobs(id);
                return id;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no improvement plan " + businessKey);
    }

    /** Executes the earliest timer of the activity now, before its date: the plan's calendar, driven by hand. */
    private void fire(String instance, String activityId) {
        var timers = management.createJobQuery().processInstanceId(instance).activityId(activityId).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).as("a timer at " + activityId).isNotEmpty();
        management.executeJob(timers.get(0).getId());
    }

    /**
     * The async steps (calculation, publication, the plan's opening) of this instance that the job
     * executor has not taken yet, executed now: under the moved clock the executor may be slow to see
     * them. A step the executor runs at the same moment fails here and stands there.
     */
    private void runDueJobs(String instance) {
        for (var job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            if (job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
                    && entity.getLockOwner() != null) {
                continue;
            }
            try {
                management.executeJob(job.getId());
            } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                // taken by the job executor meanwhile: its own run decides (an incident would leave no task)
            }
        }
    }

    private String waitForTask(String instance, String key, String user) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            runDueJobs(instance);
            var tasks = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user);
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                return tasks.json().get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " for " + user + " in " + instance);
    }

    private Api.Response complete(String taskId, String user, Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, var(v)));
        return api.postJson("/engine-rest/task/" + taskId + "/complete", user, Map.of("variables", typed));
    }

    private JsonNode variable(String instance, String name) {
        var response = api.get("/engine-rest/process-instance/" + instance + "/variables/" + name, "admin:it-admin-secret");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("value");
    }

    /** The "step" column of a Json table the form shows (read through the engine's API). */
    @SuppressWarnings("unchecked")
    private List<String> steps(String instance, String table) {
        var value = (org.camunda.spin.json.SpinJsonNode) runtime.getVariable(instance, table);
        List<String> steps = new ArrayList<>();
        ((List<Map<String, Object>>) value.mapTo(List.class)).forEach(r -> steps.add(String.valueOf(r.get("step"))));
        return steps;
    }

    private static Map<String, Object> var(Object value) {
        return Map.of("value", value);
    }

}
