package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack of issue 10, replayed: a second company (ACME) imported beside DEMO must not see,
 * claim or read anything of DEMO's, and an employee sees their own person rows and the company
 * totals only, on every endpoint alike.
 */
@IntegrationTest
class TenancyIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String PASSWORD = "acme-Secret-42";
    static final String ACME_GM = "acme.gm:" + PASSWORD;
    static final String ACME_HR = "acme.hr:" + PASSWORD;
    static final String ACME_SALES = "acme.sales:" + PASSWORD;
    static final String ACME_REP = "acme.rep:" + PASSWORD;
    static final String PERIOD = "2021-05";
    static final String QUARTER = "2021-Q2";
    static final String PAGE = "&firstResult=0&maxResults=50";

    static final String ACME = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,ACME,Acme 公司,,acme.gm,,distribution\n"
            + "department,ACME-SALES,Acme 销售部,ACME,acme.sales,,sales\n"
            + "department,ACME-HR,Acme 人力资源部,ACME,acme.hr,,hr\n"
            + "person,ACME-P1,Acme 销售员,ACME-SALES,acme.rep,,employee\n";
    static final String DEMO = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,DEMO,演示公司,,gm,,production\n"
            + "department,TEN-DEMO-SALES,演示销售部,DEMO,sales.head,,sales\n"
            + "department,TEN-DEMO-HR,演示人力资源部,DEMO,hr.head,,hr\n"
            + "person,TEN-DEMO-P1,马芳,TEN-DEMO-SALES,sales1,,employee\n"
            + "person,TEN-DEMO-P2,朱超,TEN-DEMO-SALES,sales2,,employee\n";

    private static String demoCycle;
    private static long demoActionId;

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    FindingService findings;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    OrganisationService organisation;
    Api api;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new Api(port);
        if (demoCycle != null) {
            return;
        }
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "demo.csv", bytes(DEMO)).status()).isEqualTo(200);
        var acme = api.postFile("/api/imports/organisation", ADMIN, "acme.csv", bytes(ACME));
        assertThat(acme.status()).as(acme.body()).isEqualTo(200);
        for (String user : List.of("acme.gm", "acme.hr", "acme.sales", "acme.rep")) {
            User stored = identityService.createUserQuery().userId(user).singleResult();
            stored.setPassword(PASSWORD);
            identityService.saveUser(stored);
        }
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String month : List.of("2021-04", PERIOD, "2021-06")) {
            figures.append(month).append(",person,TEN-DEMO-P1,SALES_AMOUNT,100,90\n")
                    .append(month).append(",person,TEN-DEMO-P2,SALES_AMOUNT,100,120\n")
                    .append(month).append(",person,TEN-DEMO-P2,NEW_CUSTOMERS,10,\n")
                    .append(month).append(",company,DEMO,COMPLAINTS,5,4\n")
                    .append(month).append(",person,ACME-P1,SALES_AMOUNT,50,60\n")
                    .append(month).append(",company,ACME,COMPLAINTS,3,3\n");
        }
        var imported = api.postFile("/api/imports/figures", ADMIN, "tenancy.csv", bytes(figures.toString()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", string(PERIOD))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        demoCycle = started.json().get("id").asText();

        long findingId = findings.create(new Finding(null, "DEMO", PERIOD, "sales", "SALES_AMOUNT", "演示公司销售额偏低",
                "-10%", "拜访不足", "internal", "-10 万", "加强拜访", null, "sales", "每周拜访", "sales1", "secgen", null));
        // as the cycle's delegate starts it: the action's start event has no form, so REST may not set its variables
        var action = runtimeService.startProcessInstanceByKey("improvement-action", "F" + findingId + "-sales",
                Map.of("findingId", findingId, "responsibleDepartment", "sales", "companyCode", "DEMO", "period", PERIOD));
        assertThat(action.getTenantId()).isEqualTo("DEMO");
        for (int i = 0; i < 100 && demoActionId == 0; i++) {
            for (JsonNode a : ok("/api/actions", "sales.head")) {
                if (a.get("findingId").asLong() == findingId) {
                    demoActionId = a.get("actionId").asLong();
                }
            }
            Thread.sleep(100);
        }
        assertThat(demoActionId).as("DEMO's action is listed for DEMO's sales head").isPositive();
    }

    @Test
    void another_companys_sales_head_neither_sees_nor_claims_nor_reads_the_demo_sales_task() throws Exception {
        JsonNode task = waitForTask("sales.head", "Task_SubmitSalesInformation");
        String taskId = task.get("id").asText();
        assertThat(task.get("tenantId").asText()).isEqualTo("DEMO");

        assertThat(ok("/engine-rest/task?processInstanceId=" + demoCycle + PAGE, ACME_SALES)).isEmpty();
        assertThat(ok("/engine-rest/task?firstResult=0&maxResults=1000", ACME_SALES).findValuesAsText("tenantId"))
                .as("no task of another company").allMatch("ACME"::equals);
        assertThat(ok("/engine-rest/task?firstResult=0&maxResults=1000", "sales.head").findValuesAsText("processInstanceId"))
                .contains(demoCycle);
        assertThat(ok("/engine-rest/task?candidateGroup=sales&firstResult=0&maxResults=500", ACME_SALES)
                .findValuesAsText("processInstanceId")).doesNotContain(demoCycle);
        // the engine's tenant check refuses the read (TenantRefusalMapper: 403, not the engine's 500)
        var variables = api.get("/engine-rest/task/" + taskId + "/variables", ACME_SALES);
        assertThat(variables.status()).as(variables.body()).isEqualTo(403);
        assertThat(variables.body()).contains("tenant").doesNotContain(PERIOD);
        var instanceVariables = api.get("/engine-rest/process-instance/" + demoCycle + "/variables", ACME_SALES);
        assertThat(instanceVariables.status()).as(instanceVariables.body()).isIn(403, 404);
        assertThat(instanceVariables.body()).doesNotContain(PERIOD);
        assertThat(ok("/engine-rest/history/process-instance?processInstanceId=" + demoCycle + PAGE, ACME_SALES)).isEmpty();
        assertThat(ok("/engine-rest/history/variable-instance?processInstanceId=" + demoCycle + PAGE, ACME_SALES)).isEmpty();

        var claim = api.postJson("/engine-rest/task/" + taskId + "/claim", ACME_SALES, Map.of("userId", "acme.sales"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("tenant");
        assertThat(ok("/engine-rest/task/" + taskId, "sales.head").get("assignee").isNull())
                .as("the DEMO task is still unclaimed").isTrue();
        assertThat(api.get("/engine-rest/task/" + taskId + "/variables", "sales.head").status())
                .as("DEMO's own sales head reads it as before").isEqualTo(200);
    }

    @Test
    void another_company_may_not_start_a_process_for_demo() {
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", ACME_GM,
                Map.of("variables", Map.of("period", string("2021-03"), "companyCode", string("DEMO"))));
        assertThat(started.status()).as(started.body()).isNotEqualTo(200);
        assertThat(ok("/engine-rest/history/process-instance?processDefinitionKey=monthly-tracking-cycle"
                + "&processInstanceBusinessKey=2021-03" + PAGE, ADMIN)).isEmpty();
    }

    @Test
    void a_special_award_is_proposed_only_for_the_proposers_own_company() {
        for (Map<String, Object> company : List.<Map<String, Object>>of(Map.of(), Map.of("companyCode", string("DEMO")))) {
            Map<String, Object> variables = new java.util.HashMap<>(company);
            variables.put("awardPersonCode", string("TEN-DEMO-P1"));
            variables.put("awardContribution", string("大客户签约 key account won"));
            variables.put("awardProposal", string("奖金 bonus"));
            var refused = api.postJson("/engine-rest/process-definition/key/special-contribution-award/start", ACME_GM,
                    Map.of("variables", variables));
            assertThat(refused.status()).as(company + " → " + refused.body()).isNotEqualTo(200);
        }
        assertThat(ok("/engine-rest/history/process-instance?processDefinitionKey=special-contribution-award"
                + "&processInstanceBusinessKey=TEN-DEMO-P1" + PAGE, ADMIN)).isEmpty();

        var own = api.postJson("/engine-rest/process-definition/key/special-contribution-award/start", ACME_GM,
                Map.of("variables", Map.of("awardPersonCode", string("ACME-P1"),
                        "awardContribution", string("大客户签约 key account won"), "awardProposal", string("奖金 bonus"))));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("tenantId").asText()).isEqualTo("ACME");
    }

    @Test
    void another_company_reads_none_of_demos_figures_results_or_data_gaps() {
        for (String endpoint : List.of("/api/figures", "/api/kpi-results", "/api/data-gaps")) {
            JsonNode acmeRows = ok(endpoint + "?period=" + PERIOD, ACME_SALES);
            assertThat(units(acmeRows)).as(endpoint + " for ACME").isNotEmpty()
                    .allMatch(u -> u.startsWith("ACME")).doesNotContain("DEMO", "TEN-DEMO-P1");
            JsonNode demoRows = ok(endpoint + "?period=" + PERIOD, "sales.head");
            assertThat(units(demoRows)).as(endpoint + " for DEMO").contains("TEN-DEMO-P2")
                    .noneMatch(u -> u.startsWith("ACME"));
            assertForbidden(endpoint + "?period=" + PERIOD + "&unitType=company&unitCode=DEMO", ACME_SALES);
            assertForbidden(endpoint + "?period=" + PERIOD + "&unitCode=TEN-DEMO-P1", ACME_HR);
        }
        assertThat(ok("/api/kpi-results?period=" + PERIOD + "&unitCode=ACME", ADMIN)).as("administrators see all")
                .isNotEmpty();
    }

    @Test
    void another_company_reads_none_of_demos_dashboard_reports_minutes_agenda_or_actions() {
        assertForbidden("/api/dashboard/summary?period=" + PERIOD + "&unitCode=DEMO", ACME_SALES);
        assertForbidden("/api/dashboard/trend?to=" + PERIOD + "&unitCode=TEN-DEMO-P1", ACME_GM);
        assertForbidden("/api/dashboard/funnel?period=" + PERIOD + "&unitCode=DEMO", ACME_GM);
        assertForbidden("/api/dashboard/units?companyCode=DEMO", ACME_SALES);
        assertForbidden("/api/dashboard/breakdown?period=" + PERIOD + "&companyCode=DEMO&unitType=person"
                + "&kpiCode=SALES_AMOUNT", ACME_GM);
        assertThat(ok("/api/dashboard/filters", ACME_SALES).get("companies").findValuesAsText("code"))
                .containsExactly("ACME");
        assertThat(ok("/api/dashboard/summary?period=" + PERIOD + "&unitCode=DEMO", "sales.head").get("cards"))
                .as("DEMO's committee sees its dashboard as before").isNotEmpty();

        assertForbidden("/api/reports/monthly-tracking-sheet?period=" + PERIOD + "&companyCode=DEMO", ACME_GM);
        assertForbidden("/api/reports/meeting-minutes?period=" + PERIOD + "&companyCode=DEMO", ACME_GM);
        assertForbidden("/api/agendas?period=" + PERIOD + "&companyCode=DEMO", ACME_SALES);
        assertForbidden("/api/resource-requests?companyCode=DEMO", ACME_GM);
        assertThat(api.get("/api/reports/meeting-minutes?period=" + PERIOD, ACME_GM).status())
                .as("without companyCode ACME's own minutes").isEqualTo(200);
        assertThat(api.getBytes("/api/reports/meeting-minutes?period=" + PERIOD + "&companyCode=DEMO", "gm"))
                .isNotEmpty();

        assertThat(ok("/api/actions", ACME_SALES).findValuesAsText("companyCode")).doesNotContain("DEMO");
        assertThat(ok("/api/actions", ACME_GM).findValuesAsText("companyCode")).doesNotContain("DEMO");
        assertThat(api.get("/api/actions/" + demoActionId, ACME_SALES).status()).isIn(403, 404);
        assertThat(ok("/api/actions/" + demoActionId, "sales.head").get("companyCode").asText()).isEqualTo("DEMO");
    }

    @Test
    void another_companys_hr_reads_neither_demos_archive_nor_its_evaluations() {
        var archive = api.get("/api/archive/TEN-DEMO-P1", ACME_HR);
        assertThat(archive.status()).as(archive.body()).isEqualTo(403);
        assertThat(api.get("/api/archive/TEN-DEMO-P1", "hr.head").status()).isEqualTo(200);
        assertThat(api.get("/api/archive/ACME-P1", ACME_HR).status()).isEqualTo(200);

        Set<String> acmeSees = persons(ok("/api/evaluations?quarter=" + QUARTER, ACME_HR));
        assertThat(acmeSees).contains("ACME-P1").doesNotContain("TEN-DEMO-P1", "TEN-DEMO-P2");
        Set<String> demoSees = persons(ok("/api/evaluations?quarter=" + QUARTER, "hr.head"));
        assertThat(demoSees).contains("TEN-DEMO-P1", "TEN-DEMO-P2").doesNotContain("ACME-P1");
        assertThat(persons(ok("/api/evaluations?quarter=" + QUARTER, ADMIN))).contains("ACME-P1", "TEN-DEMO-P1");
    }

    @Test
    void an_employee_sees_only_own_person_rows_and_company_totals_on_every_endpoint() {
        for (String endpoint : List.of("/api/figures", "/api/kpi-results", "/api/data-gaps")) {
            JsonNode rows = ok(endpoint + "?period=" + PERIOD, "sales1");
            for (JsonNode row : rows) {
                String type = row.get("unitType").asText();
                assertThat(type).as(endpoint + " " + row).isIn("person", "company");
                if ("person".equals(type)) {
                    assertThat(ownPersons("sales1")).as(endpoint + " " + row).contains(row.get("unitCode").asText());
                }
            }
            assertThat(units(rows)).as(endpoint).doesNotContain("TEN-DEMO-P2", "ACME-P1", "ACME");
            assertForbidden(endpoint + "?period=" + PERIOD + "&unitCode=TEN-DEMO-P2", "sales1");
            assertForbidden(endpoint + "?period=" + PERIOD + "&unitCode=TEN-DEMO-SALES", "sales1");
        }
        assertThat(units(ok("/api/figures?period=" + PERIOD, "sales1"))).contains("TEN-DEMO-P1", "DEMO");
        JsonNode results = ok("/api/kpi-results?period=" + PERIOD + "&unitType=person", "sales1");
        assertThat(units(results)).isSubsetOf(ownPersons("sales1")).contains("TEN-DEMO-P1");
        assertThat(results.findValues("rank")).as("the own rank is shown").anyMatch(JsonNode::isInt);
        assertThat(units(ok("/api/data-gaps?period=" + PERIOD, "sales2"))).contains("TEN-DEMO-P2");

        Set<String> evaluated = persons(ok("/api/evaluations?quarter=" + QUARTER, "sales1"));
        assertThat(evaluated).contains("TEN-DEMO-P1").doesNotContain("TEN-DEMO-P2", "ACME-P1");
        assertThat(ownPersons("sales1")).containsAll(evaluated);
        assertThat(api.get("/api/archive/TEN-DEMO-P2", "sales1").status()).isEqualTo(403);
        assertThat(api.get("/api/archive/TEN-DEMO-P1", "sales1").status()).isEqualTo(200);
        assertForbidden("/api/dashboard/summary?period=" + PERIOD + "&unitCode=TEN-DEMO-P2", "sales1");
        assertThat(ok("/api/dashboard/summary?period=" + PERIOD + "&unitCode=DEMO", "sales1").get("unit")
                .get("code").asText()).isEqualTo("DEMO");
    }

    // --- helpers ---

    private Set<String> ownPersons(String userId) {
        Set<String> own = new java.util.HashSet<>();
        organisation.personsOfUser(userId).forEach(p -> own.add(p.code()));
        return own;
    }

    private void assertForbidden(String path, String user) {
        var response = api.get(path, user);
        assertThat(response.status()).as(path + " as " + user + " → " + response.body()).isEqualTo(403);
        String detail = response.json().path("detail").asText();
        assertThat(detail).as("one sentence in Chinese and English").matches(".*\\p{IsHan}.*").contains(" / ");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    private JsonNode ok(String path, String user) {
        var response = api.get(path, user);
        assertThat(response.status()).as(path + " as " + user + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode waitForTask(String user, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode tasks = ok("/engine-rest/task?processInstanceId=" + demoCycle + "&taskDefinitionKey=" + key + PAGE, user);
            if (tasks.size() == 1) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " for " + user);
    }

    private static List<String> units(JsonNode rows) {
        List<String> codes = new ArrayList<>();
        rows.forEach(r -> codes.add(r.get("unitCode").asText()));
        return codes;
    }

    private static Set<String> persons(JsonNode rows) {
        Set<String> codes = new java.util.HashSet<>();
        rows.forEach(r -> codes.add(r.get("personCode").asText()));
        return codes;
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
