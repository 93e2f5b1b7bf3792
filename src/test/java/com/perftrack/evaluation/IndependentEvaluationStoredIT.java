package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An outside check of {@code GET /api/evaluations} (SPEC.md sections 3, 4 and 6), everything through
 * the public imports. Company INDEV: twelve people IV01..IV12 of role {@code employee} (one peer
 * group, n = 12, so ⌈10% × 12⌉ = 2 bonus places, ties at the boundary included).
 *
 * <p>Every month of 2025 every person has target SALES_AMOUNT 100, NEW_CUSTOMERS 10,
 * CUSTOMER_SATISFACTION 0.90, ORDER_CONVERSION 0.20 (weights 50 / 20 / 20 / 10) and, unless the
 * table below says otherwise, exactly those actuals (attainment 1 everywhere, score 1.0000).
 * Score = (50·a(SA) + 20·a(NC) + 20·a(CS) + 10·a(OC)) / Σ weights of the KPIs with data; every
 * attainment capped at 1.5. Deviations (actuals for all three months of the quarter unless a month is named):
 * <pre>
 * Q1  IV01 SA 200 (2.0 → cap 1.5), NC 12      (75 + 24 + 20 + 10) / 100 = 1.2900
 *     IV02 SA 120, NC 12, CS 0.99, OC 0.22     (60 + 24 + 22 + 11) / 100 = 1.1700
 *     IV03 SA 130, OC 0.24                     (65 + 20 + 20 + 12) / 100 = 1.1700
 *     IV04 SA 110                              (55 + 50) / 100          = 1.0500
 *     IV06 SA 105                              (52.5 + 50) / 100        = 1.0250
 *     IV08 NC 11                               (50 + 22 + 30) / 100     = 1.0200
 *     IV09 SA 95                               (47.5 + 50) / 100        = 0.9750
 *     IV10 SA 80, NC 8                         (40 + 16 + 30) / 100     = 0.8600
 *     IV11 SA 90                               (45 + 50) / 100          = 0.9500
 * Q2  IV01 SA 140                              (70 + 50) / 100          = 1.2000
 *     IV05 SA Apr 150, May no actual, Jun 130; NC May without target:
 *          SA (150 + 130) / (100 + 100) = 1.4 (May is a gap, not a zero); NC (10 + 10) / (10 + 10) = 1
 *                                              (70 + 20 + 20 + 10) / 100 = 1.2000
 *     IV02 SA 120                              (60 + 50) / 100          = 1.1000
 *     IV06 SA 104                              (52 + 50) / 100          = 1.0200
 *     IV10 SA 90                               (45 + 50) / 100          = 0.9500
 *     IV11 SA 80                               (40 + 50) / 100          = 0.9000
 *     IV12 SA 98                               (49 + 50) / 100          = 0.9900
 * Q3  IV06 SA 130; ORDER_CONVERSION without actual in Jul and Aug, no row in Sep: weights
 *          renormalised over 90:              (65 + 20 + 20) / 90       = 1.16666… → 1.1667
 *     IV01 SA 120, NC 11                       (60 + 22 + 20 + 10) / 100 = 1.1200
 *     IV02 SA 110                              (55 + 50) / 100          = 1.0500
 *     IV04 OC 0.40 (2.0 → cap 1.5)             (50 + 20 + 20 + 15) / 100 = 1.0500
 *     IV10 SA 70, NC 9                         (35 + 18 + 30) / 100     = 0.8300
 *     IV12 SA 90                               (45 + 50) / 100          = 0.9500
 * Q4  IV02 SA 120                              (60 + 50) / 100          = 1.1000
 *     IV03 NC 15                               (50 + 30 + 30) / 100     = 1.1000
 *     IV07 SA Dec 130 (330 / 300 = 1.1), OC 0.50 (2.5 → cap 1.5)
 *                                              (55 + 20 + 20 + 15) / 100 = 1.1000
 *     IV01 SA 110                              (55 + 50) / 100          = 1.0500
 *     IV10 SA 80                               (40 + 50) / 100          = 0.9000
 *     IV11 SA 96                               (48 + 50) / 100          = 0.9800
 *     IV12 SA 94                               (47 + 50) / 100          = 0.9700
 * </pre>
 * Streaks of quarters below 100%: IV10 1, 2 (WARNING), 3 (FINE), 4 (DEMOTION_OR_TRANSFER_REVIEW);
 * IV11 1, 2 (WARNING), recovers in Q3 (0), 1 again in Q4 (nothing); IV12 0, 1, 2 (WARNING), 3 (FINE);
 * IV09 1, then 0. After the stored run of 2025-Q4, company INDEW is imported: its person still gets
 * a row (SPEC.md section 6: one object per person).
 */
