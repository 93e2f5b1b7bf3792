package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Owners shape the method (issue 14, SPEC.md section 7): a company of another type (OWNQ,
 * project-management) brings its own catalogue with two new KPIs and its own weights, through the
 * public imports only, and its quarters are scored with them. The new KPIs' source role is one no
 * department of the shared test database has ({@code owners-check}): every department of every company
 * must report the KPIs of its role, and the other ITs' companies do not know these.
 *
 * <p>The data, 2013, three project managers of role {@code pm} (one peer group):
 * <ul>
 * <li>{@code SALES_AMOUNT} (built in, sum): target 100 a month; actual 110 / 90 / 100 (P1 / P2 / P3):
 *     attainment 1.1 / 0.9 / 1.0.</li>
 * <li>{@code OWNQ_COMPLETION} 项目完成率 (new, %, avg, higher): target 0.8 a month; actual 0.8 / 0.6 /
 *     0.88: attainment 1.0 / 0.75 / 1.1. P3 leaves May's actual empty and reports 0.9 in April and
 *     0.7 in June: Q2 counts April and June only, (0.9 + 0.7) / 2 / 0.8 = 1.0 (a zero for May would
 *     give 0.6667), and May is a data gap.</li>
 * <li>{@code OWNQ_DELAY} 项目延期天数 (new, days, avg, lower is better): target 10 a month; actual 8 /
 *     12 / 5: attainment 10/8 = 1.25 / 10/12 = 0.8333 / 10/5 = 2.0, capped at 1.5.</li>
 * </ul>
 * Weights of role pm: from 2013-Q1 SALES 50, COMPLETION 30, DELAY 20; from 2013-Q3 20 / 40 / 40.
 * Scores (weighted mean, 4 decimals): Q1 P1 (55 + 30 + 25) / 100 = 1.1000, P2 (45 + 22.5 + 16.667) / 100
 * = 0.8417, P3 (50 + 33 + 30) / 100 = 1.1300; Q2 the same except P3 (50 + 30 + 30) / 100 = 1.1000;
 * Q3 and Q4 P1 (22 + 40 + 50) / 100 = 1.1200, P2 (18 + 30 + 33.333) / 100 = 0.8133, P3 (20 + 44 + 60)
 * / 100 = 1.2400. Ranks among three, top ⌈10% × 3⌉ = 1 place (ties included) BONUS; P2 below target
 * every quarter: WARNING at 2, FINE at 3, DEMOTION_OR_TRANSFER_REVIEW at 4.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnersKpiIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String CATALOGUE = "code,name_zh,name_en,unit,aggregation,direction,decimals,source_role\n"
            + "OWNQ_COMPLETION,项目完成率,Project completion,%,avg,higher,4,owners-check\n"
            + "OWNQ_DELAY,项目延期天数,Project delay,days,avg,lower,1,owners-check\n";
    static final String WEIGHTS = "company_code,role,kpi_code,weight,valid_from\n"
            + "OWNQ,pm,SALES_AMOUNT,50,2013-Q1\n" + "OWNQ,pm,OWNQ_COMPLETION,30,2013-Q1\n" + "OWNQ,pm,OWNQ_DELAY,20,2013-Q1\n"
            + "OWNQ,pm,SALES_AMOUNT,20,2013-Q3\n" + "OWNQ,pm,OWNQ_COMPLETION,40,2013-Q3\n" + "OWNQ,pm,OWNQ_DELAY,%s,2013-Q3\n";

    /** person → {score, rank, belowTarget, consecutive, outcome} per quarter, worked out by hand (above). */
    static final Object[][][] EXPECTED = {
        {{"OWNQ-P1", "1.1000", 2, false, 0, null}, {"OWNQ-P2", "0.8417", 3, true, 1, null},
         {"OWNQ-P3", "1.1300", 1, false, 0, "BONUS"}},
        {{"OWNQ-P1", "1.1000", 1, false, 0, "BONUS"}, {"OWNQ-P2", "0.8417", 3, true, 2, "WARNING"},
         {"OWNQ-P3", "1.1000", 1, false, 0, "BONUS"}},
        {{"OWNQ-P1", "1.1200", 2, false, 0, null}, {"OWNQ-P2", "0.8133", 3, true, 3, "FINE"},
         {"OWNQ-P3", "1.2400", 1, false, 0, "BONUS"}},
        {{"OWNQ-P1", "1.1200", 2, false, 0, null}, {"OWNQ-P2", "0.8133", 3, true, 4, "DEMOTION_OR_TRANSFER_REVIEW"},
         {"OWNQ-P3", "1.2400", 1, false, 0, "BONUS"}},
    };

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    EvaluationCalculator calculator;
    Api api;

    @BeforeEach
    void importTheCompany() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "OWNQ");
        String org = "unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,OWNQ,项目公司,,gm,,project-management\n"
                + "department,OWNQ-PM,项目管理部,OWNQ,pm.head,,project-management\n"
                + "person,OWNQ-P1,项目经理一,OWNQ-PM,,,pm\n"
                + "person,OWNQ-P2,项目经理二,OWNQ-PM,,,pm\n"
                + "person,OWNQ-P3,项目经理三,OWNQ-PM,,,pm\n";
        ok(api.postFile("/api/imports/organisation", ADMIN, "ownq.csv", bytes(org)));
        ok(api.postFile("/api/imports/kpi-catalogue", "hr.head", "catalogue.csv", bytes(CATALOGUE)));
        ok(api.postFile("/api/imports/kpi-weights", ADMIN, "weights.csv", bytes(WEIGHTS.formatted("40"))));
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        String[][] person = {{"OWNQ-P1", "110", "0.8", "8"}, {"OWNQ-P2", "90", "0.6", "12"}, {"OWNQ-P3", "100", "0.88", "5"}};
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2013-%02d", month);
            for (String[] p : person) {
                String completion = p[0].equals("OWNQ-P3") && month >= 4 && month <= 6
                        ? (month == 4 ? "0.9" : month == 5 ? "" : "0.7") : p[2];
                figures.append(period).append(",person,").append(p[0]).append(",SALES_AMOUNT,100,").append(p[1]).append('\n')
                        .append(period).append(",person,").append(p[0]).append(",OWNQ_COMPLETION,0.8,").append(completion).append('\n')
                        .append(period).append(",person,").append(p[0]).append(",OWNQ_DELAY,10,").append(p[3]).append('\n');
            }
        }
        ok(api.postFile("/api/imports/figures", ADMIN, "ownq-2013.csv", bytes(figures.toString())));
    }

    @Test
    @Order(1)
    void the_company_s_own_catalogue_and_changing_weights_give_the_hand_computed_quarters() {
        for (int q = 1; q <= 4; q++) {
            assertQuarter("2013-Q" + q, EXPECTED[q - 1]);
        }
        // the weights that apply, as the company and the API see them
        JsonNode q2 = api.get("/api/kpi-weights?companyCode=OWNQ&quarter=2013-Q2", "hr.head").json();
        assertThat(weight(q2, "pm", "OWNQ_DELAY")).isEqualByComparingTo("20");
        JsonNode q4 = api.get("/api/kpi-weights?companyCode=OWNQ&quarter=2013-Q4", "hr.head").json();
        assertThat(weight(q4, "pm", "OWNQ_DELAY")).isEqualByComparingTo("40");
        assertThat(q4.findValuesAsText("validFrom")).contains("2013-Q3");
        assertThat(api.get("/api/kpi-weights?companyCode=OWNQ", "sales1").status())
                .as("a person of another company does not read OWNQ's weights").isEqualTo(403);
    }

    @Test
    @Order(2)
    void new_kpis_work_where_built_in_ones_do_results_gaps_status_dashboard_and_tracking_sheet() throws Exception {
        JsonNode catalogue = api.get("/api/kpi-catalogue", "sales1").json();
        JsonNode delay = null;
        for (JsonNode k : catalogue) {
            if (k.get("code").asText().equals("OWNQ_DELAY")) {
                delay = k;
            }
        }
        assertThat(delay).isNotNull();
        assertThat(delay.get("direction").asText()).isEqualTo("lower");
        assertThat(delay.get("decimals").asInt()).isEqualTo(1);
        assertThat(delay.get("sourceRole").asText()).isEqualTo("owners-check");

        // monthly results: lower is better, 10 / 12, with a status from kpi-status.dmn and a rank
        JsonNode p2 = api.get("/api/kpi-results?period=2013-02&unitCode=OWNQ-P2", ADMIN).json();
        JsonNode p2Delay = row(p2, "OWNQ_DELAY");
        assertThat(p2Delay.get("attainment").decimalValue()).isEqualByComparingTo("0.833333"); // monthly results keep 6 decimals
        assertThat(p2Delay.get("status").asText()).isNotBlank();
        assertThat(p2Delay.get("rank").asInt()).isEqualTo(3);
        // the department's roll-up of an average KPI: the mean of its people
        JsonNode dept = api.get("/api/kpi-results?period=2013-02&unitCode=OWNQ-PM", ADMIN).json();
        assertThat(row(dept, "OWNQ_COMPLETION").get("actual").decimalValue()).isEqualByComparingTo("0.76");

        // May's missing actual of a weighted new KPI is a data gap
        JsonNode gaps = api.get("/api/data-gaps?period=2013-05&unitCode=OWNQ-P3", ADMIN).json();
        assertThat(gaps.findValuesAsText("kpiCode")).containsExactly("OWNQ_COMPLETION");

        // dashboard cards and trend
        JsonNode summary = api.get("/api/dashboard/summary?period=2013-06&unitCode=OWNQ-P1", ADMIN).json();
        assertThat(summary.get("cards").findValuesAsText("kpiCode")).contains("OWNQ_COMPLETION", "OWNQ_DELAY");
        JsonNode trend = api.get("/api/dashboard/trend?to=2013-06&months=6&unitCode=OWNQ-P1", ADMIN).json();
        assertThat(trend.get("series").findValuesAsText("kpiCode")).contains("OWNQ_DELAY");

        // the monthly tracking sheet has the new KPI's rows
        byte[] sheet = api.getBytes("/api/reports/monthly-tracking-sheet?period=2013-06&companyCode=OWNQ", ADMIN);
        assertThat(cellTexts(sheet)).anyMatch(t -> t.contains("项目延期天数"));
    }

    /**
     * SPEC.md section 7: "quarters before keep the weights they were scored with". Q1 to Q3 are
     * confirmed; the owners then raise OWNQ_DELAY in the set valid from Q3 from 40 to 60 and import
     * the whole file again. Q4 (the next quarter) is scored with 20 / 40 / 60: P1 (22 + 40 + 75) / 120
     * = 1.1417, P2 (18 + 30 + 50) / 120 = 0.8167, P3 (20 + 44 + 90) / 120 = 1.2833; the confirmed Q3
     * keeps 1.1200 / 0.8133 / 1.2400, and re-scoring it gives the same numbers.
     */
    @Test
    @Order(3)
    void a_changed_weight_changes_the_next_quarter_and_leaves_the_confirmed_ones_unchanged() {
        for (int q = 1; q <= 3; q++) {
            Quarter quarter = Quarter.parse("2013-Q" + q);
            evaluations.evaluate(quarter, "OWNQ");
            evaluations.publish(quarter, "OWNQ", "hr.head", "gm");
        }
        var reimport = api.postFile("/api/imports/kpi-weights", "hr.head", "weights.csv", bytes(WEIGHTS.formatted("60")));
        ok(reimport);
        assertThat(reimport.json().get("updated").asInt()).as("one set changed").isEqualTo(1);
        assertThat(reimport.json().get("unchanged").asInt()).as("the Q1 set is as it was").isEqualTo(1);

        for (int q = 1; q <= 3; q++) {
            assertQuarter("2013-Q" + q, EXPECTED[q - 1]);
        }
        assertQuarter("2013-Q4", new Object[][] {
            {"OWNQ-P1", "1.1417", 2, false, 0, null}, {"OWNQ-P2", "0.8167", 3, true, 4, "DEMOTION_OR_TRANSFER_REVIEW"},
            {"OWNQ-P3", "1.2833", 1, false, 0, "BONUS"}});
        // re-scoring the confirmed Q3 (as an appeal does) uses the weights it was confirmed with
        Map<String, BigDecimal> rescored = new HashMap<>();
        calculator.company("OWNQ", Quarter.parse("2013-Q3")).forEach(e -> rescored.put(e.personCode(), e.score()));
        assertThat(rescored.get("OWNQ-P1")).isEqualByComparingTo("1.1200");
        assertThat(rescored.get("OWNQ-P2")).isEqualByComparingTo("0.8133");
        assertThat(rescored.get("OWNQ-P3")).isEqualByComparingTo("1.2400");
    }

    /** SPEC.md section 7: a change of aggregation or direction of a KPI that has figures is refused. */
    @Test
    @Order(4)
    void a_catalogue_change_of_direction_for_a_kpi_with_figures_is_refused_and_nothing_changes() {
        String before = api.get("/api/kpi-catalogue", ADMIN).body();
        String changed = "code,name_zh,name_en,unit,aggregation,direction,decimals,source_role\n"
                + "OWNQ_COMPLETION,项目按期完成率,On-time completion,%,avg,higher,2,owners-check\n"
                + "OWNQ_DELAY,项目延期天数,Project delay,days,avg,higher,1,project-management\n"
                + "OWNQ_NEW,新指标,New one,count,sum,higher,0,owners-check\n";
        var refused = api.postFile("/api/imports/kpi-catalogue", "hr.head", "catalogue.csv", bytes(changed));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("direction");
        assertThat(errors.get(0).get("message").asText()).contains("OWNQ_DELAY").contains("create a new code");
        assertThat(api.get("/api/kpi-catalogue", ADMIN).body()).as("nothing changed").isEqualTo(before);

        assertThat(api.postFile("/api/imports/kpi-catalogue", "sales.head", "catalogue.csv", bytes(CATALOGUE)).status())
                .as("a sales head does not own the catalogue").isEqualTo(403);
        var badWeights = api.postFile("/api/imports/kpi-weights", ADMIN, "weights.csv", bytes(
                "company_code,role,kpi_code,weight,valid_from\nOWNQ,pm,NO_SUCH_KPI,10,2013-Q1\nOWNQ,pm,SALES_AMOUNT,-1,2013\n"));
        assertThat(badWeights.status()).isEqualTo(422);
        assertThat(badWeights.json().get("errors").findValuesAsText("field"))
                .containsExactly("kpi_code", "weight", "valid_from");
    }

    /**
     * SPEC.md section 7: the quarterly (and half-yearly, yearly) results of the same company, by hand.
     * SALES_AMOUNT of P1: 3 × 100 target, 3 × 110 actual, 1.1 every quarter. OWNQ_DELAY of P2 (avg, lower):
     * 10 / 12 = 0.833333 every quarter; ranks of OWNQ_DELAY among the three: P3 (capped 1.5) 1, P1 (1.25) 2,
     * P2 3. OWNQ_COMPLETION of P3 in Q2: April 0.9 and June 0.7 count, May is a data gap: actual 0.8,
     * target 0.8, attainment 1.0. In H1: (3 × 0.88 + 0.9 + 0.7) / 5 = 0.848 / 0.8 = 1.06. In 2013: eleven
     * months count, (9 × 0.88 + 0.9 + 0.7) / 11 = 0.865455 (of 9.52 / 11) / 0.8 = 1.081818.
     */
    @Test
    @Order(5)
    void quarterly_half_yearly_and_yearly_results_of_the_company_s_own_kpis_are_the_hand_computed_ones() {
        for (int q = 1; q <= 4; q++) {
            String quarter = "2013-Q" + q;
            JsonNode p1 = api.get("/api/kpi-results?period=" + quarter + "&unitCode=OWNQ-P1", ADMIN).json();
            JsonNode sales = row(p1, "SALES_AMOUNT");
            assertThat(sales.get("target").decimalValue()).as(quarter).isEqualByComparingTo("300");
            assertThat(sales.get("actual").decimalValue()).as(quarter).isEqualByComparingTo("330");
            assertThat(sales.get("attainment").decimalValue()).as(quarter).isEqualByComparingTo("1.1");
            JsonNode people = api.get("/api/kpi-results?period=" + quarter + "&unitType=person", ADMIN).json();
            Map<String, JsonNode> delay = new HashMap<>();
            people.forEach(r -> {
                if (r.get("kpiCode").asText().equals("OWNQ_DELAY") && r.get("unitCode").asText().startsWith("OWNQ-")) {
                    delay.put(r.get("unitCode").asText(), r);
                }
            });
            assertThat(delay.get("OWNQ-P2").get("attainment").decimalValue()).as(quarter).isEqualByComparingTo("0.833333");
            assertThat(delay.get("OWNQ-P3").get("attainment").decimalValue()).as(quarter).isEqualByComparingTo("1.5");
            assertThat(delay.get("OWNQ-P3").get("rank").asInt()).as(quarter).isEqualTo(1);
            assertThat(delay.get("OWNQ-P1").get("rank").asInt()).as(quarter).isEqualTo(2);
            assertThat(delay.get("OWNQ-P2").get("rank").asInt()).as(quarter).isEqualTo(3);
        }
        JsonNode q2 = api.get("/api/kpi-results?period=2013-Q2&unitCode=OWNQ-P3", ADMIN).json();
        assertThat(row(q2, "OWNQ_COMPLETION").get("actual").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(row(q2, "OWNQ_COMPLETION").get("attainment").decimalValue()).isEqualByComparingTo("1.0");
        JsonNode gaps = api.get("/api/data-gaps?period=2013-Q2&unitCode=OWNQ-P3", ADMIN).json();
        assertThat(gaps.findValuesAsText("kpiCode")).containsExactly("OWNQ_COMPLETION");
        assertThat(gaps.findValuesAsText("period")).containsExactly("2013-05");
        JsonNode h1 = api.get("/api/kpi-results?period=2013-H1&unitCode=OWNQ-P3", ADMIN).json();
        assertThat(row(h1, "OWNQ_COMPLETION").get("attainment").decimalValue()).isEqualByComparingTo("1.06");
        JsonNode year = api.get("/api/kpi-results?period=2013&unitCode=OWNQ-P3", ADMIN).json();
        assertThat(row(year, "OWNQ_COMPLETION").get("attainment").decimalValue()).isEqualByComparingTo("1.081818");
    }

    private void assertQuarter(String quarter, Object[][] expected) {
        var response = api.get("/api/evaluations?quarter=" + quarter, "hr.head");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        response.json().forEach(r -> rows.put(r.get("personCode").asText(), r));
        for (Object[] e : expected) {
            String where = quarter + " " + e[0];
            JsonNode row = rows.get((String) e[0]);
            assertThat(row).as(where).isNotNull();
            assertThat(row.get("score").decimalValue()).as(where + " score").isEqualByComparingTo(new BigDecimal((String) e[1]));
            assertThat(row.get("rank").asInt()).as(where + " rank").isEqualTo(e[2]);
            assertThat(row.get("belowTarget").asBoolean()).as(where + " belowTarget").isEqualTo(e[3]);
            assertThat(row.get("consecutiveQuartersBelow").asInt()).as(where + " consecutive").isEqualTo(e[4]);
            JsonNode outcome = row.get("outcome");
            assertThat(outcome == null || outcome.isNull() ? null : outcome.asText()).as(where + " outcome").isEqualTo(e[5]);
        }
    }

    private static BigDecimal weight(JsonNode rows, String role, String kpi) {
        for (JsonNode r : rows) {
            if (r.get("role").asText().equals(role) && r.get("kpiCode").asText().equals(kpi)) {
                return r.get("weight").decimalValue();
            }
        }
        throw new AssertionError("no weight " + role + " " + kpi + " in " + rows);
    }

    private static JsonNode row(JsonNode rows, String kpi) {
        for (JsonNode r : rows) {
            if (r.get("kpiCode").asText().equals(kpi)) {
                return r;
            }
        }
        throw new AssertionError("no " + kpi + " in " + rows);
    }

    private static List<String> cellTexts(byte[] xlsx) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : workbook.getSheetAt(0)) {
                for (Cell c : r) {
                    texts.add(c.toString());
                }
            }
        }
        return texts;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
