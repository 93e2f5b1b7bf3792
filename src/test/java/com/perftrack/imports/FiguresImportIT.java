package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An independent company (NORTH, distribution) with two regions and three people, one year of
 * figures (2025-01..06 as CSV, 2025-07..12 as XLSX) and January 2026. Expected numbers are worked
 * out by hand in the comments.
 *
 * <p>Monthly figures 2025, month m = 1..12: NP1 SALES_AMOUNT target 1000, actual 900 + 10m;
 * NP2 target 2000, actual 2000; NP3 target 500, actual 600; NORTH COMPLAINTS target 10, actual 12.
 * 2026-01: NP1 1000 / 1100, NP2 2000 / 1900, NP3 500 / (not reported), COMPLAINTS 10 / 8.
 */
@IntegrationTest
class FiguresImportIT {

    static final String ORGANISATION = "\uFEFFunit_type,code,name,parent_code,user_id,email,role\n"
            + "company,NORTH,北方公司,,north.gm,gm@north.example,distribution\n"
            + "department,NORTH-SALES,销售部,NORTH,north.sales,,sales\n"
            + "region,N-EAST,华东区,NORTH-SALES,,,\n"
            + "region,N-WEST,华西区,NORTH-SALES,,,\n"
            + "person,NP1,甲,N-EAST,north.p1,p1@north.example,\n"
            + "person,NP2,乙,N-EAST,north.p2,,employee\n"
            + "person,NP3,丙,N-WEST,north.p3,,\n";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";
    /** NORTH is a company of its own: only an administrator creates it and writes all of its units (issue 10). */
    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importTheCompany() throws Exception {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "NORTH");
        var org = api.postFile("/api/imports/organisation", ADMIN, "north.csv", ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        var first = api.postFile("/api/imports/figures", ADMIN, "h1.csv", csv(1, 6).getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = api.postFile("/api/imports/figures", ADMIN, "h2.xlsx", xlsx(7, 12));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        var january = api.postFile("/api/imports/figures", ADMIN, "2026-01.csv", JANUARY_2026.getBytes(StandardCharsets.UTF_8));
        assertThat(january.status()).as(january.body()).isEqualTo(200);
    }

    static final String JANUARY_2026 = HEADER
            + "2026-01,person,NP1,SALES_AMOUNT,1000,1100\n"
            + "2026-01,person,NP2,SALES_AMOUNT,2000,1900\n"
            + "2026-01,person,NP3,SALES_AMOUNT,500,\n"
            + "2026-01,company,NORTH,COMPLAINTS,10,8\n";

    static List<String[]> monthRows(int from, int to) {
        List<String[]> rows = new ArrayList<>();
        for (int m = from; m <= to; m++) {
            String period = String.format("2025-%02d", m);
            rows.add(new String[] {period, "person", "NP1", "SALES_AMOUNT", "1000", String.valueOf(900 + 10 * m)});
            rows.add(new String[] {period, "person", "NP2", "SALES_AMOUNT", "2000", "2000"});
            rows.add(new String[] {period, "person", "NP3", "SALES_AMOUNT", "500", "600"});
            rows.add(new String[] {period, "company", "NORTH", "COMPLAINTS", "10", "12"});
        }
        return rows;
    }

    static String csv(int from, int to) {
        StringBuilder csv = new StringBuilder(HEADER);
        monthRows(from, to).forEach(r -> csv.append(String.join(",", r)).append('\n'));
        return csv.toString();
    }

    static byte[] xlsx(int from, int to) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("figures");
            String[] header = HEADER.trim().split(",");
            var head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (String[] values : monthRows(from, to)) {
                var row = sheet.createRow(r++);
                for (int i = 0; i < 4; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
                row.createCell(4).setCellValue(Double.parseDouble(values[4])); // numbers as Excel numbers
                row.createCell(5).setCellValue(Double.parseDouble(values[5]));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    JsonNode result(String period, String unit, String kpi) {
        var response = api.get("/api/kpi-results?period=" + period + "&unitCode=" + unit, "secgen");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode node : response.json()) {
            if (node.get("kpiCode").asText().equals(kpi)) {
                return node;
            }
        }
        throw new AssertionError("no result " + unit + " " + kpi + " in " + response.body());
    }

    static void assertNumber(JsonNode node, String field, String expected) {
        if (expected == null) {
            assertThat(node.get(field).isNull()).as(field + " of " + node).isTrue();
        } else {
            assertThat(new BigDecimal(node.get(field).asText())).as(field + " of " + node).isEqualByComparingTo(expected);
        }
    }

    @Test
    void person_results_of_january_2026_match_the_hand_computation() {
        JsonNode np1 = result("2026-01", "NP1", "SALES_AMOUNT");
        assertThat(np1.get("unitType").asText()).isEqualTo("person");
        assertNumber(np1, "target", "1000");
        assertNumber(np1, "actual", "1100");
        assertNumber(np1, "deviation", "100");
        assertNumber(np1, "deviationPct", "0.1");
        assertNumber(np1, "attainment", "1.1");
        assertNumber(np1, "momGrowth", "0.078431");  // (1100 - 1020) / 1020 = 0.0784313..
        assertNumber(np1, "yoyGrowth", "0.208791");  // (1100 - 910) / 910 = 0.2087912..
        assertThat(np1.get("status").asText()).isEqualTo("green");
        assertThat(np1.get("rank").asInt()).isEqualTo(1);
        JsonNode np2 = result("2026-01", "NP2", "SALES_AMOUNT");
        assertNumber(np2, "attainment", "0.95");     // 1900 / 2000
        assertNumber(np2, "deviationPct", "-0.05");
        assertNumber(np2, "momGrowth", "-0.05");     // (1900 - 2000) / 2000
        assertThat(np2.get("status").asText()).isEqualTo("amber");
        assertThat(np2.get("rank").asInt()).isEqualTo(2);
        JsonNode np3 = result("2026-01", "NP3", "SALES_AMOUNT");
        assertNumber(np3, "target", "500");
        assertNumber(np3, "actual", null);
        assertNumber(np3, "attainment", null);
        assertThat(np3.get("rank").isNull()).isTrue();
        assertThat(np3.get("status").isNull()).isTrue();
    }

    @Test
    void regions_department_and_company_roll_up_complete_pairs_and_lower_is_better_inverts() {
        JsonNode east = result("2026-01", "N-EAST", "SALES_AMOUNT");
        assertNumber(east, "target", "3000");        // 1000 + 2000
        assertNumber(east, "actual", "3000");        // 1100 + 1900
        assertNumber(east, "attainment", "1");
        assertNumber(east, "momGrowth", "-0.006623"); // (3000 - 3020) / 3020 = -0.0066225..
        assertNumber(east, "yoyGrowth", "0.030928");  // (3000 - 2910) / 2910 = 0.0309278..
        var west = api.get("/api/kpi-results?period=2026-01&unitCode=N-WEST", "secgen").json();
        assertThat(west).isEmpty();                   // NP3 has no actual: nothing to roll up, not 0
        JsonNode company = result("2026-01", "NORTH", "SALES_AMOUNT");
        assertNumber(company, "target", "3000");
        assertNumber(company, "actual", "3000");
        JsonNode complaints = result("2026-01", "NORTH", "COMPLAINTS");
        assertNumber(complaints, "deviation", "-2");
        assertNumber(complaints, "deviationPct", "-0.2");
        assertNumber(complaints, "attainment", "1.25");  // lower is better: 10 / 8
        assertNumber(complaints, "momGrowth", "-0.333333"); // (8 - 12) / 12
        assertThat(complaints.get("status").asText()).isEqualTo("green");
        JsonNode june = result("2025-06", "NORTH-SALES", "SALES_AMOUNT");
        assertNumber(june, "target", "3500");        // 1000 + 2000 + 500
        assertNumber(june, "actual", "3560");        // 960 + 2000 + 600
        assertNumber(june, "attainment", "1.017143"); // 3560 / 3500 = 1.0171428..
        assertNumber(june, "momGrowth", "0.002817");  // (3560 - 3550) / 3550 = 0.0028169..
        assertNumber(june, "yoyGrowth", null);        // no 2024 figures
    }

    @Test
    void data_gaps_list_the_missing_actual_and_unreported_weighted_kpis() {
        var gaps = api.get("/api/data-gaps?period=2026-01&unitCode=NP3", "secgen").json();
        List<String> listed = new ArrayList<>();
        gaps.forEach(g -> listed.add(g.get("kpiCode").asText() + ":" + g.get("missing").asText()));
        assertThat(listed).containsExactly("CUSTOMER_SATISFACTION:both", "NEW_CUSTOMERS:both",
                "ORDER_CONVERSION:both", "SALES_AMOUNT:actual");
    }

    @Test
    void re_import_changes_nothing_and_a_later_value_replaces_the_earlier() {
        String before = api.get("/api/kpi-results?period=2026-01", "secgen").body();
        var again = api.postFile("/api/imports/figures", ADMIN, "2026-01.csv", JANUARY_2026.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(4);
        assertThat(again.json().get("inserted").asInt() + again.json().get("updated").asInt()).isZero();
        assertThat(api.get("/api/kpi-results?period=2026-01", "secgen").body()).isEqualTo(before);

        var later = api.postFile("/api/imports/figures", ADMIN, "fix.csv",
                (HEADER + "2026-01,person,NP2,SALES_AMOUNT,2000,1800\n2026-01,person,NP2,SALES_AMOUNT,2000,2000\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(later.json().get("updated").asInt()).isEqualTo(1);
        assertNumber(result("2026-01", "NP2", "SALES_AMOUNT"), "attainment", "1"); // last line of the key wins
        assertThat(result("2026-01", "NP1", "SALES_AMOUNT").get("rank").asInt()).isEqualTo(1);
        var figures = api.get("/api/figures?period=2026-01&unitCode=NP2", "secgen").json();
        assertNumber(figures.get(0), "actual", "2000");
    }

    @Test
    void a_file_with_seven_bad_lines_is_refused_with_422_and_nothing_is_stored() {
        String figuresBefore = api.get("/api/figures?period=2026-01", "secgen").body();
        String bad = HEADER
                + "2026-00,person,NP1,SALES_AMOUNT,1,1\n"           // 2 bad month
                + "2026-01,person,NOBODY,SALES_AMOUNT,1,1\n"        // 3 unknown unit
                + "2026-01,person,NP1,REVENUE,1,1\n"                // 4 unknown KPI
                + "2026-01,person,NP1,SALES_AMOUNT,\"1,000\",1\n"   // 5 thousands separator
                + "2026-01,squad,NP1,SALES_AMOUNT,1,1\n"            // 6 unknown unit type
                + "2026-01,person,NP1,SALES_AMOUNT,1\n"             // 7 missing column
                + "2026-01,person,NP1,SALES_AMOUNT,1,Infinity\n"    // 8 non-finite number
                + "2026-01,person,NP1,SALES_AMOUNT,1,1\n";          // good, but not stored either
        var response = api.postFile("/api/imports/figures", "sales.head", "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("line").asInt() + ":" + e.get("field").asText()));
        assertThat(errors).containsExactly("2:period", "3:unit_code", "4:kpi_code", "5:target", "6:unit_type",
                "7:actual", "8:actual");
        assertThat(response.json().get("status").asInt()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(api.get("/api/figures?period=2026-01", "secgen").body()).isEqualTo(figuresBefore);
    }

    @Test
    void organisation_import_creates_users_without_password_and_memberships() {
        var groups = api.get("/engine-rest/group?member=north.gm&firstResult=0&maxResults=50", "secgen");
        assertThat(groups.body()).contains("\"committee-chair\"");
        assertThat(api.get("/engine-rest/group?member=north.sales&firstResult=0&maxResults=50", "secgen").body()).contains("\"sales\"");
        assertThat(api.get("/engine-rest/group?member=north.p1&firstResult=0&maxResults=50", "secgen").body()).contains("\"employee\"");
        // the user list is for HR and administrators (issue 10): the secretary-general no longer reads it
        assertThat(api.get("/engine-rest/user/north.p1/profile", "secgen").status()).isIn(403, 404);
        var profile = api.get("/engine-rest/user/north.p1/profile", "hr.head");
        assertThat(profile.json().get("email").asText()).isEqualTo("p1@north.example");
        var again = api.postFile("/api/imports/organisation", ADMIN, "north.csv", ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("inserted").asInt()).isZero();
        assertThat(again.json().get("usersCreated").asInt()).isZero();
        assertThat(again.json().get("memberships")).as("a repeated import grants nothing").isEmpty();
    }

    @Test
    void imports_need_the_right_group_and_every_api_needs_a_login() {
        byte[] file = JANUARY_2026.getBytes(StandardCharsets.UTF_8);
        // an anonymous POST carries no CSRF token either: Spring Security refuses it before asking for a login
        assertThat(api.postFile("/api/imports/figures", null, "f.csv", file).status()).isIn(401, 403);
        assertThat(api.get("/api/kpi-results?period=2026-01", null).status()).isEqualTo(401);
        assertThat(api.postFile("/api/imports/figures", "sales1", "f.csv", file).status()).isEqualTo(403);
        assertThat(api.postFile("/api/imports/organisation", "sales.head", "o.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(api.get("/api/kpi-results?period=2026-13", "secgen").status()).isEqualTo(400);
    }

    @Test
    void templates_are_xlsx_with_the_spec_header() throws Exception {
        byte[] template = api.getBytes("/api/imports/figures/template", "sales.head");
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var header = wb.getSheetAt(0).getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertThat(String.join(",", names)).isEqualTo("period,unit_type,unit_code,kpi_code,target,actual,product,channel,customer");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
        byte[] organisation = api.getBytes("/api/imports/organisation/template", "hr.head");
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(organisation))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("role");
        }
    }
}
