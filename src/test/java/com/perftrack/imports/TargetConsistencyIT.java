package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Targets as growth and targets that add up (issue 14), through {@code POST /api/imports/figures}.
 * A company TGT of its own: departments TGT-S1 (sales), TGT-S2 (marketing) and TGT-PROD (production);
 * TGT-S1 has the regions TGT-EAST and TGT-SOUTH; TGT-EAST the people TGT-P1 and TGT-P2. Each test
 * uses months of its own. Expected numbers are worked out by hand in the comments.
 */
@IntegrationTest
class TargetConsistencyIT {

    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,TGT,目标公司,,tgt.gm,,production\n"
            + "department,TGT-S1,销售一部,TGT,tgt.s1,,sales\n"
            + "department,TGT-S2,市场部,TGT,tgt.s2,,marketing\n"
            + "department,TGT-PROD,生产部,TGT,tgt.prod,,production\n"
            + "region,TGT-EAST,华东区,TGT-S1,,,\n"
            + "region,TGT-SOUTH,华南区,TGT-S1,,,\n"
            + "person,TGT-P1,甲,TGT-EAST,tgt.p1,,\n"
            + "person,TGT-P2,乙,TGT-EAST,tgt.p2,,\n";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual,target_growth,growth_base\n";
    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void importTheCompany() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "TGT");
        var org = api.postFile("/api/imports/organisation", ADMIN, "tgt.csv", ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
    }

    Api.Response importCsv(String csv) {
        return api.postFile("/api/imports/figures", ADMIN, "targets.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Doubtful numbers (issue 15) are warned about, by line, and stored all the same: TGT-P2 sold 100 a
     * month against 100 from 2024-01 to 2024-06; 2024-07 says 10000 (more than 3 × the median 100) against
     * a target of 400 (+300% on June's 100), and a conversion of 72 (a share written as a percentage).
     */
    @Test
    void doubtful_numbers_are_warned_about_by_line_and_still_stored() {
        StringBuilder history = new StringBuilder(HEADER);
        for (int m = 1; m <= 6; m++) {
            history.append("2024-0").append(m).append(",person,TGT-P2,SALES_AMOUNT,100,100,,\n");
        }
        var first = importCsv(history.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("warnings")).as(first.body()).isEmpty();
        var answer = importCsv(HEADER + "2024-07,person,TGT-P2,SALES_AMOUNT,400,10000,,\n"
                + "2024-07,person,TGT-P2,ORDER_CONVERSION,0.3,72,,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode warnings = answer.json().get("warnings");
        assertThat(warnings).as(answer.body()).hasSize(3);
        assertThat(warnings.findValuesAsText("line")).containsExactly("2", "2", "3");
        assertThat(warnings.findValuesAsText("field")).containsExactly("actual", "target", "actual");
        assertThat(warnings.get(0).get("message").asText()).contains("中位数 100");
        assertThat(warnings.get(1).get("message").asText()).contains("变化超过 50%");
        assertThat(warnings.get(2).get("message").asText()).contains("0.72 即 72%");
        JsonNode stored = api.get("/api/figures?period=2024-07&unitCode=TGT-P2", ADMIN).json();
        assertThat(stored.findValuesAsText("actual")).contains("10000", "72");
    }

    @Test
    void targets_that_do_not_add_up_are_warned_about_and_a_growth_target_is_stored_as_its_number() {
        // base month: TGT-P1 sold 500
        assertThat(importCsv(HEADER + "2025-01,person,TGT-P1,SALES_AMOUNT,450,500,,\n").status()).isEqualTo(200);
        // company 1000 but S1 600 + S2 300 = 900: −100 (production has no sales figures: no gap);
        // S1 600 but EAST 900 (+300) and SOUTH has none (a gap); EAST 900 = P1 500 × 1.2 = 600 + P2 300: fine
        var answer = importCsv(HEADER
                + "2025-02,company,TGT,SALES_AMOUNT,1000,,,\n"
                + "2025-02,department,TGT-S1,SALES_AMOUNT,600,,,\n"
                + "2025-02,department,TGT-S2,SALES_AMOUNT,300,,,\n"
                + "2025-02,region,TGT-EAST,SALES_AMOUNT,900,,,\n"
                + "2025-02,person,TGT-P1,SALES_AMOUNT,,,0.20,previous_month\n"
                + "2025-02,person,TGT-P2,SALES_AMOUNT,300,,,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode warnings = answer.json().get("warnings");
        assertThat(warnings).as(answer.body()).hasSize(2);
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(warnings.get(0).get("field").asText()).isEqualTo("target");
        assertThat(warnings.get(0).get("message").asText()).contains("TGT", "1000", "900", "-100");
        assertThat(warnings.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(warnings.get(1).get("message").asText()).contains("TGT-S1", "TGT-SOUTH", "断层");

        JsonNode p1 = api.get("/api/figures?period=2025-02&unitCode=TGT-P1", "secgen").json();
        assertThat(p1).hasSize(1);
        assertThat(p1.get(0).get("target").decimalValue()).isEqualByComparingTo("600");
        assertThat(p1.get(0).get("actual").isNull()).isTrue();

        var consistency = api.get("/api/target-consistency?period=2025-02&companyCode=TGT", "secgen");
        assertThat(consistency.status()).as(consistency.body()).isEqualTo(200);
        JsonNode list = consistency.json();
        assertThat(list).hasSize(2);
        JsonNode company = list.get(0);
        assertThat(company.get("period").asText()).isEqualTo("2025-02");
        assertThat(company.get("unitType").asText()).isEqualTo("company");
        assertThat(company.get("unitCode").asText()).isEqualTo("TGT");
        assertThat(company.get("kpiCode").asText()).isEqualTo("SALES_AMOUNT");
        assertThat(company.get("target").decimalValue()).isEqualByComparingTo("1000");
        assertThat(company.get("childrenTarget").decimalValue()).isEqualByComparingTo("900");
        assertThat(company.get("difference").decimalValue()).isEqualByComparingTo("-100");
        assertThat(company.get("missingChildren")).isEmpty();
        JsonNode sales = list.get(1);
        assertThat(sales.get("unitCode").asText()).isEqualTo("TGT-S1");
        assertThat(sales.get("childrenTarget").decimalValue()).isEqualByComparingTo("900");
        assertThat(sales.get("difference").decimalValue()).isEqualByComparingTo("300");
        assertThat(texts(sales.get("missingChildren"))).containsExactly("TGT-SOUTH");

        // readers as for /api/kpi-results: another company's employee is refused; without companyCode
        // the installation's company (DEMO), which has none of TGT's rows
        assertThat(api.get("/api/target-consistency?period=2025-02&companyCode=TGT", "sales1").status()).isEqualTo(403);
        var demo = api.get("/api/target-consistency?period=2025-02", "secgen");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.body()).doesNotContain("TGT");
        assertThat(api.get("/api/target-consistency?period=2025-02&companyCode=TGT", null).status()).isEqualTo(401);
    }

    @Test
    void corrected_targets_give_no_warnings_and_xlsx_takes_growth_too() throws Exception {
        // 2025-05 actual of TGT-P2: 250; its 2025-06 target: 250 × (1 + 0.2) = 300
        assertThat(importCsv(HEADER + "2025-05,person,TGT-P2,SALES_AMOUNT,,250,,\n").status()).isEqualTo(200);
        // company 1200 = S1 900 + S2 300; S1 900 = EAST 900 + SOUTH 0; EAST 900 = P1 600 + P2 300
        var answer = api.postFile("/api/imports/figures", ADMIN, "targets.xlsx", xlsx(List.of(
                HEADER.strip().split(","),
                new String[] {"2025-06", "company", "TGT", "SALES_AMOUNT", "1200", "", "", ""},
                new String[] {"2025-06", "department", "TGT-S1", "SALES_AMOUNT", "900", "", "", ""},
                new String[] {"2025-06", "department", "TGT-S2", "SALES_AMOUNT", "300", "", "", ""},
                new String[] {"2025-06", "region", "TGT-EAST", "SALES_AMOUNT", "900", "", "", ""},
                new String[] {"2025-06", "region", "TGT-SOUTH", "SALES_AMOUNT", "0", "", "", ""},
                new String[] {"2025-06", "person", "TGT-P1", "SALES_AMOUNT", "600", "", "", ""},
                new String[] {"2025-06", "person", "TGT-P2", "SALES_AMOUNT", "", "", "0.2", ""})));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("warnings")).as(answer.body()).isEmpty();
        assertThat(api.get("/api/target-consistency?period=2025-06&companyCode=TGT", "secgen").json()).isEmpty();
        assertThat(api.get("/api/figures?period=2025-06&unitCode=TGT-P2", "secgen").json().get(0).get("target")
                .decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void growth_without_a_base_actual_is_refused_and_stores_nothing() {
        // TGT-P2 has no actual in 2025-08: its 2025-09 target cannot be computed; line 2 is fine but not stored either
        var answer = importCsv(HEADER
                + "2025-09,person,TGT-P1,SALES_AMOUNT,100,90,,\n"
                + "2025-09,person,TGT-P2,SALES_AMOUNT,,,0.10,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("target_growth");
        assertThat(errors.get(0).get("message").asText()).contains("2025-08", "TGT-P2");
        assertThat(api.get("/api/figures?period=2025-09&unitCode=TGT-P1", "secgen").json()).isEmpty();

        // both a target and a growth: ambiguous, refused
        var both = importCsv(HEADER + "2025-09,person,TGT-P1,SALES_AMOUNT,100,,0.10,\n");
        assertThat(both.status()).isEqualTo(422);
        assertThat(api.get("/api/target-consistency?period=2025-13&companyCode=TGT", "secgen").status()).isEqualTo(400);
        assertThat(api.get("/api/target-consistency?period=2025-Q1&companyCode=TGT", "secgen").status()).isEqualTo(400);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static byte[] xlsx(List<String[]> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("figures");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    if (!rows.get(r)[c].isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r)[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
