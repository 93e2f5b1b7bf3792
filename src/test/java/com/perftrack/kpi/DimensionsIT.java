package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dimensions and daily figures (SPEC.md section 7; issues 15 and 16) through the public interfaces:
 * {@code POST /api/imports/figures} with the optional {@code product}, {@code channel}, {@code customer}
 * columns and {@code YYYY-MM-DD} periods, then {@code /api/kpi-results}, {@code /api/kpi-results/breakdown}
 * and {@code /api/customers/lost}. A company DIM of its own: sales department DIM-S, region DIM-R, people
 * DIM-P1, DIM-P2, DIM-P3. Every number is worked out by hand in the comments.
 */
@IntegrationTest
class DimensionsIT {

    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,DIM,维度公司,,dim.gm,,production\n"
            + "department,DIM-S,销售部,DIM,dim.sales,,sales\n"
            + "region,DIM-R,华北区,DIM-S,,,\n"
            + "person,DIM-P1,甲,DIM-R,dim.p1,,\n"
            + "person,DIM-P2,乙,DIM-R,dim.p2,,\n"
            + "person,DIM-P3,丙,DIM-R,dim.p3,,\n";
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual,product,channel,customer\n";
    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    FigureService figures;
    Api api;

    @BeforeEach
    void importTheCompany() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "DIM");
        var org = api.postFile("/api/imports/organisation", ADMIN, "dim.csv", ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
    }

    Api.Response importCsv(String csv) {
        return api.postFile("/api/imports/figures", ADMIN, "dim.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    static BigDecimal number(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    JsonNode result(String period, String unit, String kpi) {
        JsonNode rows = api.get("/api/kpi-results?period=" + period + "&unitCode=" + unit, "secgen").json();
        for (JsonNode r : rows) {
            if (r.get("kpiCode").asText().equals(kpi)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + unit + " " + kpi + " in " + rows);
    }

    /**
     * Products without total rows: DIM-P1 sells A 100/80 (target/actual) and B 50/70, DIM-P2 A 200/220,
     * so DIM-P1's figure is 150/150, DIM-P2's 200/220 and the company's (rolled up from its people)
     * 350/370. By product for the company: A 300/300 → attainment 1, share 300/370 = 0.810811;
     * B 50/70 → 1.4, share 70/370 = 0.189189. Satisfaction (avg) by product for DIM-P1: A 0.9/0.8 and
     * B 0.9/1.0 → the person's 0.9/0.9; no share for an avg KPI.
     */
    @Test
    void products_without_total_rows_add_up_to_the_unit_and_break_down_by_hand() {
        String file = HEADER
                + "2023-04,person,DIM-P1,SALES_AMOUNT,100,80,A,online,\n"
                + "2023-04,person,DIM-P1,SALES_AMOUNT,50,70,B,store,\n"
                + "2023-04,person,DIM-P2,SALES_AMOUNT,200,220,A,online,\n"
                + "2023-04,person,DIM-P1,CUSTOMER_SATISFACTION,0.9,0.8,A,,\n"
                + "2023-04,person,DIM-P1,CUSTOMER_SATISFACTION,0.9,1.0,B,,\n";
        var answer = importCsv(file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rows").asInt()).isEqualTo(5);

        JsonNode p1 = result("2023-04", "DIM-P1", "SALES_AMOUNT");
        assertThat(number(p1, "target")).isEqualByComparingTo("150");
        assertThat(number(p1, "actual")).isEqualByComparingTo("150");
        assertThat(number(result("2023-04", "DIM-P2", "SALES_AMOUNT"), "actual")).isEqualByComparingTo("220");
        JsonNode company = result("2023-04", "DIM", "SALES_AMOUNT");
        assertThat(number(company, "target")).isEqualByComparingTo("350");
        assertThat(number(company, "actual")).isEqualByComparingTo("370");
        JsonNode satisfaction = result("2023-04", "DIM-P1", "CUSTOMER_SATISFACTION");
        assertThat(number(satisfaction, "actual")).isEqualByComparingTo("0.9");

        JsonNode byProduct = api.get("/api/kpi-results/breakdown?period=2023-04&unitCode=DIM&kpiCode=SALES_AMOUNT&by=product",
                "secgen").json();
        assertThat(byProduct).hasSize(2);
        assertThat(byProduct.get(0).get("key").asText()).isEqualTo("A");
        assertThat(number(byProduct.get(0), "target")).isEqualByComparingTo("300");
        assertThat(number(byProduct.get(0), "actual")).isEqualByComparingTo("300");
        assertThat(number(byProduct.get(0), "attainment")).isEqualByComparingTo("1");
        assertThat(number(byProduct.get(0), "share")).isEqualByComparingTo("0.810811");
        assertThat(byProduct.get(1).get("key").asText()).isEqualTo("B");
        assertThat(number(byProduct.get(1), "attainment")).isEqualByComparingTo("1.4");
        assertThat(number(byProduct.get(1), "share")).isEqualByComparingTo("0.189189");

        // by channel: online = A of both (300/300), store = B (50/70)
        JsonNode byChannel = api.get("/api/kpi-results/breakdown?period=2023-04&unitCode=DIM-R&kpiCode=SALES_AMOUNT&by=channel",
                "secgen").json();
        assertThat(byChannel.findValuesAsText("key")).containsExactly("online", "store");
        JsonNode avg = api.get("/api/kpi-results/breakdown?period=2023-04&unitCode=DIM-P1&kpiCode=CUSTOMER_SATISFACTION&by=product",
                "secgen").json();
        assertThat(avg).hasSize(2);
        assertThat(avg.get(0).get("share").isNull()).isTrue();

        // the same file again changes nothing and recalculates nothing
        var again = importCsv(file);
        assertThat(again.json().get("inserted").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isZero();
        assertThat(again.json().get("resultRows").asInt()).isZero();

        // a total row of its own wins over the parts, and later parts leave it alone
        assertThat(importCsv(HEADER + "2023-04,person,DIM-P1,SALES_AMOUNT,160,155,,,\n").status()).isEqualTo(200);
        assertThat(importCsv(HEADER + "2023-04,person,DIM-P1,SALES_AMOUNT,60,90,B,store,\n").status()).isEqualTo(200);
        assertThat(number(result("2023-04", "DIM-P1", "SALES_AMOUNT"), "actual")).isEqualByComparingTo("155");
        // ...while the breakdown follows the parts: B is now 60/90
        JsonNode p1Products = api.get("/api/kpi-results/breakdown?period=2023-04&unitCode=DIM-P1&kpiCode=SALES_AMOUNT&by=product",
                "secgen").json();
        assertThat(number(p1Products.get(0), "actual")).isEqualByComparingTo("90");
    }

    /**
     * Daily figures (issue 16): DIM-P1 sells 12, 8 and 15 on 2023-05-01..03 against 10 a day → the month
     * 30/35; satisfaction 0.9 and 0.7 against 0.8 → 0.8/0.8 (mean); DIM-P2 gives a monthly row 100/100
     * and days of 40 and 50: the monthly row wins (100) with a warning naming it (days add up to 90).
     */
    @Test
    void daily_figures_aggregate_into_the_month_and_a_monthly_row_wins_with_a_warning() {
        var answer = importCsv(HEADER
                + "2023-05-01,person,DIM-P1,SALES_AMOUNT,10,12,,,\n"
                + "2023-05-02,person,DIM-P1,SALES_AMOUNT,10,8,,,\n"
                + "2023-05-03,person,DIM-P1,SALES_AMOUNT,10,15,,,\n"
                + "2023-05-01,person,DIM-P1,CUSTOMER_SATISFACTION,0.8,0.9,,,\n"
                + "2023-05-02,person,DIM-P1,CUSTOMER_SATISFACTION,0.8,0.7,,,\n"
                + "2023-05,person,DIM-P2,SALES_AMOUNT,100,100,,,\n"
                + "2023-05-10,person,DIM-P2,SALES_AMOUNT,,40,,,\n"
                + "2023-05-20,person,DIM-P2,SALES_AMOUNT,,50,,,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("periods")).hasSize(1); // days are parts of their month
        assertThat(answer.json().get("periods").get(0).asText()).isEqualTo("2023-05");
        JsonNode sales = result("2023-05", "DIM-P1", "SALES_AMOUNT");
        assertThat(number(sales, "target")).isEqualByComparingTo("30");
        assertThat(number(sales, "actual")).isEqualByComparingTo("35");
        JsonNode satisfaction = result("2023-05", "DIM-P1", "CUSTOMER_SATISFACTION");
        assertThat(number(satisfaction, "target")).isEqualByComparingTo("0.8");
        assertThat(number(satisfaction, "actual")).isEqualByComparingTo("0.8");
        assertThat(number(result("2023-05", "DIM-P2", "SALES_AMOUNT"), "actual")).isEqualByComparingTo("100");
        JsonNode warnings = answer.json().get("warnings");
        assertThat(warnings).as(answer.body()).hasSize(1);
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(7);
        assertThat(warnings.get(0).get("message").asText()).contains("DIM-P2", "月度 100", "日汇总 90");

        // the first two days, as the weekly sales meeting and the 旬 reports read them: 12 + 8
        assertThat(figures.dailyActuals("DIM-P1", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 2)))
                .containsOnlyKeys("CUSTOMER_SATISFACTION", "SALES_AMOUNT")
                .hasEntrySatisfying("SALES_AMOUNT", v -> assertThat(v).isEqualByComparingTo("20"))
                .hasEntrySatisfying("CUSTOMER_SATISFACTION", v -> assertThat(v).isEqualByComparingTo("0.8"));

        // a day that does not exist is refused, nothing stored
        var bad = importCsv(HEADER + "2023-06-31,person,DIM-P1,SALES_AMOUNT,10,12,,,\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"line\":2", "2023-06-31");
        assertThat(api.get("/api/figures?period=2023-06&unitCode=DIM-P1", "secgen").json()).isEmpty();
    }

    /**
     * Lost customers (SPEC.md section 7): DIM-P3 sold to X in 2023-01 (100) and 2023-03 (30), to Y in
     * 2023-02 (50) and 2023-04 (20), to Z only in 2022-12. As of 2023-04, X bought in the three months
     * before (130) and not now: lost; Y bought now; Z's last sale is four months back.
     */
    @Test
    void a_customer_with_sales_in_the_previous_three_months_and_none_now_is_lost() {
        var answer = importCsv(HEADER
                + "2022-12,person,DIM-P3,SALES_AMOUNT,,70,,,Z\n"
                + "2023-01,person,DIM-P3,SALES_AMOUNT,,100,,,X\n"
                + "2023-02,person,DIM-P3,SALES_AMOUNT,,50,,,Y\n"
                + "2023-03,person,DIM-P3,SALES_AMOUNT,,30,,,X\n"
                + "2023-04,person,DIM-P3,SALES_AMOUNT,,20,,,Y\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode lost = api.get("/api/customers/lost?period=2023-04&unitCode=DIM-R", "secgen").json();
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).get("customer").asText()).isEqualTo("X");
        assertThat(number(lost.get(0), "previousSales")).isEqualByComparingTo("130");
        assertThat(lost.get(0).get("lastSalesPeriod").asText()).isEqualTo("2023-03");
        assertThat(lost.get(0).get("unitCodes")).hasSize(1);
        assertThat(lost.get(0).get("unitCodes").get(0).asText()).isEqualTo("DIM-P3");

        var bad = api.get("/api/kpi-results/breakdown?period=2023-04&unitCode=DIM&kpiCode=SALES_AMOUNT&by=region", "secgen");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("product/channel/customer");
    }
}
