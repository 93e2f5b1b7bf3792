package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 360° feedback through the public interfaces (issue 17, SPEC.md section 7). Company F36: the sales
 * department (head f36.head) with F36-P1 (f36.p1) and three peers F36-P2..P4 (f36.p2..p4). HR opens the
 * round of 2011-Q4 for F36-P1; five raters answer over the engine REST API, as themselves:
 * <ul>
 * <li>self 4,4,4,4 (sum 16); manager 5,4,4,5 (18); peers 3,4,4,3 (14), 5,5,5,5 (20), 4,3,4,4 (15).</li>
 * <li>Mean = (16 + 18 + 14 + 20 + 15) / 20 = 83 / 20 = 4.15; peers (14 + 20 + 15) / 12 = 49 / 12 = 4.0833
 *     (three peers: shown); self 4.0; manager 4.5. Duties 21 / 5 = 4.2, goals 20 / 5 = 4.0, teamwork 21 / 5
 *     = 4.2, contribution 21 / 5 = 4.2.</li>
 * <li>FEEDBACK_360 of 2011-12: actual 4.15, target 4.0, attainment 4.15 / 4.0 = 1.0375.</li>
 * <li>F36-P1's only other KPI: SALES_AMOUNT target 100, actual 90 every month of Q4: attainment 0.9.
 *     Without a weight for FEEDBACK_360 (the section 4 defaults) the score stays 0.9000; with the weight
 *     set SALES_AMOUNT 80, FEEDBACK_360 20 from 2011-Q4 it becomes (0.9 × 80 + 1.0375 × 20) / 100 =
 *     (72 + 20.75) / 100 = 0.9275, a move of +0.0275.</li>
 * </ul>
 */
