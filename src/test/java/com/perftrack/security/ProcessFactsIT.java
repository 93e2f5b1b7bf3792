package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, processes keep their own facts: the attacks of the report, replayed on PostgreSQL
 * through the engine REST API. A completion or start may set only its form's fields; who appeals
 * is the signed-in person.
 */
@IntegrationTest
class ProcessFactsIT {

    static final String ADMIN = DemoCompanyFixture.ADMIN;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void companies() {
        api = new Api(port);
        DemoCompanyFixture.ensure(api, companies, identity);
    }

    @Test
    void completing_ones_own_collection_task_may_not_rewrite_the_cycles_period_or_committee() throws Exception {
        String cycle = startCycle("2019-05");
        String task = waitForTask(cycle, "Task_SubmitSalesInformation", "sales.head");

        var period = api.postJson("/engine-rest/task/" + task + "/complete", "sales.head", Map.of("variables", Map.of(
                "sales_salesSummary", string("本月完成 96%"), "period", string("2026-01"))));
        assertThat(period.status()).as(period.body()).isEqualTo(400);
        assertThat(period.json().get("type").asText()).isNotBlank();
        assertThat(period.json().get("message").asText()).contains("'period'");

        var committee = api.postJson("/engine-rest/task/" + task + "/submit-form", "sales.head", Map.of("variables",
                Map.of("committeeDepartments", Map.of("value", "[\"sales\"]", "type", "Json"))));
        assertThat(committee.status()).as(committee.body()).isEqualTo(400);
        assertThat(committee.json().get("message").asText()).contains("'committeeDepartments'");

        var direct = api.postJson("/engine-rest/task/" + task + "/variables", "sales.head", Map.of("modifications",
                Map.of("period", string("2026-01"))));
        assertThat(direct.status()).as("setting the variable beside the completion: " + direct.body()).isBetween(400, 499);
        var local = api.postJson("/engine-rest/task/" + task + "/localVariables", "sales.head", Map.of("modifications",
                Map.of("period", string("2026-01"))));
        assertThat(local.status()).as(local.body()).isBetween(400, 499);

        assertThat(variable(cycle, "period")).isEqualTo("2019-05");
        assertThat(api.get("/engine-rest/task/" + task, "sales.head").status()).as("the task is still open").isEqualTo(200);
    }

    @Test
    void tasklists_own_api_is_held_to_the_same_forms() throws Exception {
        String cycle = startCycle("2019-08");
        String task = waitForTask(cycle, "Task_SubmitSalesInformation", "sales.head");
        String forged = "{\"variables\":{\"sales_salesSummary\":{\"value\":\"ok\"},\"period\":{\"value\":\"2026-01\"}}}";
        var anonymous = TasklistSession.anonymous(port).postJson(
                "/camunda/api/engine/engine/default/task/" + task + "/submit-form", forged);
        assertThat(anonymous.statusCode()).as("nobody signed in learns nothing of the form: " + anonymous.body())
                .isIn(401, 403);
        TasklistSession sales = TasklistSession.login(port, "sales.head", "demo");

        var completion = sales.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form", forged);
        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(400);
        assertThat(completion.body()).contains("'period'");
        assertThat(variable(cycle, "period")).isEqualTo("2019-08");

        String definition = api.get("/engine-rest/process-definition/key/monthly-tracking-cycle", "secgen").json()
                .get("id").asText();
        var start = TasklistSession.login(port, "secgen", "demo").postJson(
                "/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form",
                "{\"variables\":{\"period\":{\"value\":\"2019-09\"},\"companyCode\":{\"value\":\"DEMO\"},"
                        + "\"committeeDepartments\":{\"value\":\"[]\",\"type\":\"Json\"}}}");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
        assertThat(start.body()).contains("'committeeDepartments'");
        assertThat(api.get("/engine-rest/process-instance/count?businessKey=2019-09", ADMIN).json().get("count").asInt())
                .isZero();
    }

