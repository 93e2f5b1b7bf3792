package com.perftrack.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: each of the three templates downloaded, filled, uploaded and read back (JSON, export, the
 * collection task's tables); a survey month gives the hand-computed CUSTOMER_SATISFACTION when the company
 * switched it on, a hand-imported actual is kept; the plan's review against the month's results.
 * Company TPL (sales TPL-SALES under sales.head with regions TPL-R1, TPL-R2; marketing TPL-MKT under
 * marketing.head), months 2010-03 and 2010-04.
 */
@IntegrationTest
class TemplatesIT {

    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;

    @Test
    void three_templates_round_trip_and_feed_their_kpis() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "TPL");
        ok(api.postFile("/api/imports/organisation", ADMIN, "tpl.csv", bytes("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,TPL,模板测试公司,,gm,,production\n"
                + "department,TPL-SALES,销售部,TPL,sales.head,,sales\n"
                + "department,TPL-MKT,市场部,TPL,marketing.head,,marketing\n"
                + "region,TPL-R1,华东区,TPL-SALES,,,\n"
                + "region,TPL-R2,华南区,TPL-SALES,,,\n"
                + "person,TPL-P1,马芳,TPL-R1,,,employee\n")));
        // R2's satisfaction was imported by hand: a survey never overwrites it
        ok(api.postFile("/api/imports/figures", ADMIN, "hand.csv", bytes("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2010-03,region,TPL-R2,CUSTOMER_SATISFACTION,0.85,0.9\n")));

        // the company switches the feed on: its secretary-general may, the sales head may not
        Map<String, Object> on = Map.of("companyCode", "TPL", "feedsSatisfaction", true);
        assertThat(api.putJson("/api/templates/customer-survey/settings", "sales.head", on).status()).isEqualTo(403);
        assertThat(ok(api.putJson("/api/templates/customer-survey/settings", "secgen", on)).get("feedsSatisfaction").asBoolean())
                .isTrue();

        // customer survey: the template's header, filled offline (the example line replaced), uploaded as xlsx
        byte[] template = api.getBytes("/api/templates/customer-survey/xlsx?companyCode=TPL", "sales.head");
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("period", "unit_code", "customer", "survey_date", "comment",
                    "product", "delivery", "service", "price");
            write(sheet.createRow(1), "2010-03", "TPL-R1", "甲机电", "2010-03-05", "交付略慢", "5", "4", "4", "3");
            write(sheet.createRow(2), "2010-03", "TPL-R1", "乙贸易", "2010-03-12", "", "4", "4", "5", "2");
            write(sheet.createRow(3), "2010-03", "TPL-R1", "丙制造", "2010-03-20", "", "5", "5", "4", "4");
            write(sheet.createRow(4), "2010-03", "TPL-R2", "丁公司", "2010-03-21", "很好", "5", "5", "5", "5");
            book.write(out);
            filled = out.toByteArray();
        }
        // outside the remit: the marketing head does not head TPL-SALES
        assertThat(api.postFile("/api/imports/customer-survey", "marketing.head", "survey.xlsx", filled).status()).isEqualTo(403);
        JsonNode surveyed = ok(api.postFile("/api/imports/customer-survey", "sales.head", "survey.xlsx", filled));
        assertThat(surveyed.get("rows").asInt()).isEqualTo(4);
        assertThat(surveyed.get("figuresWritten").asInt()).isEqualTo(1);
        assertThat(surveyed.get("warnings").get(0).get("message").asText()).contains("TPL-R2", "0.9", "未用模板值 1");

        // a bad file changes nothing and names its line
        var bad = api.postFile("/api/imports/customer-survey", "sales.head", "bad.csv", bytes(
                "period,unit_code,customer,survey_date,product,delivery,service,price\n2010-03,TPL-R1,戊,2010-03-22,6,4,4,4\n"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("product");

        // reads need a user, and one of the company's
        assertThat(api.get("/api/templates/customer-survey?period=2010-03&companyCode=TPL", null).status()).isEqualTo(401);
        assertThat(api.get("/api/templates/customer-survey?period=2010-03&unitCode=TPL-R1", "sales1").status()).isEqualTo(403);
        JsonNode surveys = ok(api.get("/api/templates/customer-survey?period=2010-03&companyCode=TPL", "secgen"));
        assertThat(surveys.get("surveys")).hasSize(4);
        JsonNode r1 = surveys.get("means").get(0);
        assertThat(r1.get("unitCode").asText()).isEqualTo("TPL-R1");
        // 5+4+4+3 + 4+4+5+2 + 5+5+4+4 = 49 over 12 scores: mean 4.0833; 49 / 60 = 0.8167
        assertThat(r1.get("meanScore").decimalValue()).isEqualByComparingTo("4.0833");
        assertThat(r1.get("satisfaction").decimalValue()).isEqualByComparingTo("0.8167");
        assertThat(actual(api, "/api/kpi-results?period=2010-03&unitCode=TPL-R1", "CUSTOMER_SATISFACTION"))
                .isEqualByComparingTo("0.8167");
        assertThat(actual(api, "/api/kpi-results?period=2010-03&unitCode=TPL-R2", "CUSTOMER_SATISFACTION"))
                .as("imported by hand, kept").isEqualByComparingTo("0.9");

        // the company asks its own questions: the template follows, a score for a question it no longer asks is refused
        var badCode = api.putJson("/api/templates/customer-survey/settings", "secgen", Map.of("companyCode", "TPL",
                "feedsSatisfaction", true, "questions", List.of(Map.of("code", "Period", "label", "x"))));
        assertThat(badCode.status()).as(badCode.body()).isEqualTo(400);
        ok(api.putJson("/api/templates/customer-survey/settings", "secgen", Map.of("companyCode", "TPL", "feedsSatisfaction", true,
                "questions", List.of(Map.of("code", "quality", "label", "质量 Quality"), Map.of("code", "service", "label", "服务 Service")))));
        try (XSSFWorkbook own = new XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes("/api/templates/customer-survey/xlsx?companyCode=TPL", "sales.head")))) {
            assertThat(cells(own.getSheetAt(0).getRow(0))).containsExactly("period", "unit_code", "customer", "survey_date",
                    "comment", "quality", "service");
        }
        var oldQuestion = api.postFile("/api/imports/customer-survey", "sales.head", "old.csv", bytes(
                "period,unit_code,customer,survey_date,quality,service,product\n2010-03,TPL-R1,戊,2010-03-22,4,4,5\n"));
        assertThat(oldQuestion.status()).as(oldQuestion.body()).isEqualTo(422);
        assertThat(oldQuestion.json().get("errors").get(0).get("field").asText()).isEqualTo("product");

        // market-information report by the marketing head; its share becomes MARKET_SHARE
        ok(api.postFile("/api/imports/market-report", "marketing.head", "market.csv", bytes(
                "period,unit_code,competitor,product,price,move,market_size,market_share,demand_change,policy\n"
                        + "2010-03,TPL-MKT,竞品甲,A型机,9800,降价 5%,,,,\n"
                        + "2010-03,TPL-MKT,,,,,120000000,0.12,客户要求更短交期,新能效标准\n")));
        JsonNode market = ok(api.get("/api/templates/market-report?period=2010-03&unitCode=TPL-MKT", "secgen"));
        assertThat(market.get("competitors").get(0).get("competitor").asText()).isEqualTo("竞品甲");
        assertThat(market.get("competitors").get(0).get("price").decimalValue()).isEqualByComparingTo("9800");
        assertThat(market.get("estimates").get(0).get("marketShare").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(actual(api, "/api/kpi-results?period=2010-03&unitCode=TPL-MKT", "MARKET_SHARE")).isEqualByComparingTo("0.12");
        try (XSSFWorkbook export = new XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes("/api/templates/market-report/export?period=2010-03&unitCode=TPL-MKT", "secgen")))) {
            assertThat(cells(export.getSheetAt(0).getRow(1))).startsWith("2010-03", "TPL-MKT", "竞品甲", "A型机", "9800");
        }

        // the monthly cycle's sales and marketing tasks show what arrived
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2010-03", "type", "String"),
                        "companyCode", Map.of("value", "TPL", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        String salesTask = waitForTask(api, "sales.head", instance, "Task_SubmitSalesInformation");
        String marketTask = waitForTask(api, "marketing.head", instance, "Task_SubmitMarketInformation");
        assertThat(table(api, salesTask, "customerSurveyTable")).hasSize(4);
        assertThat(table(api, salesTask, "surveyMeanTable").get(0).get("satisfaction").asText()).isEqualTo("81.67%");
        assertThat(table(api, marketTask, "marketCompetitorTable").get(0).get("competitor").asText()).isEqualTo("竞品甲");
        assertThat(table(api, marketTask, "marketEstimateTable").get(0).get("share").asText()).isEqualTo("12%");

        // regional plan for April, filed in March's collection: the open sales task shows it at once
        ok(api.postFile("/api/imports/regional-plan", "sales.head", "plan.csv", bytes(
                "period,region_code,kpi_code,target,activity,owner,due_date,budget\n"
                        + "2010-04,TPL-R1,SALES_AMOUNT,300000,,,,\n"
                        + "2010-04,TPL-R1,SALES_CYCLE_DAYS,30,,,,\n"
                        + "2010-04,TPL-R1,,,华东展会,张三,2010-04-20,15000\n")));
        List<String> planItems = new ArrayList<>();
        table(api, salesTask, "regionalPlanTable").forEach(r -> planItems.add(r.get("item").asText()));
        assertThat(planItems).contains("目标 SALES_AMOUNT", "华东展会");
        JsonNode plan = ok(api.get("/api/templates/regional-plan?period=2010-04", "sales.head"));
        assertThat(plan.get("targets")).hasSize(2);
        assertThat(plan.get("items").get(0).get("owner").asText()).isEqualTo("张三");

        // April's results arrive; the review compares them with the plan
        ok(api.postFile("/api/imports/figures", ADMIN, "april.csv", bytes("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2010-04,region,TPL-R1,SALES_AMOUNT,300000,270000\n2010-04,region,TPL-R1,SALES_CYCLE_DAYS,30,40\n")));
        JsonNode review = ok(api.get("/api/templates/regional-plan/review?period=2010-04&unitCode=TPL-R1", "secgen"));
        assertThat(review).hasSize(2);
        // 270000 − 300000 = −30000, 270000 / 300000 = 0.9
        assertThat(review.get(0).get("kpiCode").asText()).isEqualTo("SALES_AMOUNT");
        assertThat(review.get(0).get("deviation").decimalValue()).isEqualByComparingTo("-30000");
        assertThat(review.get(0).get("attainment").decimalValue()).isEqualByComparingTo("0.9");
        // lower is better: 40 − 30 = 10, 30 / 40 = 0.75
        assertThat(review.get(1).get("deviation").decimalValue()).isEqualByComparingTo("10");
        assertThat(review.get(1).get("attainment").decimalValue()).isEqualByComparingTo("0.75");
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static java.math.BigDecimal actual(Api api, String path, String kpi) {
        for (JsonNode row : ok(api.get(path, "secgen"))) {
            if (row.get("kpiCode").asText().equals(kpi)) {
                return row.get("actual").decimalValue();
            }
        }
        throw new AssertionError(kpi + " not in " + path);
    }

    static JsonNode table(Api api, String taskId, String variable) {
        JsonNode value = ok(api.get("/engine-rest/task/" + taskId + "/localVariables/" + variable + "?deserializeValue=false", ADMIN));
        return value.get("value").isTextual() ? new Api.Response(200, value.get("value").asText()).json() : value.get("value");
    }

    static String waitForTask(Api api, String user, String instance, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var answer = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key + "&firstResult=0&maxResults=10", user);
            JsonNode found = answer.json();
            assertThat(found.isArray()).as(answer.body()).isTrue();
            if (found.size() > 0) {
                return found.get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw " + key);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }

    static void write(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
