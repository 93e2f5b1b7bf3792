package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard API and the tracking sheet against {@link DashboardData}; expected numbers by hand there and here. */
@IntegrationTest
class DashboardIT {

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importData() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, DashboardData.COMPANY);
        DashboardData.importInto(api);
    }

    private JsonNode ok(String path, String user) {
        var response = api.get(path, user);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static void assertNumber(JsonNode node, String field, String expected) {
        assertThat(new BigDecimal(node.get(field).asText())).as(field + " of " + node).isEqualByComparingTo(expected);
    }

    @Test
    void company_cards_show_rolled_up_sales_and_the_status_colours_of_the_kpi_engine() {
        JsonNode summary = ok("/api/dashboard/summary?period=2024-06&unitCode=DASHCO", "secgen");
        assertThat(summary.at("/unit/unitType").asText()).isEqualTo("company");
        JsonNode sales = byField(summary.get("cards"), "kpiCode", "SALES_AMOUNT");
        assertNumber(sales, "target", "400");          // 100 + 200 + 100
        assertNumber(sales, "actual", "430");          // 140 + 200 + 90
        assertNumber(sales, "attainment", "1.075");    // 430 / 400
        assertThat(sales.get("status").asText()).isEqualTo("green");
        JsonNode customers = byField(summary.get("cards"), "kpiCode", "NEW_CUSTOMERS");
        assertNumber(customers, "attainment", "0.95"); // 19 / 20
        assertThat(customers.get("status").asText()).isEqualTo("amber");
        JsonNode complaints = byField(summary.get("cards"), "kpiCode", "COMPLAINTS");
        assertNumber(complaints, "attainment", "0.833333"); // lower is better: 10 / 12
        assertThat(complaints.get("status").asText()).isEqualTo("red");
        assertThat(summary.get("cards").findValuesAsText("kpiCode")).noneMatch(k -> k.startsWith("FUNNEL_"));
    }

    @Test
    void trend_has_six_months_of_actuals_and_a_three_month_linear_forecast() {
        JsonNode trend = ok("/api/dashboard/trend?to=2024-06&months=6&unitCode=DASHCO", "secgen");
        assertThat(trend.at("/method/code").asText()).isEqualTo("linear-least-squares");
        JsonNode sales = byField(trend.get("series"), "kpiCode", "SALES_AMOUNT");
        List<String> actuals = new ArrayList<>();
        sales.get("points").forEach(p -> actuals.add(new BigDecimal(p.get("actual").asText()).stripTrailingZeros().toPlainString()));
        assertThat(actuals).containsExactly("380", "390", "400", "410", "420", "430");
        assertNumber(sales.get("points").get(0), "target", "400");
        // 380 + 10t exactly: t = 6, 7, 8 → 440, 450, 460
        assertThat(sales.get("forecast").findValuesAsText("period")).containsExactly("2024-07", "2024-08", "2024-09");
        assertNumber(sales.get("forecast").get(0), "value", "440");
        assertNumber(sales.get("forecast").get(2), "value", "460");
        // a flat series forecasts flat: NEW_CUSTOMERS 19 every month
        assertNumber(byField(trend.get("series"), "kpiCode", "NEW_CUSTOMERS").get("forecast").get(1), "value", "19");
    }

    @Test
    void funnel_gives_stage_conversions_for_the_chosen_month() {
        JsonNode june = ok("/api/dashboard/funnel?period=2024-06&unitCode=DASHCO", "secgen");
        assertThat(june.get("stages").findValuesAsText("kpiCode")).containsExactly("FUNNEL_LEADS", "FUNNEL_CONTACTS",
                "FUNNEL_NEEDS", "FUNNEL_PROPOSALS", "FUNNEL_WON");
        assertNumber(june.get("stages").get(1), "conversionFromPrevious", "0.6"); // 120 / 200
        assertNumber(june.get("stages").get(4), "conversionFromPrevious", "0.4"); // 12 / 30
        assertNumber(june, "overallConversion", "0.06");                           // 12 / 200
        assertNumber(june, "winRate", "0.571429");                                 // 12 / 21
        JsonNode may = ok("/api/dashboard/funnel?period=2024-05&unitCode=DASHCO", "secgen");
        assertNumber(may.get("stages").get(3), "conversionFromPrevious", "0.4");   // 10 / 25
        assertNumber(may, "winRate", "0.5");                                       // 5 / 10
    }

    @Test
    void breakdowns_rank_regions_and_people_of_the_company() {
        JsonNode people = ok("/api/dashboard/breakdown?period=2024-06&companyCode=DASHCO&unitType=person&kpiCode=SALES_AMOUNT", "secgen");
        assertThat(people.get("total").asInt()).isEqualTo(3);
        assertThat(people.get("rows").findValuesAsText("unitCode")).containsExactly("DP1", "DP2", "DP3"); // 1.4, 1.0, 0.9
        assertThat(people.get("rows").findValuesAsText("rank")).containsExactly("1", "2", "3");
        JsonNode regions = ok("/api/dashboard/breakdown?period=2024-06&companyCode=DASHCO&unitType=region&kpiCode=SALES_AMOUNT", "secgen");
        JsonNode east = regions.get("rows").get(0);
        assertThat(east.get("unitCode").asText()).isEqualTo("DR-EAST");
        assertNumber(east, "attainment", "1.133333"); // (140 + 200) / 300
        assertThat(regions.get("rows").get(1).get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void a_drill_down_breakdown_keeps_the_units_below_the_chosen_one_with_their_company_ranks() {
        String q = "/api/dashboard/breakdown?period=2024-06&companyCode=DASHCO&kpiCode=SALES_AMOUNT";
        JsonNode regions = ok(q + "&unitType=region&under=DASH-SALES", "secgen");
        assertThat(regions.get("rows").findValuesAsText("unitCode")).containsExactly("DR-EAST", "DR-WEST");
        // DP1 140 / 100 rank 1, DP2 200 / 200 rank 2 of the company's three people; DP3 (west) left out
        JsonNode east = ok(q + "&unitType=person&under=DR-EAST", "secgen");
        assertThat(east.get("total").asInt()).isEqualTo(2);
        assertThat(east.get("rows").findValuesAsText("unitCode")).containsExactly("DP1", "DP2");
        assertThat(east.get("rows").findValuesAsText("rank")).containsExactly("1", "2");
        JsonNode west = ok(q + "&unitType=person&under=DASH-SALES", "secgen");
        assertThat(west.get("rows").findValuesAsText("unitCode")).as("people below the department, through regions")
                .containsExactly("DP1", "DP2", "DP3");
        assertThat(ok(q + "&unitType=person&under=DP1", "secgen").get("rows")).as("nobody is below a person").isEmpty();

        assertThat(api.get(q + "&unitType=person&under=NOPE", "secgen").status()).isEqualTo(404);
        var elsewhere = api.get(q.replace("DASHCO", "DEMO") + "&unitType=person&under=DR-EAST", "secgen");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("不属于公司");
        assertThat(api.get(q + "&unitType=person&under=DR-EAST", "sales1").status())
                .as("an employee may not open a region").isEqualTo(403);
    }

    @Test
    void the_results_version_grows_when_an_import_changes_a_figure_and_needs_a_signed_in_user() {
        long before = ok("/api/dashboard/version", "sales1").get("version").asLong();
        String changed = "period,unit_type,unit_code,kpi_code,target,actual\n2024-01,company,DASHCO,NEW_CUSTOMERS,20,18\n";
        try {
            var imported = api.postFile("/api/imports/figures", DashboardData.ADMIN, "dashco-change.csv",
                    changed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            long after = ok("/api/dashboard/version", "secgen").get("version").asLong();
            assertThat(after).isGreaterThan(before);
        } finally {
            DashboardData.importInto(api); // 19 again, as the other tests expect
        }
        assertThat(api.get("/api/dashboard/version", null).status()).isEqualTo(401);
    }

    @Test
    void an_employee_sees_own_figures_and_company_totals_only() {
        assertThat(ok("/api/dashboard/summary?period=2024-06&unitCode=DP1", "sales1").at("/unit/code").asText())
                .isEqualTo("DP1");
        assertNumber(byField(ok("/api/dashboard/summary?period=2024-06&unitCode=DASHCO", "sales1").get("cards"),
                "kpiCode", "SALES_AMOUNT"), "actual", "430");
        assertThat(api.get("/api/dashboard/summary?period=2024-06&unitCode=DP2", "sales1").status()).isEqualTo(403);
        assertThat(api.get("/api/dashboard/trend?to=2024-06&unitCode=DR-EAST", "sales1").status()).isEqualTo(403);
        JsonNode people = ok("/api/dashboard/breakdown?period=2024-06&companyCode=DASHCO&unitType=person&kpiCode=SALES_AMOUNT", "sales1");
        assertThat(people.get("rows").findValuesAsText("unitCode")).containsExactly("DP1");
        assertThat(ok("/api/dashboard/units?companyCode=DASHCO", "sales1").findValuesAsText("code"))
                .containsExactly("DASHCO", "DP1");
        assertThat(ok("/api/dashboard/filters", "sales1").findValuesAsText("code")).contains("DASHCO");
        assertThat(ok("/api/dashboard/units?companyCode=DASHCO", "secgen").findValuesAsText("code"))
                .contains("DASHCO", "DASH-SALES", "DR-EAST", "DR-WEST", "DP1", "DP2", "DP3");
    }

    @Test
    void bad_parameters_are_problem_details_and_anonymous_callers_are_refused() {
        var bad = api.get("/api/dashboard/summary?period=2024-13&unitCode=DASHCO", "secgen");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("title").asText()).contains("invalid parameter");
        assertThat(api.get("/api/dashboard/summary?period=2024-06&unitCode=NOPE", "secgen").status()).isEqualTo(404);
        assertThat(api.get("/api/dashboard/filters", null).status()).isEqualTo(401);
        assertThat(api.get("/api/reports/monthly-tracking-sheet?period=2024-06&companyCode=DASHCO", null).status()).isEqualTo(401);
    }

    @Test
    void tracking_sheet_numbers_equal_the_kpi_results() throws Exception {
        byte[] xlsx = api.getBytes("/api/reports/monthly-tracking-sheet?period=2024-06&companyCode=DASHCO", "secgen");
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode r : ok("/api/kpi-results?period=2024-06", "secgen")) {
            expected.put(r.get("unitCode").asText() + "|" + r.get("kpiCode").asText(), r);
        }
        int rows = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet(MonthlyTrackingSheet.SHEET);
            for (Row row : sheet) {
                if (row.getRowNum() < 3) {
                    continue;
                }
                String key = row.getCell(1).getStringCellValue() + "|" + row.getCell(3).getStringCellValue();
                JsonNode result = expected.get(key);
                assertThat(result).as(key).isNotNull();
                assertCell(row.getCell(MonthlyTrackingSheet.TARGET), result.get("target"), key);
                assertCell(row.getCell(MonthlyTrackingSheet.ACTUAL), result.get("actual"), key);
                assertCell(row.getCell(MonthlyTrackingSheet.DEVIATION), result.get("deviation"), key);
                assertCell(row.getCell(MonthlyTrackingSheet.ATTAINMENT), result.get("attainment"), key);
                assertThat(row.getCell(MonthlyTrackingSheet.STATUS).getStringCellValue())
                        .isEqualTo(result.get("status").isNull() ? "" : result.get("status").asText());
                rows++;
            }
        }
        // DASHCO's results: company 3 + 6 funnel, department 1, regions 2, people 3 → 15 rows
        long dashco = expected.keySet().stream().filter(k -> k.matches("(DASHCO|DASH-SALES|DR-EAST|DR-WEST|DP1|DP2|DP3)\\|.*")).count();
        assertThat(rows).isEqualTo(dashco).isEqualTo(15);
    }

    @Test
    void an_employee_gets_a_tracking_sheet_of_own_rows_and_company_totals() throws Exception {
        byte[] xlsx = api.getBytes("/api/reports/monthly-tracking-sheet?period=2024-06&companyCode=DASHCO", "sales1");
        List<String> units = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheet(MonthlyTrackingSheet.SHEET)) {
                if (row.getRowNum() >= 3) {
                    units.add(row.getCell(1).getStringCellValue());
                }
            }
        }
        assertThat(units).containsOnly("DASHCO", "DP1").contains("DP1");
    }

    @Test
    void the_openapi_document_describes_the_dashboard_api_for_authenticated_users_only() {
        JsonNode docs = ok("/v3/api-docs", "sales1");
        assertThat(docs.get("paths").has("/api/dashboard/summary")).isTrue();
        assertThat(docs.get("paths").has("/api/dashboard/trend")).isTrue();
        assertThat(docs.get("paths").has("/api/reports/monthly-tracking-sheet")).isTrue();
        assertThat(api.get("/v3/api-docs", null).status()).isIn(302, 401);
        assertThat(api.get("/swagger-ui/index.html", "sales1").status()).isEqualTo(200);
    }

    private static void assertCell(Cell cell, JsonNode value, String key) {
        if (value == null || value.isNull()) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(key).isTrue();
        } else {
            assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(key)
                    .isEqualByComparingTo(new BigDecimal(value.asText()));
        }
    }
}