    @Test
    void a_cycle_start_may_not_carry_variables_its_start_form_does_not_declare() {
        var response = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string("2019-07"), "companyCode", string("DEMO"),
                        "committeeDepartments", Map.of("value", "[\"sales\"]", "type", "Json"))));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("'committeeDepartments'");
        assertThat(api.get("/engine-rest/process-instance/count?businessKey=2019-07", ADMIN).json().get("count").asInt())
                .isZero();
    }

    @Test
    void the_normal_completion_with_the_forms_own_fields_still_works() throws Exception {
        String cycle = startCycle("2019-06");
        String task = waitForTask(cycle, "Task_SubmitSalesInformation", "sales.head");
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (var kpi : jdbc.sql("select code, unit from kpi where source_department = 'sales' order by code")
                .query((rs, n) -> java.util.List.of(rs.getString(1), rs.getString(2))).list()) {
            // a share is a fraction (0.1 = 10%): 10 would be a doubtful figure the department must verify
            boolean share = "percent".equals(kpi.get(1)) || "%".equals(kpi.get(1));
            figures.append("2019-06,person,DEMO-P1,").append(kpi.get(0)).append(share ? ",0.1,0.09\n" : ",10,9\n");
        }
        var imported = api.postFile("/api/imports/figures", "sales.head", "2019-06.csv",
                figures.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        var done = api.postJson("/engine-rest/task/" + task + "/complete", "sales.head", Map.of("variables", Map.of(
                "sales_salesSummary", string("本月完成 90%"), "sales_regionalPlan", string("华东区加强拜访"))));

        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(api.get("/engine-rest/task/" + task, "sales.head").status()).isEqualTo(404);
        assertThat(variable(cycle, "period")).isEqualTo("2019-06");
    }

    @Test
    void an_appeal_in_someone_elses_name_is_refused_and_a_normal_appeal_records_the_signed_in_appellant()
            throws Exception {
        publishQuarterOfAppealCompany();

        var forged = api.postJson("/engine-rest/process-definition/key/appeal/start", "ap.one", Map.of("variables", Map.of(
                "quarter", string("2018-Q3"), "reasons", string("代人申诉 on behalf"), "appellant", string("ap.two"))));
        assertThat(forged.status()).as(forged.body()).isBetween(400, 499);
        assertThat(forged.json().get("message").asText()).contains("'appellant'");
        assertThat(jdbc.sql("select count(*) from evaluation_appeal where quarter = '2018-Q3'").query(Integer.class)
                .single()).isZero();

        var appeal = api.postJson("/engine-rest/process-definition/key/appeal/start", "ap.one", Map.of("variables", Map.of(
                "quarter", string("2018-Q3"), "reasons", string("九月销售额漏记 September sales missing"))));
        assertThat(appeal.status()).as(appeal.body()).isEqualTo(200);
        String instance = appeal.json().get("id").asText();
        Map<String, Object> stored = jdbc.sql("select appellant, person_code from evaluation_appeal where process_instance_id = ?")
                .param(instance).query().singleRow();
        assertThat(stored.get("appellant")).isEqualTo("ap.one");
        assertThat(stored.get("person_code")).isEqualTo("AP1");
        assertThat(variable(instance, "appellant")).isEqualTo("ap.one");
    }

    /** APPCO: AP1 (ap.one) and AP2 (ap.two), SALES_AMOUNT 2018-07..09; HR evaluates 2018-Q3 and confirms. */
    private void publishQuarterOfAppealCompany() throws Exception {
        var org = api.postFile("/api/imports/organisation", ADMIN, "appco.csv", ("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,APPCO,申诉测试公司,,gm,,production\n"
                + "department,APPCO-SALES,销售部,APPCO,sales.head,,sales\n"
                + "person,AP1,马芳,APPCO-SALES,ap.one,,employee\n"
                + "person,AP2,朱超,APPCO-SALES,ap.two,,employee\n").getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        companies.ensureCompany("APPCO", "申诉测试公司");
        for (String member : List.of("gm", "hr.head", "sales.head", "ap.one", "ap.two")) {
            companies.addMember("APPCO", member);
        }
        // the appellants are people of APPCO alone (a user who is a person in two companies would
        // appeal in the default company); the import creates them without a password
        for (String person : List.of("ap.one", "ap.two")) {
            var user = identity.createUserQuery().userId(person).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
        if (published("2018-Q3")) {
            return;
        }
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String month : List.of("2018-07", "2018-08", "2018-09")) {
            figures.append(month).append(",person,AP1,SALES_AMOUNT,100,90\n");
            figures.append(month).append(",person,AP2,SALES_AMOUNT,100,110\n");
        }
        var imported = api.postFile("/api/imports/figures", "sales.head", "appco.csv",
                figures.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var start = api.postJson("/engine-rest/process-definition/key/quarterly-evaluation/start", "hr.head",
                Map.of("variables", Map.of("quarter", string("2018-Q3"), "companyCode", string("APPCO"))));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        String confirm = waitForTask(start.json().get("id").asText(), "Task_ConfirmProposals", "hr.head");
        var confirmed = api.postJson("/engine-rest/task/" + confirm + "/complete", "hr.head",
                Map.of("variables", Map.of("hrDecision", string("confirm"))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        for (int i = 0; i < 150 && !published("2018-Q3"); i++) {
            Thread.sleep(200);
        }
        assertThat(published("2018-Q3")).as("2018-Q3 published").isTrue();
    }

    private boolean published(String quarter) {
        Optional<String> state = jdbc.sql("select state from evaluation_run where quarter = ? and company_code = 'APPCO'")
                .param(quarter).query(String.class).optional();
        return state.filter("published"::equals).isPresent();
    }

    private String startCycle(String period) {
        var response = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(period), "companyCode", string("DEMO"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private String variable(String instance, String name) {
        var response = api.get("/engine-rest/process-instance/" + instance + "/variables/" + name, ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("value").asText();
    }

    private String waitForTask(String instance, String key, String user) throws InterruptedException {
        String last = "";
        for (int i = 0; i < 150; i++) {
            var tasks = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user);
            last = tasks.status() + " " + tasks.body();
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                JsonNode first = tasks.json().get(0);
                return first.get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " for " + user + " in " + instance + "; last answer: " + last);
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }
}