@IntegrationTest
class Feedback360IT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String COMPANY = "F36";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,F36,反馈公司,,gm,,production\n"
            + "department,F36-SALES,销售部,F36,f36.head,,sales\n"
            + "person,F36-P1,周明,F36-SALES,f36.p1,,employee\n"
            + "person,F36-P2,吴婷,F36-SALES,f36.p2,,employee\n"
            + "person,F36-P3,郑磊,F36-SALES,f36.p3,,employee\n"
            + "person,F36-P4,王静,F36-SALES,f36.p4,,employee\n";
    static final Map<String, int[]> ANSWERS = Map.of("f36.p1", new int[] {4, 4, 4, 4}, "f36.head", new int[] {5, 4, 4, 5},
            "f36.p2", new int[] {3, 4, 4, 3}, "f36.p3", new int[] {5, 5, 5, 5}, "f36.p4", new int[] {4, 3, 4, 4});

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EvaluationCalculator calculator;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void five_raters_give_the_hand_computed_feedback_360_which_moves_the_score_only_with_a_weight() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        ok(api.postFile("/api/imports/organisation", ADMIN, "f36.csv", bytes(ORGANISATION)));
        for (String user : ANSWERS.keySet()) {
            var u = identity.createUserQuery().userId(user).singleResult();
            u.setPassword("demo");
            identity.saveUser(u);
        }
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String month : new String[] {"2011-10", "2011-11", "2011-12"}) {
            figures.append(month).append(",person,F36-P1,SALES_AMOUNT,100,90\n");
        }
        ok(api.postFile("/api/imports/figures", ADMIN, "f36-q4.csv", bytes(figures.toString())));
        assertThat(score()).as("sales only").isEqualByComparingTo("0.9000");

        assertThat(start(api, "sales1", "F36-P1").status()).as("only HR opens a round").isEqualTo(403);
        var started = start(api, "hr.head", "F36-P1, F36-NOBODY");
        assertThat(started.status()).as("a refusal, nothing starts").isEqualTo(422);
        assertThat(started.body()).contains("公司 F36 没有人员 F36-NOBODY");
        started = start(api, "hr.head", "F36-P1");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(start(api, "hr.head", "F36-P1").body()).as("one round per company and quarter")
                .contains("has already been opened");

        for (var answer : ANSWERS.entrySet()) {
            String task = waitForTask(api, instance, answer.getKey());
            int[] s = answer.getValue();
            var done = api.postJson("/engine-rest/task/" + task + "/complete", answer.getKey(), Map.of("variables",
                    Map.of("scoreDuty", var(s[0]), "scoreGoals", var(s[1]), "scoreTeamwork", var(s[2]),
                            "scoreContribution", var(s[3]), "ratingComment", var("认真负责 reliable"))));
            assertThat(done.status()).as(done.body()).isEqualTo(204);
        }
        for (int i = 0; i < 150 && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0; i++) {
            Thread.sleep(200);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("round closed").isZero();

        JsonNode figure = only(api.get("/api/figures?period=2011-12&unitType=person&unitCode=F36-P1", ADMIN).json(),
                "FEEDBACK_360");
        assertThat(figure.get("actual").decimalValue()).isEqualByComparingTo("4.15");
        assertThat(figure.get("target").decimalValue()).isEqualByComparingTo("4.0");
        JsonNode result = only(api.get("/api/kpi-results?period=2011-12&unitType=person&unitCode=F36-P1", ADMIN).json(),
                "FEEDBACK_360");
        assertThat(result.get("attainment").decimalValue()).isEqualByComparingTo("1.0375");
        assertThat(score()).as("FEEDBACK_360 has no default weight: nothing changes").isEqualByComparingTo("0.9000");

        var read = api.get("/api/feedback-360?quarter=2011-Q4", "hr.head");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode row = person(read.json(), "F36-P1");
        assertThat(row.get("mean").decimalValue()).isEqualByComparingTo("4.15");
        assertThat(row.get("raters").asInt()).isEqualTo(5);
        assertThat(row.get("byType").get("self").get("mean").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(row.get("byType").get("manager").get("mean").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(row.get("byType").get("peer").get("mean").decimalValue()).isEqualByComparingTo("4.0833");
        assertThat(row.get("byDimension").get("duty").decimalValue()).isEqualByComparingTo("4.2");
        assertThat(row.get("byDimension").get("goals").decimalValue()).isEqualByComparingTo("4.0");
        var own = api.get("/api/feedback-360?quarter=2011-Q4", "f36.p1");
        assertThat(own.status()).isEqualTo(200);
        assertThat(person(own.json(), "F36-P1").get("mean").decimalValue()).isEqualByComparingTo("4.15");
        assertThat(api.get("/api/feedback-360?quarter=2011-Q4", "f36.p2").json()).as("a peer sees nobody else's").isEmpty();
        assertThat(person(api.get("/api/feedback-360?quarter=2011-Q4", "f36.head").json(), "F36-P1")).isNotNull();
        assertThat(api.get("/api/feedback-360?quarter=2011-Q4", "quality.head").status()).isEqualTo(403);
        assertThat(api.get("/api/feedback-360?quarter=2011-4", "hr.head").status()).isEqualTo(400);
        assertThat(api.get("/api/archive/F36-P1", "hr.head").body()).contains("360度反馈 2011-Q4：均值 4.15");

        ok(api.postFile("/api/imports/kpi-weights", ADMIN, "f36-weights.csv", bytes(
                "company_code,role,kpi_code,weight,valid_from\nF36,employee,SALES_AMOUNT,80,2011-Q4\n"
                        + "F36,employee,FEEDBACK_360,20,2011-Q4\n")));
        assertThat(score()).as("(0.9 × 80 + 1.0375 × 20) / 100").isEqualByComparingTo("0.9275");
    }

    private BigDecimal score() {
        return calculator.company(COMPANY, Quarter.parse("2011-Q4")).stream()
                .filter(e -> e.personCode().equals("F36-P1")).findFirst().orElseThrow().score();
    }

    private static Api.Response start(Api api, String user, String persons) {
        return api.postJson("/engine-rest/process-definition/key/feedback-360/start", user, Map.of("variables",
                Map.of("quarter", var("2011-Q4"), "companyCode", var(COMPANY), "personCodes", var(persons))));
    }

    private String waitForTask(Api api, String instance, String user) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var tasks = taskService.createTaskQuery().processInstanceId(instance).taskAssignee(user).list();
            if (!tasks.isEmpty()) {
                var seen = api.get("/engine-rest/task?processInstanceId=" + instance + "&firstResult=0&maxResults=50", user);
                assertThat(seen.body()).as(user + " sees the task in the engine API").contains(tasks.get(0).getId());
                return tasks.get(0).getId();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 360° task for " + user + ": "
                + taskService.createTaskQuery().processInstanceId(instance).list());
    }

    private static JsonNode only(JsonNode rows, String kpi) {
        List<JsonNode> found = new java.util.ArrayList<>();
        rows.forEach(r -> {
            if (kpi.equals(r.get("kpiCode").asText())) {
                found.add(r);
            }
        });
        assertThat(found).as(kpi + " in " + rows).hasSize(1);
        return found.get(0);
    }

    private static JsonNode person(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (code.equals(r.get("personCode").asText())) {
                return r;
            }
        }
        throw new AssertionError("no " + code + " in " + rows);
    }

    private static Map<String, Object> var(Object value) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("value", value);
        return typed;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
