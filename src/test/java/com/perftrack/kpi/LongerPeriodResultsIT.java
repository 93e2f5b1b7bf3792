package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/kpi-results} and {@code /api/data-gaps} for a quarter, a half year and a year
 * (SPEC.md section 7 "Periods"), everything through the public imports; every expected number is
 * worked out by hand beside it (ratios half-up to 6 decimals).
 *
 * <p>Company LPER → LPER-SALES → region LR-EAST with LP1 and LP2 (employees). SALES_AMOUNT, target
 * 100000 a month except 2023 (50000):
 * <pre>
 *          2023-04 2023-05 | 2024-01 2024-02 2024-03 | 2024-04 2024-05 2024-06
 *   LP1     50000   50000  |  80000  100000  100000  |  90000  110000   (none)
 *   LP2       –       –    | 100000  100000  100000  | 120000  130000  110000
 * </pre>
 * Company rows of its own: SALES_CYCLE_DAYS (avg, lower) target 30, actual 40 in each month of
 * 2024-Q1 and 36, 30, 33 in 2024-Q2; COMPLAINTS (sum, lower) target 5, actual 0 in 2024-Q2.
 */
@IntegrationTest
class LongerPeriodResultsIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,LPER,期间测试公司 Periods Co.,,lper.gm,,production\n"
            + "department,LPER-SALES,销售部,LPER,lper.sales,,sales\n"
            + "region,LR-EAST,东区,LPER-SALES,lper.east,,\n"
            + "person,LP1,甲,LR-EAST,lper.p1,,employee\n"
            + "person,LP2,乙,LR-EAST,lper.p2,,employee\n";
    static final String FIGURES = "period,unit_type,unit_code,kpi_code,target,actual\n"
            + "2023-04,person,LP1,SALES_AMOUNT,50000,50000\n"
            + "2023-05,person,LP1,SALES_AMOUNT,50000,50000\n"
            + "2024-01,person,LP1,SALES_AMOUNT,100000,80000\n"
            + "2024-02,person,LP1,SALES_AMOUNT,100000,100000\n"
            + "2024-03,person,LP1,SALES_AMOUNT,100000,100000\n"
            + "2024-04,person,LP1,SALES_AMOUNT,100000,90000\n"
            + "2024-05,person,LP1,SALES_AMOUNT,100000,110000\n"
            + "2024-06,person,LP1,SALES_AMOUNT,100000,\n"
            + "2024-01,person,LP2,SALES_AMOUNT,100000,100000\n"
            + "2024-02,person,LP2,SALES_AMOUNT,100000,100000\n"
            + "2024-03,person,LP2,SALES_AMOUNT,100000,100000\n"
            + "2024-04,person,LP2,SALES_AMOUNT,100000,120000\n"
            + "2024-05,person,LP2,SALES_AMOUNT,100000,130000\n"
            + "2024-06,person,LP2,SALES_AMOUNT,100000,110000\n"
            + "2024-01,company,LPER,SALES_CYCLE_DAYS,30,40\n"
            + "2024-02,company,LPER,SALES_CYCLE_DAYS,30,40\n"
            + "2024-03,company,LPER,SALES_CYCLE_DAYS,30,40\n"
            + "2024-04,company,LPER,SALES_CYCLE_DAYS,30,36\n"
            + "2024-05,company,LPER,SALES_CYCLE_DAYS,30,30\n"
            + "2024-06,company,LPER,SALES_CYCLE_DAYS,30,33\n"
            + "2024-04,company,LPER,COMPLAINTS,5,0\n"
            + "2024-05,company,LPER,COMPLAINTS,5,0\n"
            + "2024-06,company,LPER,COMPLAINTS,5,0\n";

    private static boolean imported;

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importOnce() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "LPER");
        if (imported) {
            return;
        }
        post("/api/imports/organisation", ORGANISATION);
        post("/api/imports/figures", FIGURES);
        imported = true;
    }

    @Test
    void a_quarter_aggregates_the_months_with_both_figures_and_ranks_like_a_month() {
        JsonNode q2 = api.get("/api/kpi-results?period=2024-Q2&unitType=person", "secgen").json();
        // LP1: April and May count (June has no actual): 200000 / 200000 = 1; Q1 actual 280000 →
        // MoM (200000 − 280000) / 280000 = −0.2857142… → −0.285714; 2023-Q2 actual 100000 → YoY 1
        check(q2, "LP1", "SALES_AMOUNT", "200000", "200000", "0", "0", "1", "-0.285714", "1", "green", 2);
        // LP2: 360000 / 300000 = 1.2; deviation 60000 / 300000 = 0.2; Q1 300000 → MoM 0.2; no 2023-Q2
        check(q2, "LP2", "SALES_AMOUNT", "300000", "360000", "60000", "0.2", "1.2", "0.2", null, "green", 1);
        assertThat(q2.findValuesAsText("period")).containsOnly("2024-Q2");

        // the region is its people's monthly roll-up (June: only LP2 complete): 500000 / 560000 → 1.12
        JsonNode region = api.get("/api/kpi-results?period=2024-Q2&unitCode=LR-EAST", "secgen").json();
        // Q1 roll-up 280000 + 300000 = 580000: (560000 − 580000) / 580000 = −0.0344827… → −0.034483
        // 2023-Q2: LP1 alone, 100000 → YoY (560000 − 100000) / 100000 = 4.6
        check(region, "LR-EAST", "SALES_AMOUNT", "500000", "560000", "60000", "0.12", "1.12", "-0.034483", "4.6",
                "green", 1);
    }

    @Test
    void lower_is_better_kpis_are_inverted_over_the_quarter() {
        JsonNode company = api.get("/api/kpi-results?period=2024-Q2&unitType=company&unitCode=LPER", "secgen").json();
        // average cycle days: (36 + 30 + 33) / 3 = 33 against 30 → 30 / 33 = 0.909090… → 0.909091 amber;
        // deviation 3 / 30 = 0.1; Q1 average 40 → MoM (33 − 40) / 40 = −0.175
        check(company, "LPER", "SALES_CYCLE_DAYS", "30", "33", "3", "0.1", "0.909091", "-0.175", null, "amber", 1);
        // complaints: target 15, actual 0 → the cap 1.5 (SPEC.md section 6)
        check(company, "LPER", "COMPLAINTS", "15", "0", "-15", "-1", "1.5", null, null, "green", 1);
    }

    @Test
    void a_half_year_and_a_year_compare_with_the_period_before_and_a_year_before() {
        JsonNode h1 = api.get("/api/kpi-results?period=2024-H1&unitCode=LP1", "secgen").json();
        // Jan–May count: target 500000, actual 80000 + 100000 + 100000 + 90000 + 110000 = 480000 → 0.96 amber;
        // 2023-H2 has nothing; 2023-H1 actual 100000 → YoY (480000 − 100000) / 100000 = 3.8
        check(h1, "LP1", "SALES_AMOUNT", "500000", "480000", "-20000", "-0.04", "0.96", null, "3.8", "amber", 2);
        JsonNode year = api.get("/api/kpi-results?period=2024&unitCode=LP2", "secgen").json();
        // LP2: 660000 / 600000 = 1.1; the year before (2023) has no LP2 figure
        check(year, "LP2", "SALES_AMOUNT", "600000", "660000", "60000", "0.1", "1.1", null, null, "green", 1);
        JsonNode lp1Year = api.get("/api/kpi-results?period=2024&unitCode=LP1", "secgen").json();
        // for a year the previous period is the year before: MoM and YoY both (480000 − 100000) / 100000
        check(lp1Year, "LP1", "SALES_AMOUNT", "500000", "480000", "-20000", "-0.04", "0.96", "3.8", "3.8", "amber", 2);
    }

    @Test
    void data_gaps_of_a_quarter_list_the_months_that_do_not_count() {
        JsonNode gaps = api.get("/api/data-gaps?period=2024-Q2&unitCode=LP1", "secgen").json();
        List<String> sales = new ArrayList<>();
        List<String> newCustomers = new ArrayList<>();
        gaps.forEach(g -> {
            if (g.get("kpiCode").asText().equals("SALES_AMOUNT")) {
                sales.add(g.get("period").asText() + " " + g.get("missing").asText());
            }
            if (g.get("kpiCode").asText().equals("NEW_CUSTOMERS")) {
                newCustomers.add(g.get("period").asText() + " " + g.get("missing").asText());
            }
        });
        assertThat(sales).containsExactly("2024-06 actual");
        // a KPI weighted for employees that LP1 never reported: each month of the quarter is a gap
        assertThat(newCustomers).containsExactly("2024-04 both", "2024-05 both", "2024-06 both");
        // the company's cycle days have all three months
        assertThat(api.get("/api/data-gaps?period=2024-Q2&unitCode=LPER", "secgen").json().findValuesAsText("kpiCode"))
                .doesNotContain("SALES_CYCLE_DAYS");
    }

    @Test
    void a_bad_period_is_refused_with_a_sentence() {
        var refused = api.get("/api/kpi-results?period=2024-Q5", "secgen");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("quarter must be Q1..Q4");
        var other = api.get("/api/data-gaps?period=2024-W07", "secgen");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        assertThat(api.get("/api/figures?period=2024-Q2", "secgen").status()).as("figures are stored per month")
                .isEqualTo(400);
    }

    private void post(String path, String csv) {
        var response = api.postFile(path, ADMIN, "lper.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static void check(JsonNode rows, String unit, String kpi, String target, String actual, String deviation,
            String deviationPct, String attainment, String mom, String yoy, String status, Integer rank) {
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.get("unitCode").asText().equals(unit) && r.get("kpiCode").asText().equals(kpi)) {
                row = r;
            }
        }
        assertThat(row).as(unit + " " + kpi + " in " + rows).isNotNull();
        number(row, "target", target);
        number(row, "actual", actual);
        number(row, "deviation", deviation);
        number(row, "deviationPct", deviationPct);
        number(row, "attainment", attainment);
        number(row, "momGrowth", mom);
        number(row, "yoyGrowth", yoy);
        assertThat(row.get("status").isNull() ? null : row.get("status").asText()).as(unit + " status").isEqualTo(status);
        assertThat(row.get("rank").isNull() ? null : row.get("rank").asInt()).as(unit + " rank").isEqualTo(rank);
    }

    static void number(JsonNode row, String field, String expected) {
        JsonNode value = row.get(field);
        if (expected == null) {
            assertThat(value.isNull()).as(field + " of " + row).isTrue();
        } else {
            assertThat(value.decimalValue()).as(field + " of " + row).isEqualByComparingTo(new BigDecimal(expected));
        }
    }
}
