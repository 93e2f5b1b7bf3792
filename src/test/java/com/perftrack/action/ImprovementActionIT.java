package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The improvement action on PostgreSQL with the job executor running: started with the engine's
 * RuntimeService as the cycle's delegate does (its start event has no form, so /engine-rest accepts
 * no start variables for it — issue 10), written and reviewed by the demo users, its ten-day timers
 * visible in /engine-rest/job?timers=true, its data in /api/actions, closed by the outcome.
 */
@IntegrationTest
class ImprovementActionIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String COMPANY = "ACTIT";
    static final String SCHEDULER = "monthly-cycle-scheduler";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    FindingService findings;
    @Autowired
    ActionService actions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        // employees of the company (an organisation import would make them members)
        List.of("sales1", "sales2").forEach(user -> companies.addMember(COMPANY, user));
        // moving the clock to 2028 must not let the monthly scheduler open cycles in the shared database
        management.suspendJobDefinitionByProcessDefinitionKey(SCHEDULER, true);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2028-02-05T10:00:00+08:00").toInstant()));
        unit(COMPANY, "company", null, "gm", "production");
        unit(COMPANY + "-SALES", "department", COMPANY, "sales.head", "sales");
        unit(COMPANY + "-MKT", "department", COMPANY, "marketing.head", "marketing");
        unit(COMPANY + "-PROD", "department", COMPANY, "production.head", "production");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        management.activateJobDefinitionByProcessDefinitionKey(SCHEDULER, true);
    }

    @Test
    void an_action_opened_on_5_february_2028_has_its_first_report_timer_on_10_february() {
        long findingId = finding("sales");
        String instance = start(findingId, "sales");

        JsonNode write = awaitTask(instance, "Task_WriteActionForm", "sales.head");
        assertThat(write.get("assignee").asText()).isEqualTo("sales.head");
        complete(write, "sales.head", Map.of("item", "华东区销售额回升", "deadline", "2028-03-31",
                "responsiblePerson", "sales1", "expectedResult", "SALES_AMOUNT 提升 15% 至 115 万",
                "measures", "每周拜访重点客户 3 家"));
        JsonNode review = awaitTask(instance, "Task_ReviewSmart", "marketing.head");
        Map<String, Object> checklist = new LinkedHashMap<>();
        for (String item : List.of("smartSpecific", "smartMeasurable", "smartAchievable", "smartRelevant", "smartTimeBound")) {
            checklist.put(item, true);
        }
        checklist.put("reviewComment", "符合 SMART");
        complete(review, "marketing.head", checklist);

        // one ten-day date at a time: the first timer is 10 February, the next is planned when it fires
        List<String> timers = await(() -> {
            List<String> dates = new ArrayList<>();
            api.get("/engine-rest/job?timers=true&activityId=Timer_NextReportDue&processInstanceId=" + instance
                    + "&sortBy=jobDueDate&sortOrder=asc&firstResult=0&maxResults=50", ADMIN).json().forEach(j -> dates.add(j.get("dueDate").asText()));
            return dates.size() == 1 ? dates : null;
        });
        assertThat(timers).extracting(d -> d.substring(0, 16)).containsExactly("2028-02-10T09:00");

        long actionId = api.get("/engine-rest/process-instance/" + instance + "/variables/actionId", ADMIN).json()
                .get("value").asLong();
        JsonNode open = api.get("/api/actions?status=open&department=sales&owner=sales.head", "secgen").json();
        JsonNode listed = find(open, actionId);
        assertThat(listed).as(open.toString()).isNotNull();
        assertThat(listed.get("status").asText()).isEqualTo("OPEN");
        assertThat(listed.get("deadline").asText()).isEqualTo("2028-03-31");
        assertThat(listed.get("findingId").asLong()).isEqualTo(findingId);
        assertThat(listed.get("expectedResult").asText()).isEqualTo("SALES_AMOUNT 提升 15% 至 115 万");

        // the employee named responsible sees it with its reports; another employee does not
        var details = api.get("/api/actions/" + actionId, "sales1");
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.json().get("reports").isArray()).isTrue();
        assertThat(details.json().get("responsiblePerson").asText()).isEqualTo("sales1");
        assertThat(api.get("/api/actions/" + actionId, "sales2").status()).isEqualTo(404);
        assertThat(find(api.get("/api/actions", "sales2").json(), actionId)).isNull();
        assertThat(api.get("/api/actions?status=maybe", "secgen").status()).isEqualTo(400);

        actions.recordOutcome(actionId, "IMPROVED", "经验分享：重点客户周访", "2028-02", "marketing.head");
        JsonNode done = await(() -> {
            JsonNode a = api.get("/api/actions/" + actionId, "secgen").json();
            boolean ended = api.get("/engine-rest/process-instance/count?processInstanceIds=" + instance, ADMIN).json()
                    .get("count").asInt() == 0;
            return ended ? a : null;
        });
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("outcome").asText()).isEqualTo("IMPROVED");
        assertThat(jdbc.sql("select count(*) from archive_entry where entry_key like ?").param("ACTION_OUTCOME:" + actionId + ":%")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void a_cross_department_action_is_owned_by_the_general_manager_and_each_part_written_by_its_manager() {
        long findingId = finding("sales,production");
        String salesPart = start(findingId, "sales");
        String productionPart = start(findingId, "production");
        assertThat(awaitTask(salesPart, "Task_WriteActionForm", "sales.head").get("assignee").asText()).isEqualTo("sales.head");
        assertThat(awaitTask(productionPart, "Task_WriteActionForm", "production.head").get("assignee").asText())
                .isEqualTo("production.head");
        JsonNode parts = api.get("/api/actions?owner=gm", "gm").json();
        List<String> departments = new ArrayList<>();
        parts.forEach(a -> {
            if (a.get("findingId").asLong() == findingId) {
                departments.add(a.get("responsibleDepartment").asText());
                assertThat(a.get("crossDepartment").asBoolean()).isTrue();
            }
        });
        assertThat(departments).containsExactlyInAnyOrder("sales", "production");
    }

    // --- helpers ---

    private void unit(String code, String type, String parent, String userId, String role) {
        jdbc.sql("delete from org_unit where code = ?").param(code).update();
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, email, role, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, null, ?, current_timestamp)")
                .params(code, type, code, parent, COMPANY, userId, role).update();
    }

    private long finding(String departments) {
        return findings.create(new Finding(null, COMPANY, "2028-01", "sales", "SALES_AMOUNT", "华东区销售额低于计划 12%",
                "-12%", "重点客户拜访不足", "internal", "-120 万", "加强拜访", null, departments, "每周拜访重点客户",
                "sales1", "secgen", null));
    }

    private String start(long findingId, String department) {
        return runtime.startProcessInstanceByKey("improvement-action", "F" + findingId + "-" + department, Map.of(
                "findingId", findingId, "responsibleDepartment", department, "companyCode", COMPANY,
                "period", "2028-01")).getId();
    }

    private JsonNode awaitTask(String instance, String key, String user) {
        String[] last = {""};
        try {
            return await(() -> {
                var response = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key + "&firstResult=0&maxResults=50", user);
                last[0] = response.status() + " " + response.body();
                JsonNode tasks = response.json();
                return tasks.size() == 1 ? tasks.get(0) : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError("no task " + key + " for " + user + "; last answer: " + last[0], e);
        }
    }

    private void complete(JsonNode task, String user, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : "String")));
        var response = api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static JsonNode find(JsonNode list, long actionId) {
        for (JsonNode a : list) {
            if (a.get("actionId").asLong() == actionId) {
                return a;
            }
        }
        return null;
    }

    private static <T> T await(Supplier<T> probe) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not reached within 30 s");
    }
}