@IntegrationTest
class IndependentEvaluationStoredIT {

    /** The administrator of the IT profile: creates the test's own company and writes its units (issue 10). */
    static final String ADMIN = "admin:it-admin-secret";

    static final String[] KPIS = {"SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION", "ORDER_CONVERSION"};
    static final String[] TARGETS = {"100", "10", "0.90", "0.20"};
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";

    /** person|quarter|kpi → actual for each month of the quarter. */
    static final Map<String, String> QUARTER_ACTUALS = new HashMap<>();
    /** person|period|kpi → "target,actual" for one month (either may be empty); "skip" = no row. */
    static final Map<String, String> MONTH_ROWS = new HashMap<>();

    static {
        q("IV01", 1, "SALES_AMOUNT", "200"); q("IV01", 1, "NEW_CUSTOMERS", "12");
        q("IV02", 1, "SALES_AMOUNT", "120"); q("IV02", 1, "NEW_CUSTOMERS", "12");
        q("IV02", 1, "CUSTOMER_SATISFACTION", "0.99"); q("IV02", 1, "ORDER_CONVERSION", "0.22");
        q("IV03", 1, "SALES_AMOUNT", "130"); q("IV03", 1, "ORDER_CONVERSION", "0.24");
        q("IV04", 1, "SALES_AMOUNT", "110");
        q("IV06", 1, "SALES_AMOUNT", "105");
        q("IV08", 1, "NEW_CUSTOMERS", "11");
        q("IV09", 1, "SALES_AMOUNT", "95");
        q("IV10", 1, "SALES_AMOUNT", "80"); q("IV10", 1, "NEW_CUSTOMERS", "8");
        q("IV11", 1, "SALES_AMOUNT", "90");

        q("IV01", 2, "SALES_AMOUNT", "140");
        m("IV05", "2025-04", "SALES_AMOUNT", "100,150");
        m("IV05", "2025-05", "SALES_AMOUNT", "100,");
        m("IV05", "2025-06", "SALES_AMOUNT", "100,130");
        m("IV05", "2025-05", "NEW_CUSTOMERS", ",10");
        q("IV02", 2, "SALES_AMOUNT", "120");
        q("IV06", 2, "SALES_AMOUNT", "104");
        q("IV10", 2, "SALES_AMOUNT", "90");
        q("IV11", 2, "SALES_AMOUNT", "80");
        q("IV12", 2, "SALES_AMOUNT", "98");

        q("IV06", 3, "SALES_AMOUNT", "130");
        m("IV06", "2025-07", "ORDER_CONVERSION", "0.20,");
        m("IV06", "2025-08", "ORDER_CONVERSION", "0.20,");
        m("IV06", "2025-09", "ORDER_CONVERSION", "skip");
        q("IV01", 3, "SALES_AMOUNT", "120"); q("IV01", 3, "NEW_CUSTOMERS", "11");
        q("IV02", 3, "SALES_AMOUNT", "110");
        q("IV04", 3, "ORDER_CONVERSION", "0.40");
        q("IV10", 3, "SALES_AMOUNT", "70"); q("IV10", 3, "NEW_CUSTOMERS", "9");
        q("IV12", 3, "SALES_AMOUNT", "90");

        q("IV02", 4, "SALES_AMOUNT", "120");
        q("IV03", 4, "NEW_CUSTOMERS", "15");
        m("IV07", "2025-12", "SALES_AMOUNT", "100,130");
        q("IV07", 4, "ORDER_CONVERSION", "0.50");
        q("IV01", 4, "SALES_AMOUNT", "110");
        q("IV10", 4, "SALES_AMOUNT", "80");
        q("IV11", 4, "SALES_AMOUNT", "96");
        q("IV12", 4, "SALES_AMOUNT", "94");
    }

