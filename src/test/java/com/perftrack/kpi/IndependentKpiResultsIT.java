package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An outside check of {@code GET /api/kpi-results} (SPEC.md sections 2.3, 4 and 6), everything
 * through the public imports. Every expected number below is worked out by hand from the figures;
 * ratios are rounded half-up to 6 decimals.
 *
 * <p>Company INDEP (distribution) → department INDEP-SALES → regions IR-EAST (IP01, IP02, IP03) and
 * IR-WEST (IP04, IP05, IP06). Monthly figures 2025-01..12, month m:
 * <pre>
 *             SALES_AMOUNT        NEW_CUSTOMERS  CUSTOMER_SATISFACTION  SALES_CYCLE_DAYS (lower)
 *   IP01  100000 / 100000+1000m     10 / 12          0.90 / 0.95            30 / 25
 *   IP02   80000 /  72000           10 / 10          0.90 / 0.85            30 / 30
 *   IP03   50000 /  90000           10 /  8          0.90 / 0.90            30 / 10
 *   IP04  100000 /  89999           10 / 10          0.90 / 0.80            30 / 40
 *   IP05   80000 /  72000           10 /  5          0.90 / 0.92            30 / 33
 *   IP06   60000 /  60000           10 / 15          0.90 / 0.88            30 /  0
 * </pre>
 * Gaps: 2025-03 IP04 SALES_CYCLE_DAYS without target; 2025-06 IP02 SALES_AMOUNT without actual;
 * 2025-06 IP05 NEW_CUSTOMERS without target. Company COMPLAINTS (lower), target 10, actual
 * Jan 8, Feb 12, Mar 11, Jun 0, Jul 5, other months 9. A year earlier, imported afterwards in a file of
 * its own (so the import must recompute 2025-06): 2024-06 IP01 SALES_AMOUNT 90000 / 80000,
 * IP05 NEW_CUSTOMERS 10 / 0, INDEP COMPLAINTS 10 / 4. Nobody has a row of their own for a region,
 * the department, or the company (except COMPLAINTS): those are roll-ups of the people's complete
 * pairs (sum for sum KPIs, mean for average KPIs).
 */
@IntegrationTest
class IndependentKpiResultsIT {

    /** The administrator of the IT profile: creates the test's own company and writes its units (issue 10). */
    static final String ADMIN = "admin:it-admin-secret";

    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,INDEP,独立核对公司 Independent Co.,,indep.gm,,distribution\n"
            + "department,INDEP-SALES,销售部,INDEP,indep.sales,,sales\n"
            + "region,IR-EAST,东区,INDEP-SALES,indep.east,,\n"
            + "region,IR-WEST,西区,INDEP-SALES,indep.west,,\n"
            + "person,IP01,一,IR-EAST,indep.p01,,employee\n"
            + "person,IP02,二,IR-EAST,indep.p02,,employee\n"
            + "person,IP03,三,IR-EAST,indep.p03,,employee\n"
            + "person,IP04,四,IR-WEST,indep.p04,,employee\n"
            + "person,IP05,五,IR-WEST,indep.p05,,employee\n"
            + "person,IP06,六,IR-WEST,indep.p06,,employee\n";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";
    static final String[] PEOPLE = {"IP01", "IP02", "IP03", "IP04", "IP05", "IP06"};
    static final int[] SALES_TARGET = {100000, 80000, 50000, 100000, 80000, 60000};
    static final int[] SALES_ACTUAL = {-1, 72000, 90000, 89999, 72000, 60000}; // IP01: 100000 + 1000m
    static final int[] NEW_CUSTOMERS = {12, 10, 8, 10, 5, 15};
    static final String[] SATISFACTION = {"0.95", "0.85", "0.90", "0.80", "0.92", "0.88"};
    static final int[] CYCLE_DAYS = {25, 30, 10, 40, 33, 0};
    static final int[] COMPLAINTS = {8, 12, 11, 9, 9, 0, 5, 9, 9, 9, 9, 9};

