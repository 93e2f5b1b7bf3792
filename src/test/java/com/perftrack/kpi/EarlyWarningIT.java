package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Early warning (预警, SPEC.md section 7) through {@code GET /api/warnings}, the owners' mails and a
 * monthly cycle's agenda draft, for a company EWA of its own: department EWA-SALES (manager
 * ewa.sales) with the people EWA-P1 and EWA-P2; general manager ewa.gm. The quarter is the one of
 * last month (so the engine clock stays as it is and the mails' "still open" rule holds on any
 * day); M1, M2, M3 are its months and the forecast is made as of M2, the second month.
 *
 * <p>Figures (target / actual): EWA-P1 SALES_AMOUNT M1 100000 / 80000, M2 100000 / 90000, M3 target
 * 120000; EWA-P2 SALES_AMOUNT M1 100000 / 95000, M2 100000 / 97000, M3 target 100000; company
 * COMPLAINTS (sum, lower is better) M1 5 / 4, M2 5 / 8, M3 target 5; company CUSTOMER_SATISFACTION
 * (avg) M1 0.9 / 0.95, M2 0.9 / 0.93, M3 target 0.9. Hand-computed forecasts as of M2:
 * <ul>
 * <li>EWA-P1: actual (80000 + 90000) × 3 / 2 = 255000, target 100000 + 100000 + 120000 = 320000:
 * 0.796875 red; so far 170000 / 200000 = 0.85;</li>
 * <li>EWA-P2: (95000 + 97000) × 3 / 2 = 288000 against 300000: 0.96 amber, not listed (not below 0.9);</li>
 * <li>EWA-SALES and EWA SALES_AMOUNT (roll-ups of both people; M3 has no roll-up, as nobody has an
 * M3 actual, so the target is extrapolated too): (175000 + 187000) × 3 / 2 = 543000 against
 * (200000 + 200000) × 3 / 2 = 600000: 0.905 amber, not listed;</li>
 * <li>EWA COMPLAINTS: (4 + 8) × 3 / 2 = 18 against 15, inverted: 15 / 18 = 0.833333… red; so far
 * 10 / 12 = 0.833333…;</li>
 * <li>CUSTOMER_SATISFACTION: (0.95 + 0.93) / 2 = 0.94 against 0.9: 1.044… green, not listed.</li>
 * </ul>
 * A warning is a forecast below the amber threshold (90%). Mails: the import's months are checked in
 * order. As of M1 (× 3 / 1): EWA-P1 240000 / 320000 = 0.75, EWA-SALES and EWA 525000 / 600000 = 0.875
 * are warnings, EWA-P2 285000 / 300000 = 0.95 (amber) and COMPLAINTS 15 / 12 → 1.25 are not; as of M2
 * COMPLAINTS appears (the roll-ups' 0.905 is no longer one, but was mailed as of M1). So each owner gets
 * each warning once: ewa.p1 and ewa.sales one mail, ewa.p2 none, ewa.gm two (SALES_AMOUNT, then COMPLAINTS).
 */
@IntegrationTest
class EarlyWarningIT {

    static final String COMPANY = "EWA";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,EWA,预警公司,,ewa.gm,ewa.gm@ewa.example,production\n"
            + "department,EWA-SALES,销售部,EWA,ewa.sales,ewa.sales@ewa.example,sales\n"
            + "person,EWA-P1,甲,EWA-SALES,ewa.p1,ewa.p1@ewa.example,employee\n"
            + "person,EWA-P2,乙,EWA-SALES,ewa.p2,ewa.p2@ewa.example,employee\n";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";
    static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    /** The IT profile's spring.mail (localhost:2525). */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    WarningNotices notices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void stopTheCycle() {
        runtime.createProcessInstanceQuery().variableValueEquals("companyCode", COMPANY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test ends"));
    }

    @Test
    void warnings_are_listed_mailed_once_to_their_owners_and_put_on_the_agenda() throws Exception {
        Api api = new Api(port);
        Quarter quarter = calendar.currentPeriod().previous().quarter();
        List<String> m = quarter.months().stream().map(Period::toString).toList();
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "ewa.csv", bytes(ORGANISATION)).status()).isEqualTo(200);
        // a clean start: what earlier runs mailed is forgotten, their checks are over
        notices.awaitIdle(Duration.ofSeconds(60));
        jdbc.sql("delete from early_warning_sent where company_code = ?").param(COMPANY).update();
        mail.purgeEmailFromAllMailboxes();

        var imported = importCsv(api, HEADER
                + m.get(0) + ",person,EWA-P1,SALES_AMOUNT,100000,80000\n"
                + m.get(1) + ",person,EWA-P1,SALES_AMOUNT,100000,90000\n"
                + m.get(2) + ",person,EWA-P1,SALES_AMOUNT,120000,\n"
                + m.get(0) + ",person,EWA-P2,SALES_AMOUNT,100000,95000\n"
                + m.get(1) + ",person,EWA-P2,SALES_AMOUNT,100000,97000\n"
                + m.get(2) + ",person,EWA-P2,SALES_AMOUNT,100000,\n"
                + m.get(0) + ",company,EWA,COMPLAINTS,5,4\n"
                + m.get(1) + ",company,EWA,COMPLAINTS,5,8\n"
                + m.get(2) + ",company,EWA,COMPLAINTS,5,\n"
                + m.get(0) + ",company,EWA,CUSTOMER_SATISFACTION,0.9,0.95\n"
                + m.get(1) + ",company,EWA,CUSTOMER_SATISFACTION,0.9,0.93\n"
                + m.get(2) + ",company,EWA,CUSTOMER_SATISFACTION,0.9,\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        var answer = api.get("/api/warnings?period=" + m.get(1) + "&companyCode=" + COMPANY, "secgen");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode list = answer.json();
        assertThat(list).as(answer.body()).hasSize(2); // the amber forecasts (0.905, 0.96) are not below 0.9
        warning(list, "company", "EWA", "COMPLAINTS", "0.833333", "0.833333", "red", quarter);
        warning(list, "person", "EWA-P1", "SALES_AMOUNT", "0.796875", "0.85", "red", quarter);
        // precision beyond two decimals: 0.833333… is not cut to 0.83
        assertThat(find(list, "EWA", "COMPLAINTS").get("forecastAttainment").decimalValue())
                .isCloseTo(new BigDecimal("0.8333333333"), within(new BigDecimal("1e-9")));

        // each warning mailed once, to its unit's owner
        notices.awaitIdle(Duration.ofSeconds(60));
        assertThat(mailsTo("ewa.p1@ewa.example", "EWA-P1）· 销售额 SALES_AMOUNT")).isEqualTo(1);
        assertThat(mailsTo("ewa.p2@ewa.example", "")).isZero();
        assertThat(mailsTo("ewa.sales@ewa.example", "EWA-SALES）· 销售额 SALES_AMOUNT")).isEqualTo(1);
        assertThat(mailsTo("ewa.gm@ewa.example", "EWA）· 销售额 SALES_AMOUNT")).isEqualTo(1);
        assertThat(mailsTo("ewa.gm@ewa.example", "EWA）· 客户投诉 COMPLAINTS")).isEqualTo(1);
        assertThat(mailsTo("ewa.p1@ewa.example", "")).isEqualTo(1);
        assertThat(mailsTo("ewa.gm@ewa.example", "")).isEqualTo(2);

        // EWA-P1's M2 actual corrected to 160000: (80000 + 160000) × 3 / 2 = 360000 / 320000 = 1.125 green, gone;
        // corrected back, it is a warning again in the same quarter and is not mailed a second time
        assertThat(importCsv(api, HEADER + m.get(1) + ",person,EWA-P1,SALES_AMOUNT,100000,160000\n").status()).isEqualTo(200);
        JsonNode without = api.get("/api/warnings?period=" + m.get(1) + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(without.findValuesAsText("unitCode")).doesNotContain("EWA-P1");
        assertThat(importCsv(api, HEADER + m.get(1) + ",person,EWA-P1,SALES_AMOUNT,100000,90000\n").status()).isEqualTo(200);
        JsonNode again = api.get("/api/warnings?period=" + m.get(1) + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(again.findValuesAsText("unitCode")).contains("EWA-P1");
        notices.awaitIdle(Duration.ofSeconds(60));
        assertThat(mailsTo("ewa.p1@ewa.example", "")).isEqualTo(1);
        assertThat(mailsTo("ewa.sales@ewa.example", "")).isEqualTo(1);

        // readers: another company's employee is refused, nobody unauthenticated, a quarter is not a month
        assertThat(api.get("/api/warnings?period=" + m.get(1) + "&companyCode=" + COMPANY, "sales1").status()).isEqualTo(403);
        assertThat(api.get("/api/warnings?period=" + m.get(1) + "&companyCode=" + COMPANY, null).status()).isEqualTo(401);
        var quarterly = api.get("/api/warnings?period=" + quarter + "&companyCode=" + COMPANY, "secgen");
        assertThat(quarterly.status()).isEqualTo(400);
        assertThat(quarterly.body()).contains("YYYY-MM");

        // the monthly cycle of M2 from its calculation step: the agenda draft lists the warnings
        String cycle = runtime.createProcessInstanceByKey("monthly-tracking-cycle").businessKey(m.get(1))
                .setVariable("period", m.get(1)).setVariable("companyCode", COMPANY)
                .setVariable("committeeDepartments", Variables.objectValue(new ArrayList<>(List.of("sales", "hr")))
                        .serializationDataFormat("application/json").create())
                .startBeforeActivity("Task_CalculateKpiResults").execute().getId();
        Task confirm = waitForTask(cycle, "Task_ConfirmAgenda");
        String onForm = (String) tasks.getVariable(confirm.getId(), "agendaWarnings");
        // worst first: EWA-P1 0.796875 → 79.7%, then COMPLAINTS 83.3%
        assertThat(onForm.lines().toList()).hasSize(2);
        assertThat(onForm.lines().findFirst().orElseThrow())
                .isEqualTo("- 甲（EWA-P1）· 销售额 SALES_AMOUNT：预计 " + quarter + " 达成率 79.7%，至今 85.0%（2 个月）未达标 red");
        assertThat(onForm).contains("预警公司（EWA）· 客户投诉 COMPLAINTS：预计 " + quarter + " 达成率 83.3%，至今 83.3%（2 个月）未达标 red");
        JsonNode agenda = api.get("/api/agendas?period=" + m.get(1) + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(agenda.get("warnings")).hasSize(2);
        assertThat(agenda.get("warnings").findValuesAsText("unitCode")).containsExactlyInAnyOrder("EWA", "EWA-P1");
        // the cycle's calculation checked the month again: still nothing new to mail
        notices.awaitIdle(Duration.ofSeconds(60));
        assertThat(mailsTo("ewa.gm@ewa.example", "")).isEqualTo(2);
    }

    private static void warning(JsonNode list, String type, String unit, String kpi, String forecast, String soFar,
            String status, Quarter quarter) {
        JsonNode w = find(list, unit, kpi);
        assertThat(w.get("unitType").asText()).isEqualTo(type);
        assertThat(w.get("quarter").asText()).isEqualTo(quarter.toString());
        assertThat(w.get("monthsSoFar").asInt()).isEqualTo(2);
        assertThat(w.get("forecastAttainment").decimalValue()).isCloseTo(new BigDecimal(forecast), within(TOLERANCE));
        assertThat(w.get("attainmentSoFar").decimalValue()).isCloseTo(new BigDecimal(soFar), within(TOLERANCE));
        assertThat(w.get("status").asText()).isEqualTo(status);
        assertThat(w.get("companyCode").asText()).isEqualTo(COMPANY);
    }

    private static JsonNode find(JsonNode list, String unit, String kpi) {
        for (JsonNode w : list) {
            if (unit.equals(w.get("unitCode").asText()) && kpi.equals(w.get("kpiCode").asText())) {
                return w;
            }
        }
        throw new AssertionError("no warning for " + unit + " " + kpi + " in " + list);
    }

    /** How many received mails to this address contain the text. */
    private static long mailsTo(String address, String text) throws Exception {
        long count = 0;
        for (Message message : mail.getReceivedMessages()) {
            boolean to = Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> address.equalsIgnoreCase(((InternetAddress) a).getAddress()));
            if (to && String.valueOf(message.getContent()).contains(text)) {
                count++;
            }
        }
        return count;
    }

    private Task waitForTask(String instance, String key) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(key + " did not come");
    }

    private static Api.Response importCsv(Api api, String csv) {
        return api.postFile("/api/imports/figures", ADMIN, "ewa.csv", bytes(csv));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