    /** Expected per quarter: person → score, rank, belowTarget, consecutiveQuartersBelow, outcome. */
    record Expected(String score, int rank, boolean below, int streak, String outcome) {}

    static final Map<String, Map<String, Expected>> EXPECTED = new LinkedHashMap<>();

    static {
        // Q1 order: 1.29 (1), 1.17 1.17 (2, 2: both at the boundary → 3 bonuses), 1.05 (4), 1.025 (5),
        // 1.02 (6), 1.00 ×3 (7), 0.975 (10), 0.95 (11), 0.86 (12)
        expect("2025-Q1", "IV01", "1.2900", 1, false, 0, "BONUS");
        expect("2025-Q1", "IV02", "1.1700", 2, false, 0, "BONUS");
        expect("2025-Q1", "IV03", "1.1700", 2, false, 0, "BONUS");
        expect("2025-Q1", "IV04", "1.0500", 4, false, 0, null);
        expect("2025-Q1", "IV05", "1.0000", 7, false, 0, null);
        expect("2025-Q1", "IV06", "1.0250", 5, false, 0, null);
        expect("2025-Q1", "IV07", "1.0000", 7, false, 0, null);
        expect("2025-Q1", "IV08", "1.0200", 6, false, 0, null);
        expect("2025-Q1", "IV09", "0.9750", 10, true, 1, null);
        expect("2025-Q1", "IV10", "0.8600", 12, true, 1, null);
        expect("2025-Q1", "IV11", "0.9500", 11, true, 1, null);
        expect("2025-Q1", "IV12", "1.0000", 7, false, 0, null);
        // Q2 order: 1.2 1.2 (1, 1), 1.1 (3: outside the 2 places), 1.02 (4), 1.00 ×5 (5), 0.99 (10),
        // 0.95 (11), 0.90 (12)
        expect("2025-Q2", "IV01", "1.2000", 1, false, 0, "BONUS");
        expect("2025-Q2", "IV02", "1.1000", 3, false, 0, null);
        expect("2025-Q2", "IV03", "1.0000", 5, false, 0, null);
        expect("2025-Q2", "IV04", "1.0000", 5, false, 0, null);
        expect("2025-Q2", "IV05", "1.2000", 1, false, 0, "BONUS");
        expect("2025-Q2", "IV06", "1.0200", 4, false, 0, null);
        expect("2025-Q2", "IV07", "1.0000", 5, false, 0, null);
        expect("2025-Q2", "IV08", "1.0000", 5, false, 0, null);
        expect("2025-Q2", "IV09", "1.0000", 5, false, 0, null);
        expect("2025-Q2", "IV10", "0.9500", 11, true, 2, "WARNING");
        expect("2025-Q2", "IV11", "0.9000", 12, true, 2, "WARNING");
        expect("2025-Q2", "IV12", "0.9900", 10, true, 1, null);
        // Q3 order: 1.1667 (1), 1.12 (2), 1.05 1.05 (3, 3), 1.00 ×6 (5), 0.95 (11), 0.83 (12)
        expect("2025-Q3", "IV01", "1.1200", 2, false, 0, "BONUS");
        expect("2025-Q3", "IV02", "1.0500", 3, false, 0, null);
        expect("2025-Q3", "IV03", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV04", "1.0500", 3, false, 0, null);
        expect("2025-Q3", "IV05", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV06", "1.1667", 1, false, 0, "BONUS");
        expect("2025-Q3", "IV07", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV08", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV09", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV10", "0.8300", 12, true, 3, "FINE");
        expect("2025-Q3", "IV11", "1.0000", 5, false, 0, null);
        expect("2025-Q3", "IV12", "0.9500", 11, true, 2, "WARNING");
        // Q4 order: 1.1 ×3 (1, 1, 1 → 3 bonuses), 1.05 (4), 1.00 ×5 (5), 0.98 (10), 0.97 (11), 0.90 (12)
        expect("2025-Q4", "IV01", "1.0500", 4, false, 0, null);
        expect("2025-Q4", "IV02", "1.1000", 1, false, 0, "BONUS");
        expect("2025-Q4", "IV03", "1.1000", 1, false, 0, "BONUS");
        expect("2025-Q4", "IV04", "1.0000", 5, false, 0, null);
        expect("2025-Q4", "IV05", "1.0000", 5, false, 0, null);
        expect("2025-Q4", "IV06", "1.0000", 5, false, 0, null);
        expect("2025-Q4", "IV07", "1.1000", 1, false, 0, "BONUS");
        expect("2025-Q4", "IV08", "1.0000", 5, false, 0, null);
        expect("2025-Q4", "IV09", "1.0000", 5, false, 0, null);
        expect("2025-Q4", "IV10", "0.9000", 12, true, 4, "DEMOTION_OR_TRANSFER_REVIEW");
        expect("2025-Q4", "IV11", "0.9800", 10, true, 1, null);
        expect("2025-Q4", "IV12", "0.9700", 11, true, 3, "FINE");
    }

    private static boolean imported;

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importOnce() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "INDEV");
        TestCompanies.joinDemoCommittee(companies, "INDEW");
        if (imported) {
            return;
        }
        StringBuilder org = new StringBuilder("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,INDEV,独立考核公司 Independent Evaluation Co.,,indev.gm,,distribution\n"
                + "department,INDEV-SALES,销售部,INDEV,indev.sales,,sales\n");
        for (int p = 1; p <= 12; p++) {
            org.append(String.format("person,IV%02d,员工%d,INDEV-SALES,indev.p%02d,,employee\n", p, p, p));
        }
        post("/api/imports/organisation", ADMIN, org.toString());
        StringBuilder sales = new StringBuilder(HEADER);
        StringBuilder marketing = new StringBuilder(HEADER);
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2025-%02d", month);
            int quarter = (month + 2) / 3;
            for (int p = 1; p <= 12; p++) {
                String person = String.format("IV%02d", p);
                for (int k = 0; k < KPIS.length; k++) {
                    String cells = MONTH_ROWS.get(person + "|" + period + "|" + KPIS[k]);
                    if (cells == null) {
                        cells = TARGETS[k] + "," + QUARTER_ACTUALS.getOrDefault(person + "|" + quarter + "|" + KPIS[k],
                                TARGETS[k]);
                    } else if (cells.equals("skip")) {
                        continue;
                    }
                    StringBuilder file = KPIS[k].equals("CUSTOMER_SATISFACTION") ? marketing : sales;
                    file.append(period).append(",person,").append(person).append(',').append(KPIS[k]).append(',')
                            .append(cells).append('\n');
                }
            }
        }
        post("/api/imports/figures", ADMIN, sales.toString());
        post("/api/imports/figures", ADMIN, marketing.toString());
        imported = true;
    }

