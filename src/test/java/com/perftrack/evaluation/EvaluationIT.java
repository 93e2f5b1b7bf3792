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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quarterly evaluation end to end on PostgreSQL, through the REST APIs as the demo users.
 * Company EVALCO: EV1 (sales1), EV2 (sales2), EV3 (sales3) in its sales department (head
 * sales.head); only SALES_AMOUNT reported, target 100 a month, so a score is that attainment.
 * Actuals: EV1 90 then 95 (second quarter below target → WARNING); EV2 120 then 130 (BONUS: ⌈10% × 3⌉
 * = 1 place); EV3 100 then 110.
 */
@IntegrationTest
class EvaluationIT {

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void company() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "EVALCO");
        // the units below are written directly; an organisation import would make their users members
        List.of("sales1", "sales2", "sales3").forEach(user -> companies.addMember("EVALCO", user));
        if (jdbc.sql("select count(*) from org_unit where code = 'EVALCO'").query(Integer.class).single() > 0) {
            return;
        }
        unit("EVALCO", "company", null, "gm", "production");
        unit("EVALCO-SALES", "department", "EVALCO", "sales.head", "sales");
        unit("EV1", "person", "EVALCO-SALES", "sales1", "employee");
        unit("EV2", "person", "EVALCO-SALES", "sales2", "employee");
        unit("EV3", "person", "EVALCO-SALES", "sales3", "employee");
        int[][] actuals = {{90, 95}, {120, 130}, {100, 110}};
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 2; q++) {
                for (int m = 1; m <= 3; m++) {
                    jdbc.sql("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, imported_at) "
                                    + "values (?, 'person', ?, 'SALES_AMOUNT', 100, ?, ?)")
                            .params(String.format("2019-%02d", q * 3 + m), "EV" + (p + 1),
                                    BigDecimal.valueOf(actuals[p][q]), Timestamp.from(Instant.now())).update();
                }
            }
        }
    }

    @Test
    void warnings_wait_for_hr_and_an_appeal_changes_an_outcome_and_the_recomputation_follows() throws Exception {
        evaluateAndConfirm("2019-Q1");
        JsonNode ev1q1 = person("2019-Q1", "EV1", "hr.head");
        assertThat(ev1q1.get("score").decimalValue()).isEqualByComparingTo("0.9000");
        assertThat(ev1q1.get("rank").asInt()).isEqualTo(3);
        assertThat(ev1q1.get("belowTarget").asBoolean()).isTrue();
        assertThat(ev1q1.get("consecutiveQuartersBelow").asInt()).isEqualTo(1);
        assertThat(ev1q1.get("outcome").isNull()).isTrue();
        assertThat(person("2019-Q1", "EV2", "hr.head").get("outcome").asText()).isEqualTo("BONUS");

        // second quarter: the WARNING is a proposal while HR's task is open
        String q2 = start("2019-Q2");
        String hrTask = waitForTask(q2, "Task_ConfirmProposals", "hr.head");
        JsonNode warning = person("2019-Q2", "EV1", "hr.head");
        assertThat(warning.get("outcome").asText()).isEqualTo("WARNING");
        assertThat(warning.get("consecutiveQuartersBelow").asInt()).isEqualTo(2);
        Thread.sleep(1500);
        assertThat(person("2019-Q2", "EV1", "hr.head").get("state").asText())
                .as("nothing disciplinary is confirmed without HR's task").isEqualTo("proposed");
        complete(hrTask, "hr.head", Map.of("hrDecision", "confirm"));
        JsonNode confirmed = waitFor("2019-Q2", "EV1", "hr.head", e -> "confirmed".equals(e.get("state").asText()));
        assertThat(confirmed.get("confirmedBy").asText()).as("who confirmed").isEqualTo("hr.head");

        // a person sees only their own row
        var own = api.get("/api/evaluations?quarter=2019-Q2", "sales1");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).hasSize(1);
        assertThat(own.json().get(0).get("personCode").asText()).isEqualTo("EV1");

        // appeal: the sales figures of EV1 were incomplete; HR corrects the score to 1.40
        var appeal = api.postJson("/engine-rest/process-definition/key/appeal/start", "sales1", Map.of("variables",
                Map.of("quarter", var("2019-Q2"), "reasons", var("三月销售额漏记 March sales missing"))));
        assertThat(appeal.status()).as(appeal.body()).isEqualTo(200);
        String appealId = appeal.json().get("id").asText();
        complete(waitForTask(appealId, "Task_DepartmentHeadOpinion", "sales.head"), "sales.head",
                Map.of("departmentHeadOpinion", "属实 confirmed"));
        complete(waitForTask(appealId, "Task_ReviewAppeal", "hr.head"), "hr.head", Map.of("appealDecision", "changed",
                "correctedScore", 1.4, "decisionReason", "财务确认 finance confirms"));

        JsonNode ev1 = waitFor("2019-Q2", "EV1", "hr.head", e -> "changed_on_appeal".equals(e.get("state").asText()));
        assertThat(ev1.get("score").decimalValue()).isEqualByComparingTo("1.4000");
        assertThat(ev1.get("rank").asInt()).isEqualTo(1);
        assertThat(ev1.get("belowTarget").asBoolean()).isFalse();
        assertThat(ev1.get("consecutiveQuartersBelow").asInt()).isZero();
        assertThat(ev1.get("outcome").asText()).isEqualTo("BONUS");
        JsonNode ev2 = person("2019-Q2", "EV2", "hr.head");
        assertThat(ev2.get("rank").asInt()).isEqualTo(2);
        assertThat(ev2.get("outcome").isNull()).as("the bonus boundary moved").isTrue();
        assertThat(ev2.get("state").asText()).isEqualTo("changed_on_appeal");
        assertThat(person("2019-Q2", "EV3", "hr.head").get("state").asText()).isEqualTo("confirmed");

        var archive = api.get("/api/archive/EV1", "hr.head");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.body()).contains("APPEAL_OPENED").contains("APPEAL_DECISION").contains("APPEAL_RECOMPUTE")
                .contains("EVAL_OUTCOME:2019-Q2:EV1");

        // the year (SPEC.md section 3): the mean of the scored quarters, the appeal's correction included:
        // EV2 (1.2000 + 1.3000) / 2 = 1.2500 first; EV1 (0.9000 + 1.4000) / 2 = 1.1500; EV3 (1.0000 + 1.1000) / 2 = 1.0500
        var year = api.get("/api/evaluations/annual?year=2019", "hr.head");
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        Map<String, JsonNode> annual = new java.util.HashMap<>();
        year.json().forEach(a -> annual.put(a.get("personCode").asText(), a));
        assertThat(annual.get("EV2").get("score").decimalValue()).isEqualByComparingTo("1.2500");
        assertThat(annual.get("EV2").get("rank").asInt()).isEqualTo(1);
        assertThat(annual.get("EV1").get("score").decimalValue()).isEqualByComparingTo("1.1500");
        assertThat(annual.get("EV1").get("rank").asInt()).isEqualTo(2);
        assertThat(annual.get("EV1").get("bonuses").asInt()).as("Q2's bonus after the appeal").isEqualTo(1);
        assertThat(annual.get("EV3").get("score").decimalValue()).isEqualByComparingTo("1.0500");
        assertThat(annual.get("EV3").get("rank").asInt()).isEqualTo(3);
        assertThat(annual.get("EV3").get("peerGroupSize").asInt()).isEqualTo(3);
        var ownYear = api.get("/api/evaluations/annual?year=2019", "sales1");
        assertThat(ownYear.json()).hasSize(1);
        assertThat(ownYear.json().get(0).get("personCode").asText()).isEqualTo("EV1");
        var badYear = api.get("/api/evaluations/annual?year=19", "hr.head");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body()).contains("year must be YYYY");
    }

    @Test
    void an_employee_reading_another_persons_archive_gets_403_and_hr_gets_200() {
        assertThat(api.get("/api/archive/EV1", "sales2").status()).isEqualTo(403);
        assertThat(api.get("/api/archive/EV1", "sales1").status()).isEqualTo(200);
        assertThat(api.get("/api/archive/EV1", "hr.head").status()).isEqualTo(200);
        assertThat(api.get("/api/archive/EV1", "gm").status()).isEqualTo(200);
        assertThat(api.get("/api/evaluations?quarter=2019-5", "hr.head").status()).isEqualTo(400);
    }

    /**
     * Money (issue 14) through the public interfaces: HR sets the company's bonus base, the shipped
     * rules give the bonus as the whole base and leave the fine to HR, HR enters the fine, the
     * general manager approves, and the quarter's payroll workbook lists both, cell by cell.
     * Company PAYCO, 2018, target 100 a month: PY1 80 (three quarters below target → FINE in Q3),
     * PY2 150 (score 1.5, first of 3 → BONUS), PY3 100 (nothing).
     */
    @Test
    void the_payroll_workbook_lists_the_confirmed_bonus_and_fine_with_their_sums() throws Exception {
        TestCompanies.joinDemoCommittee(companies, "PAYCO");
        if (jdbc.sql("select count(*) from org_unit where code = 'PAYCO'").query(Integer.class).single() == 0) {
            unit("PAYCO", "PAYCO", "company", null, "gm", "production");
            unit("PAYCO", "PAYCO-SALES", "department", "PAYCO", "sales.head", "sales");
            int[] actuals = {80, 150, 100};
            for (int p = 0; p < 3; p++) {
                unit("PAYCO", "PY" + (p + 1), "person", "PAYCO-SALES", null, "employee");
                for (int m = 1; m <= 9; m++) {
                    jdbc.sql("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, imported_at) "
                                    + "values (?, 'person', ?, 'SALES_AMOUNT', 100, ?, ?)")
                            .params(String.format("2018-%02d", m), "PY" + (p + 1), BigDecimal.valueOf(actuals[p]),
                                    Timestamp.from(Instant.now())).update();
                }
            }
        }
        var base = Map.of("companyCode", "PAYCO", "peerGroup", "*", "baseAmount", 3000);
        assertThat(api.putJson("/api/reward-bases", "sales1", base).status()).as("an employee sets no base").isEqualTo(403);
        var set = api.putJson("/api/reward-bases", "hr.head", base);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("baseAmount").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(api.putJson("/api/reward-bases", "hr.head", Map.of("companyCode", "PAYCO", "peerGroup", "*",
                "baseAmount", -1)).status()).as("a negative base is refused").isEqualTo(422);

        var started = api.postJson("/engine-rest/process-definition/key/quarterly-evaluation/start", "hr.head",
                Map.of("variables", Map.of("quarter", var("2018-Q3"), "companyCode", var("PAYCO"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        JsonNode bonus = waitFor("2018-Q3", "PY2", "hr.head", e -> "BONUS".equals(e.get("outcome").asText()));
        assertThat(bonus.get("amount").decimalValue()).as("the whole base").isEqualByComparingTo("3000.00");
        assertThat(bonus.get("amountRule").asText()).isEqualTo("share");
        JsonNode fine = person("2018-Q3", "PY1", "hr.head");
        assertThat(fine.get("outcome").asText()).isEqualTo("FINE");
        assertThat(fine.get("amount").isNull()).as("HR sets the fine").isTrue();

        complete(waitForTask(instance, "Task_ConfirmProposals", "hr.head"), "hr.head", Map.of("hrDecision", "change",
                "changePersonCode", "PY1", "changeOutcome", "FINE", "changeAmount", 500.5,
                "changeReason", "第三个季度未达标，按制度罚款 third quarter below target"));
        complete(waitForTask(instance, "Task_ConfirmProposals", "hr.head"), "hr.head", Map.of("hrDecision", "confirm"));
        complete(waitForTask(instance, "Task_ApproveDisciplinary", "gm"), "gm", Map.of("gmDecision", "approve"));
        waitFor("2018-Q3", "PY1", "hr.head", e -> "confirmed".equals(e.get("state").asText()));
        assertThat(person("2018-Q3", "PY1", "hr.head").get("amount").decimalValue()).isEqualByComparingTo("500.50");

        assertThat(api.get("/api/evaluations/payroll?quarter=2018-Q3", "sales1").status()).isEqualTo(403);
        byte[] xlsx = api.getBytes("/api/evaluations/payroll?quarter=2018-Q3&companyCode=PAYCO", "hr.head");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("奖金 Bonus (CNY)");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("罚款 Fine (CNY)");
            var py1 = sheet.getRow(1);
            assertThat(py1.getCell(0).getStringCellValue()).isEqualTo("2018-Q3");
            assertThat(py1.getCell(1).getStringCellValue()).isEqualTo("PAYCO");
            assertThat(py1.getCell(2).getStringCellValue()).isEqualTo("PY1");
            assertThat(py1.getCell(4).getStringCellValue()).isEqualTo("employee");
            assertThat(py1.getCell(5).getStringCellValue()).isEqualTo("罚款");
            assertThat((Object) py1.getCell(6)).as("no bonus cell for a fine").isNull();
            assertThat(py1.getCell(7).getNumericCellValue()).isEqualTo(500.50);
            assertThat(py1.getCell(8).getStringCellValue()).isEqualTo("人力资源部填写 entered by HR");
            assertThat(py1.getCell(9).getStringCellValue()).isEqualTo("confirmed");
            assertThat(py1.getCell(10).getStringCellValue()).isEqualTo("hr.head");
            assertThat(py1.getCell(11).getStringCellValue()).isEqualTo("gm");
            var py2 = sheet.getRow(2);
            assertThat(py2.getCell(2).getStringCellValue()).isEqualTo("PY2");
            assertThat(py2.getCell(5).getStringCellValue()).isEqualTo("奖金");
            assertThat(py2.getCell(6).getNumericCellValue()).isEqualTo(3000.00);
            assertThat((Object) py2.getCell(7)).isNull();
            assertThat(py2.getCell(8).getStringCellValue()).isEqualTo("基数比例 share of the base");
            assertThat(py2.getCell(11).getStringCellValue()).as("a bonus needs no general manager").isEmpty();
            var total = sheet.getRow(3);
            assertThat(total.getCell(5).getStringCellValue()).isEqualTo("合计 Total");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(3000.00);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(500.50);
            assertThat((Object) sheet.getRow(4)).as("PY3 has neither").isNull();
        }
        var archive = api.get("/api/archive/PY1", "hr.head");
        assertThat(archive.body()).contains("¥500.50");
    }

    private void evaluateAndConfirm(String quarter) throws InterruptedException {
        String instance = start(quarter);
        complete(waitForTask(instance, "Task_ConfirmProposals", "hr.head"), "hr.head", Map.of("hrDecision", "confirm"));
        waitFor(quarter, "EV1", "hr.head", e -> "confirmed".equals(e.get("state").asText()));
    }

    private String start(String quarter) {
        var response = api.postJson("/engine-rest/process-definition/key/quarterly-evaluation/start", "hr.head",
                Map.of("variables", Map.of("quarter", var(quarter), "companyCode", var("EVALCO"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private String waitForTask(String instance, String key, String user) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var tasks = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user);
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                return tasks.json().get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task " + key + " for " + user + " in " + instance);
    }

    private void complete(String taskId, String user, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((k, v) -> typed.put(k, var(v)));
        var response = api.postJson("/engine-rest/task/" + taskId + "/complete", user, Map.of("variables", typed));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private JsonNode waitFor(String quarter, String person, String user, Predicate<JsonNode> condition)
            throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode row = person(quarter, person, user);
            if (row != null && condition.test(row)) {
                return row;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(quarter + " " + person + " never reached the expected state: "
                + person(quarter, person, user));
    }

    private JsonNode person(String quarter, String person, String user) {
        var response = api.get("/api/evaluations?quarter=" + quarter, user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode row : response.json()) {
            if (person.equals(row.get("personCode").asText())) {
                return row;
            }
        }
        return null;
    }

    private static Map<String, Object> var(Object value) {
        return Map.of("value", value);
    }

    private void unit(String code, String type, String parent, String userId, String role) {
        unit("EVALCO", code, type, parent, userId, role);
    }

    private void unit(String company, String code, String type, String parent, String userId, String role) {
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, type, code, parent, company, userId, role, Timestamp.from(Instant.now())).update();
    }
}