    private static boolean imported;

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importOnce() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "INDEP");
        if (imported) {
            return;
        }
        post("/api/imports/organisation", ADMIN, ORGANISATION);
        StringBuilder sales = new StringBuilder(HEADER);
        StringBuilder marketing = new StringBuilder(HEADER);
        StringBuilder quality = new StringBuilder(HEADER);
        for (int m = 1; m <= 12; m++) {
            String period = String.format("2025-%02d", m);
            for (int p = 0; p < PEOPLE.length; p++) {
                String person = PEOPLE[p];
                String salesActual = p == 0 ? String.valueOf(100000 + 1000 * m) : String.valueOf(SALES_ACTUAL[p]);
                if (m == 6 && person.equals("IP02")) {
                    salesActual = "";
                }
                row(sales, period, "person", person, "SALES_AMOUNT", String.valueOf(SALES_TARGET[p]), salesActual);
                row(sales, period, "person", person, "NEW_CUSTOMERS", m == 6 && person.equals("IP05") ? "" : "10",
                        String.valueOf(NEW_CUSTOMERS[p]));
                row(sales, period, "person", person, "SALES_CYCLE_DAYS", m == 3 && person.equals("IP04") ? "" : "30",
                        String.valueOf(CYCLE_DAYS[p]));
                row(marketing, period, "person", person, "CUSTOMER_SATISFACTION", "0.90", SATISFACTION[p]);
            }
            row(quality, period, "company", "INDEP", "COMPLAINTS", "10", String.valueOf(COMPLAINTS[m - 1]));
        }
        post("/api/imports/figures", ADMIN, sales.toString());
        post("/api/imports/figures", ADMIN, marketing.toString());
        post("/api/imports/figures", ADMIN, quality.toString());
        post("/api/imports/figures", ADMIN, HEADER
                + "2024-06,person,IP01,SALES_AMOUNT,90000,80000\n"
                + "2024-06,person,IP05,NEW_CUSTOMERS,10,0\n"
                + "2024-06,company,INDEP,COMPLAINTS,10,4\n");
        imported = true;
    }

    @Test
    void people_march_sales_amount_with_the_cap_amber_boundary_and_shared_ranks() {
        JsonNode march = results("2025-03");
        // IP01: 103000 − 100000 = 3000; 3000 / 100000 = 0.03; 103000 / 100000 = 1.03;
        // MoM (103000 − 102000) / 102000 = 0.0098039… → 0.009804; no 2024-03 figure → YoY null
        check(march, "IP01", "SALES_AMOUNT", "100000", "103000", "3000", "0.03", "1.03", "0.009804", null, "green", 2);
        // IP03: 90000 / 50000 = 1.8, capped at 1.5; deviation 40000 / 50000 = 0.8; MoM 0
        check(march, "IP03", "SALES_AMOUNT", "50000", "90000", "40000", "0.8", "1.5", "0", null, "green", 1);
        // IP06 exactly on target: 1.0 is green (≥ 100%)
        check(march, "IP06", "SALES_AMOUNT", "60000", "60000", "0", "0", "1", "0", null, "green", 3);
        // IP02 and IP05: 72000 / 80000 = 0.9 exactly: amber (≥ 90%), shared rank 4 → next is 6
        check(march, "IP02", "SALES_AMOUNT", "80000", "72000", "-8000", "-0.1", "0.9", "0", null, "amber", 4);
        check(march, "IP05", "SALES_AMOUNT", "80000", "72000", "-8000", "-0.1", "0.9", "0", null, "amber", 4);
        // IP04: 89999 / 100000 = 0.89999 < 0.9: red; −10001 / 100000 = −0.10001
        check(march, "IP04", "SALES_AMOUNT", "100000", "89999", "-10001", "-0.10001", "0.89999", "0", null, "red", 6);
    }

    @Test
    void march_roll_ups_of_a_sum_kpi_to_regions_department_and_company() {
        JsonNode march = results("2025-03");
        // east: targets 100000 + 80000 + 50000 = 230000, actuals 103000 + 72000 + 90000 = 265000;
        // 35000 / 230000 = 0.1521739… → 0.152174; 265000 / 230000 = 1.152174;
        // February east 102000 + 72000 + 90000 = 264000 → MoM 1000 / 264000 = 0.0037878… → 0.003788
        check(march, "IR-EAST", "SALES_AMOUNT", "230000", "265000", "35000", "0.152174", "1.152174", "0.003788",
                null, "green", 1);
        // west: 100000 + 80000 + 60000 = 240000, 89999 + 72000 + 60000 = 221999; −18001 / 240000 = −0.0750041…
        // → −0.075004; 221999 / 240000 = 0.9249958… → 0.924996 (amber); February identical → MoM 0
        check(march, "IR-WEST", "SALES_AMOUNT", "240000", "221999", "-18001", "-0.075004", "0.924996", "0", null,
                "amber", 2);
        // department and company: 470000 / 486999; 16999 / 470000 = 0.0361680… → 0.036168, attainment
        // 1.036168; February 485999 → MoM 1000 / 485999 = 0.0020576… → 0.002058
        for (String unit : new String[] {"INDEP-SALES", "INDEP"}) {
            check(march, unit, "SALES_AMOUNT", "470000", "486999", "16999", "0.036168", "1.036168", "0.002058", null,
                    "green", 1);
        }
    }

    @Test
    void march_lower_is_better_inverts_caps_and_skips_a_person_without_target() {
        JsonNode march = results("2025-03");
        // IP01: 30 / 25 = 1.2; deviation 25 − 30 = −5, −5 / 30 = −0.166667
        check(march, "IP01", "SALES_CYCLE_DAYS", "30", "25", "-5", "-0.166667", "1.2", "0", null, "green", 3);
        // IP03: 30 / 10 = 3 → cap 1.5; IP06: actual 0 cannot be beaten → cap 1.5; both rank 1
        check(march, "IP03", "SALES_CYCLE_DAYS", "30", "10", "-20", "-0.666667", "1.5", "0", null, "green", 1);
        check(march, "IP06", "SALES_CYCLE_DAYS", "30", "0", "-30", "-1", "1.5", null, null, "green", 1);
        // IP02 on target (rank 4), IP05: 30 / 33 = 0.909090… → 0.909091 amber (rank 5)
        check(march, "IP02", "SALES_CYCLE_DAYS", "30", "30", "0", "0", "1", "0", null, "green", 4);
        check(march, "IP05", "SALES_CYCLE_DAYS", "30", "33", "3", "0.1", "0.909091", "0", null, "amber", 5);
        // IP04 has no target in March: nothing derived from it, no rank; its MoM (40 vs 40) still holds
        check(march, "IP04", "SALES_CYCLE_DAYS", null, "40", null, null, null, "0", null, null, null);
        // west without IP04: mean target 30, mean actual (33 + 0) / 2 = 16.5; 30 / 16.5 = 1.82 → cap 1.5;
        // −13.5 / 30 = −0.45; February west (40 + 33 + 0) / 3 = 24.333333 →
        // MoM (16.5 − 24.333333) / 24.333333 = −0.3219178… → −0.321918
        check(march, "IR-WEST", "SALES_CYCLE_DAYS", "30", "16.5", "-13.5", "-0.45", "1.5", "-0.321918", null,
                "green", 1);
        // east: (25 + 30 + 10) / 3 = 21.666667; 30 / 21.666667 = 1.3846153… → 1.384615; −8.333333 / 30 → −0.277778
        check(march, "IR-EAST", "SALES_CYCLE_DAYS", "30", "21.666667", "-8.333333", "-0.277778", "1.384615", "0",
                null, "green", 2);
        // department: five complete people (25 + 30 + 10 + 33 + 0) / 5 = 19.6; 30 / 19.6 = 1.53 → cap 1.5;
        // −10.4 / 30 = −0.346667. February: six people (138 / 6 = 23) → (19.6 − 23) / 23 = −0.1478260… → −0.147826
        check(march, "INDEP-SALES", "SALES_CYCLE_DAYS", "30", "19.6", "-10.4", "-0.346667", "1.5", "-0.147826", null,
                "green", 1);
    }

    @Test
    void march_average_kpi_fractions_and_their_roll_ups() {
        JsonNode march = results("2025-03");
        // 0.95 / 0.9 = 1.0555… → 1.055556; 0.05 / 0.9 = 0.055556
        check(march, "IP01", "CUSTOMER_SATISFACTION", "0.9", "0.95", "0.05", "0.055556", "1.055556", "0", null,
                "green", 1);
        // 0.85 / 0.9 = 0.944444 amber; 0.8 / 0.9 = 0.888889 red (rank 6 of 6)
        check(march, "IP02", "CUSTOMER_SATISFACTION", "0.9", "0.85", "-0.05", "-0.055556", "0.944444", "0", null,
                "amber", 5);
        check(march, "IP04", "CUSTOMER_SATISFACTION", "0.9", "0.8", "-0.1", "-0.111111", "0.888889", "0", null,
                "red", 6);
        // east: (0.95 + 0.85 + 0.90) / 3 = 0.9 → 1.0 exactly, green
        check(march, "IR-EAST", "CUSTOMER_SATISFACTION", "0.9", "0.9", "0", "0", "1", "0", null, "green", 1);
        // west: (0.80 + 0.92 + 0.88) / 3 = 0.866667; −0.033333 / 0.9 = −0.037037; 0.866667 / 0.9 = 0.962963 amber
        check(march, "IR-WEST", "CUSTOMER_SATISFACTION", "0.9", "0.866667", "-0.033333", "-0.037037", "0.962963",
                "0", null, "amber", 2);
        // department: 5.3 / 6 = 0.883333; −0.016667 / 0.9 = −0.018519; 0.883333 / 0.9 = 0.981481 amber
        check(march, "INDEP-SALES", "CUSTOMER_SATISFACTION", "0.9", "0.883333", "-0.016667", "-0.018519", "0.981481",
                "0", null, "amber", 1);
    }

    @Test
    void company_complaints_lower_is_better_with_mom_and_yoy() {
        // January 10 / 8 = 1.25 green; no December 2024 → MoM null
        check(results("2025-01"), "INDEP", "COMPLAINTS", "10", "8", "-2", "-0.2", "1.25", null, null, "green", 1);
        // February 10 / 12 = 0.833333 red; MoM (12 − 8) / 8 = 0.5
        check(results("2025-02"), "INDEP", "COMPLAINTS", "10", "12", "2", "0.2", "0.833333", "0.5", null, "red", 1);
        // March 10 / 11 = 0.909091 amber; MoM (11 − 12) / 12 = −0.083333
        check(results("2025-03"), "INDEP", "COMPLAINTS", "10", "11", "1", "0.1", "0.909091", "-0.083333", null,
                "amber", 1);
        // June 0 complaints: cap 1.5; MoM (0 − 9) / 9 = −1; YoY against 2024-06's 4: (0 − 4) / 4 = −1
        check(results("2025-06"), "INDEP", "COMPLAINTS", "10", "0", "-10", "-1", "1.5", "-1", "-1", "green", 1);
        // July 10 / 5 = 2 → cap 1.5; MoM against June's 0 is undefined → null
        check(results("2025-07"), "INDEP", "COMPLAINTS", "10", "5", "-5", "-0.5", "1.5", null, null, "green", 1);
    }

    @Test
    void june_gaps_yoy_and_roll_ups_without_incomplete_pairs() {
        JsonNode june = results("2025-06");
        // IP02 reported no actual: no deviation, attainment, status, rank or growth
        check(june, "IP02", "SALES_AMOUNT", "80000", null, null, null, null, null, null, null, null);
        // IP01 106000: MoM 1000 / 105000 = 0.0095238… → 0.009524; YoY (106000 − 80000) / 80000 = 0.325
        check(june, "IP01", "SALES_AMOUNT", "100000", "106000", "6000", "0.06", "1.06", "0.009524", "0.325", "green",
                2);
        // ranks without IP02: IP03 1.5 (1), IP01 1.06 (2), IP06 1 (3), IP05 0.9 (4), IP04 0.89999 (5)
        check(june, "IP04", "SALES_AMOUNT", "100000", "89999", "-10001", "-0.10001", "0.89999", "0", null, "red", 5);
        // east only IP01 + IP03: 150000 / 196000; 46000 / 150000 = 0.306667; 196000 / 150000 = 1.306667;
        // May east 105000 + 72000 + 90000 = 267000 → MoM −71000 / 267000 = −0.2659176… → −0.265918;
        // 2024-06 east = IP01's 80000 → YoY 116000 / 80000 = 1.45
        check(june, "IR-EAST", "SALES_AMOUNT", "150000", "196000", "46000", "0.306667", "1.306667", "-0.265918",
                "1.45", "green", 1);
        // company: 106000 + 90000 + 89999 + 72000 + 60000 = 417999 of 100000 + 50000 + 100000 + 80000 + 60000
        // = 390000; 27999 / 390000 = 0.0717923… → 0.071792; 417999 / 390000 = 1.071792;
        // May 105000 + 72000 + 90000 + 89999 + 72000 + 60000 = 488999 → −71000 / 488999 = −0.1451945… → −0.145195;
        // YoY (417999 − 80000) / 80000 = 4.2249875 → 4.224988
        check(june, "INDEP", "SALES_AMOUNT", "390000", "417999", "27999", "0.071792", "1.071792", "-0.145195",
                "4.224988", "green", 1);
        // IP05 has no NEW_CUSTOMERS target in June; its YoY compares with 2024-06's 0 → null
        check(june, "IP05", "NEW_CUSTOMERS", null, "5", null, null, null, "0", null, null, null);
        // IP06 15 / 10 = 1.5 (exactly the cap); no 2024 figure → YoY null
        check(june, "IP06", "NEW_CUSTOMERS", "10", "15", "5", "0.5", "1.5", "0", null, "green", 1);
        // west without IP05: (10 + 15) / (10 + 10) = 1.25; May west 10 + 5 + 15 = 30 → (25 − 30) / 30 = −0.166667
        check(june, "IR-WEST", "NEW_CUSTOMERS", "20", "25", "5", "0.25", "1.25", "-0.166667", null, "green", 1);
    }

    @Test
    void july_growth_after_a_gap() {
        JsonNode july = results("2025-07");
        // IP02's June actual is missing → MoM null
        check(july, "IP02", "SALES_AMOUNT", "80000", "72000", "-8000", "-0.1", "0.9", null, null, "amber", 4);
        // east July 107000 + 72000 + 90000 = 269000 against June's 196000: 73000 / 196000 = 0.3724489… → 0.372449
        check(july, "IR-EAST", "SALES_AMOUNT", "230000", "269000", "39000", "0.169565", "1.169565", "0.372449", null,
                "green", 1);
    }

    private JsonNode results(String period) {
        var response = api.get("/api/kpi-results?period=" + period, "secgen");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void check(JsonNode rows, String unit, String kpi, String target, String actual, String deviation,
            String deviationPct, String attainment, String momGrowth, String yoyGrowth, String status, Integer rank) {
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (unit.equals(r.get("unitCode").asText()) && kpi.equals(r.get("kpiCode").asText())) {
                row = r;
            }
        }
        assertThat(row).as("a result for %s %s", unit, kpi).isNotNull();
        String what = unit + " " + kpi + " ";
        number(row, "target", target, what);
        number(row, "actual", actual, what);
        number(row, "deviation", deviation, what);
        number(row, "deviationPct", deviationPct, what);
        number(row, "attainment", attainment, what);
        number(row, "momGrowth", momGrowth, what);
        number(row, "yoyGrowth", yoyGrowth, what);
        if (status == null) {
            assertThat(row.path("status").isNull() || row.path("status").isMissingNode()).as(what + "status: " + row)
                    .isTrue();
        } else {
            assertThat(row.get("status").asText()).as(what + "status").isEqualTo(status);
        }
        if (rank == null) {
            assertThat(row.path("rank").isNull() || row.path("rank").isMissingNode()).as(what + "rank: " + row).isTrue();
        } else {
            assertThat(row.get("rank").asInt()).as(what + "rank").isEqualTo(rank);
        }
    }

    private static void number(JsonNode row, String field, String expected, String what) {
        JsonNode value = row.path(field);
        if (expected == null) {
            assertThat(value.isNull() || value.isMissingNode()).as(what + field + " should be null: " + row).isTrue();
        } else {
            assertThat(value.isNumber()).as(what + field + ": " + row).isTrue();
            assertThat(value.decimalValue()).as(what + field).isEqualByComparingTo(new BigDecimal(expected));
        }
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(String.join(",", cells)).append('\n');
    }

    private void post(String path, String user, String csv) {
        var response = api.postFile(path, user, "indep.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    }
}