    @Test
    void every_quarter_of_2025_on_the_fly_then_the_stored_proposals_of_q4_equal_them() throws Exception {
        Map<String, JsonNode> q4 = null;
        for (var quarter : EXPECTED.entrySet()) {
            Map<String, JsonNode> rows = indev(quarter.getKey());
            assertThat(rows.keySet()).as(quarter.getKey()).containsExactlyInAnyOrderElementsOf(quarter.getValue().keySet());
            for (var person : quarter.getValue().entrySet()) {
                check(quarter.getKey(), person.getKey(), rows.get(person.getKey()), person.getValue());
            }
            q4 = rows;
        }
        // the May gap of IV05 is listed, never counted as zero
        assertThat(indev("2025-Q2").get("IV05").get("dataGaps").toString()).contains("2025-05")
                .contains("SALES_AMOUNT").contains("NEW_CUSTOMERS");

        // the stored path: the quarterly-evaluation process stores its proposals; they equal the on-the-fly ones
        var start = api.postJson("/engine-rest/process-definition/key/quarterly-evaluation/start", "hr.head",
                Map.of("variables", Map.of("quarter", Map.of("value", "2025-Q4"), "companyCode", Map.of("value", "INDEV"))));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        String instance = start.json().get("id").asText();
        waitForHrTask(instance);
        Map<String, JsonNode> stored = indev("2025-Q4");
        for (var person : EXPECTED.get("2025-Q4").entrySet()) {
            JsonNode row = stored.get(person.getKey());
            check("2025-Q4 stored", person.getKey(), row, person.getValue());
            assertThat(row.get("state").asText()).isEqualTo("proposed");
            for (String field : new String[] {"score", "rank", "belowTarget", "consecutiveQuartersBelow", "outcome"}) {
                assertThat(row.get(field)).as(person.getKey() + " " + field + " stored = on the fly")
                        .isEqualTo(q4.get(person.getKey()).get(field));
            }
        }

        // a company imported after the quarter's run still has its row, proposed on the fly:
        // INDEW's only person IW01 sold 120 of 100 in 2025-10 (no other figure) → score 1.2000,
        // rank 1 of 1, ⌈10% × 1⌉ = 1 place → BONUS
        post("/api/imports/organisation", ADMIN, "unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,INDEW,后加公司 Late Co.,,indew.gm,,distribution\n"
                + "department,INDEW-SALES,销售部,INDEW,indew.sales,,sales\n"
                + "person,IW01,后加,INDEW-SALES,indew.p01,,employee\n");
        post("/api/imports/figures", ADMIN, HEADER + "2025-10,person,IW01,SALES_AMOUNT,100,120\n");
        var after = api.get("/api/evaluations?quarter=2025-Q4", "hr.head").json();
        JsonNode late = null;
        for (JsonNode row : after) {
            if ("IW01".equals(row.get("personCode").asText())) {
                late = row;
            }
        }
        check("2025-Q4 late company", "IW01", late, new Expected("1.2000", 1, false, 0, "BONUS"));
        assertThat(late.get("state").asText()).isEqualTo("proposed");
        assertThat(indev("2025-Q4")).as("the stored company keeps its stored rows").hasSize(12);
    }

    private void check(String quarter, String person, JsonNode row, Expected expected) {
        String what = quarter + " " + person + " ";
        assertThat(row).as(what).isNotNull();
        assertThat(row.get("score").decimalValue()).as(what + "score " + row).isEqualByComparingTo(expected.score());
        assertThat(row.get("rank").asInt()).as(what + "rank " + row).isEqualTo(expected.rank());
        assertThat(row.get("belowTarget").asBoolean()).as(what + "belowTarget").isEqualTo(expected.below());
        assertThat(row.get("consecutiveQuartersBelow").asInt()).as(what + "consecutiveQuartersBelow")
                .isEqualTo(expected.streak());
        if (expected.outcome() == null) {
            assertThat(row.path("outcome").isNull() || row.path("outcome").isMissingNode()).as(what + "outcome " + row)
                    .isTrue();
        } else {
            assertThat(row.get("outcome").asText()).as(what + "outcome").isEqualTo(expected.outcome());
        }
    }

    private Map<String, JsonNode> indev(String quarter) {
        var response = api.get("/api/evaluations?quarter=" + quarter, "hr.head");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode row : response.json()) {
            if (row.get("personCode").asText().startsWith("IV")) {
                rows.put(row.get("personCode").asText(), row);
            }
        }
        return rows;
    }

    private void waitForHrTask(String instance) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var tasks = api.get("/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=Task_ConfirmProposals&firstResult=0&maxResults=10", "hr.head");
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the quarterly evaluation of 2025-Q4 never reached HR's confirmation");
    }

    private void post(String path, String user, String csv) {
        var response = api.postFile(path, user, "indev.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    }

    private static void q(String person, int quarter, String kpi, String actual) {
        QUARTER_ACTUALS.put(person + "|" + quarter + "|" + kpi, actual);
    }

    private static void m(String person, String period, String kpi, String cells) {
        MONTH_ROWS.put(person + "|" + period + "|" + kpi, cells);
    }

    private static void expect(String quarter, String person, String score, int rank, boolean below, int streak,
            String outcome) {
        EXPECTED.computeIfAbsent(quarter, k -> new LinkedHashMap<>())
                .put(person, new Expected(score, rank, below, streak, outcome));
    }
}
