package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.kpi.KpiCalculator.Calculation;
import com.perftrack.kpi.KpiCalculator.Figure;
import com.perftrack.kpi.KpiCalculator.Gap;
import com.perftrack.kpi.KpiCalculator.KpiDef;
import com.perftrack.kpi.KpiCalculator.Result;
import com.perftrack.kpi.KpiCalculator.Unit;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every expected number below is worked out by hand in the comment beside it. */
class KpiCalculatorTest {

    static StatusTable status;
    static final List<Unit> UNITS = List.of(
            new Unit("ACME", "company", null, "ACME", "production"),
            new Unit("ACME-SALES", "department", "ACME", "ACME", "sales"),
            new Unit("R-EAST", "region", "ACME-SALES", "ACME", null),
            new Unit("P1", "person", "R-EAST", "ACME", "employee"),
            new Unit("P2", "person", "R-EAST", "ACME", "employee"),
            new Unit("P3", "person", "R-EAST", "ACME", "employee"),
            new Unit("P4", "person", "ACME-SALES", "ACME", "employee"),
            new Unit("OTHER", "company", null, "OTHER", "production"),
            new Unit("Q1", "person", "OTHER", "OTHER", "employee"));
    static final List<KpiDef> KPIS = List.of(
            new KpiDef("SALES_AMOUNT", false, "sum"),
            new KpiDef("NEW_CUSTOMERS", false, "sum"),
            new KpiDef("CUSTOMER_SATISFACTION", false, "avg"),
            new KpiDef("SALES_CYCLE_DAYS", true, "avg"),
            new KpiDef("COMPLAINTS", true, "sum"));
    static final Map<String, Set<String>> WEIGHTS = Map.of("employee", Set.of("SALES_AMOUNT", "NEW_CUSTOMERS"));

    @BeforeAll
    static void readStatusTable() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/kpi-status.dmn"))) {
            status = StatusTable.read(in);
        }
    }

    KpiCalculator calculator = new KpiCalculator(new BigDecimal("1.5"), a -> status.status(a));

    static Figure f(String type, String unit, String kpi, String target, String actual) {
        return new Figure(type, unit, kpi, target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual));
    }

    Calculation calc(List<Figure> now, List<Figure> previous, List<Figure> lastYear) {
        return calculator.calculate(UNITS, KPIS, WEIGHTS, now, previous, lastYear);
    }

    static Result result(Calculation c, String unit, String kpi) {
        return c.results().stream().filter(r -> r.unitCode().equals(unit) && r.kpiCode().equals(kpi)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + unit + " " + kpi));
    }

    static void assertNumber(BigDecimal actual, String expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    @Test
    void higher_is_better_deviation_deviation_pct_attainment_and_status() {
        Calculation c = calc(List.of(f("company", "ACME", "SALES_AMOUNT", "100", "95")), List.of(), List.of());
        Result r = result(c, "ACME", "SALES_AMOUNT");
        assertNumber(r.deviation(), "-5");          // 95 - 100
        assertNumber(r.deviationPct(), "-0.05");    // -5 / 100
        assertNumber(r.attainment(), "0.95");       // 95 / 100
        assertThat(r.status()).isEqualTo("amber");  // 0.9 <= 0.95 < 1.0
        assertThat(r.rolledUp()).isFalse();
    }

    @Test
    void lower_is_better_inverts_attainment() {
        Calculation c = calc(List.of(f("company", "ACME", "SALES_CYCLE_DAYS", "30", "40"),
                f("company", "OTHER", "SALES_CYCLE_DAYS", "30", "25")), List.of(), List.of());
        Result worse = result(c, "ACME", "SALES_CYCLE_DAYS");
        assertNumber(worse.deviation(), "10");           // 40 - 30
        assertNumber(worse.deviationPct(), "0.333333");  // 10 / 30
        assertNumber(worse.attainment(), "0.75");        // 30 / 40
        assertThat(worse.status()).isEqualTo("red");
        Result better = result(c, "OTHER", "SALES_CYCLE_DAYS");
        assertNumber(better.attainment(), "1.2");        // 30 / 25
        assertThat(better.status()).isEqualTo("green");
    }

    @Test
    void attainment_is_capped_and_a_zero_actual_on_a_lower_is_better_kpi_gets_the_cap() {
        Calculation c = calc(List.of(f("company", "ACME", "SALES_AMOUNT", "100", "200"),
                f("company", "ACME", "COMPLAINTS", "4", "0"),
                f("company", "OTHER", "SALES_AMOUNT", "0", "10")), List.of(), List.of());
        assertNumber(result(c, "ACME", "SALES_AMOUNT").attainment(), "1.5");  // 200 / 100 = 2.0, cap 1.5
        assertNumber(result(c, "ACME", "COMPLAINTS").attainment(), "1.5");    // 0 complaints: cannot do better
        Result zeroTarget = result(c, "OTHER", "SALES_AMOUNT");
        assertNumber(zeroTarget.attainment(), null);                          // x / 0 is undefined
        assertThat(c.gaps()).as("SPEC.md section 6: listed as a data gap, never silently dropped")
                .extracting(g -> g.unitCode() + " " + g.kpiCode() + " " + g.missing())
                .containsExactly("OTHER SALES_AMOUNT target 0");
        assertNumber(zeroTarget.deviationPct(), null);
        assertNumber(zeroTarget.deviation(), "10");
        assertThat(zeroTarget.status()).isNull();
    }

    @Test
    void lower_is_better_with_target_zero_and_actual_zero_is_exactly_on_target() {
        // SPEC.md section 6: "lower-is-better with actual 0 gives the cap when target > 0 and 1.0 when target is 0";
        // "lower-is-better with target 0 and actual > 0 gives 0"
        Calculation c = calc(List.of(f("company", "ACME", "COMPLAINTS", "0", "0"),
                f("company", "OTHER", "COMPLAINTS", "0", "3")), List.of(), List.of());
        assertNumber(result(c, "ACME", "COMPLAINTS").attainment(), "1");
        assertNumber(result(c, "OTHER", "COMPLAINTS").attainment(), "0");
    }

    @Test
    void mom_and_yoy_growth_are_null_when_the_earlier_figure_is_missing_or_zero() {
        Calculation c = calc(
                List.of(f("company", "ACME", "SALES_AMOUNT", "100", "95"),
                        f("company", "ACME", "NEW_CUSTOMERS", "10", "12"),
                        f("company", "OTHER", "SALES_AMOUNT", "100", "50")),
                List.of(f("company", "ACME", "SALES_AMOUNT", "100", "80"),
                        f("company", "ACME", "NEW_CUSTOMERS", "10", "0"),
                        f("company", "OTHER", "SALES_AMOUNT", "100", null)),
                List.of(f("company", "ACME", "SALES_AMOUNT", "90", "100")));
        Result sales = result(c, "ACME", "SALES_AMOUNT");
        assertNumber(sales.momGrowth(), "0.1875");   // (95 - 80) / 80
        assertNumber(sales.yoyGrowth(), "-0.05");    // (95 - 100) / 100
        Result customers = result(c, "ACME", "NEW_CUSTOMERS");
        assertNumber(customers.momGrowth(), null);   // last month 0
        assertNumber(customers.yoyGrowth(), null);   // no figure a year ago
        assertNumber(result(c, "OTHER", "SALES_AMOUNT").momGrowth(), null); // last month's actual not reported
    }

    @Test
    void equal_attainments_share_a_rank_and_ranks_stay_inside_the_company() {
        Calculation c = calc(List.of(
                f("person", "P1", "SALES_AMOUNT", "100", "120"),  // 1.2  -> 1
                f("person", "P2", "SALES_AMOUNT", "100", "100"),  // 1.0  -> 2
                f("person", "P3", "SALES_AMOUNT", "200", "200"),  // 1.0  -> 2
                f("person", "P4", "SALES_AMOUNT", "100", "80"),   // 0.8  -> 4
                f("person", "Q1", "SALES_AMOUNT", "100", "10")),  // other company: its own 1
                List.of(), List.of());
        assertThat(List.of("P1", "P2", "P3", "P4", "Q1"))
                .map(p -> result(c, p, "SALES_AMOUNT").rank()).containsExactly(1, 2, 2, 4, 1);
    }

    @Test
    void people_roll_up_to_region_department_and_company_counting_only_complete_pairs() {
        Calculation c = calc(List.of(
                f("person", "P1", "SALES_AMOUNT", "100", "120"),
                f("person", "P2", "SALES_AMOUNT", "200", "180"),
                f("person", "P3", "SALES_AMOUNT", "300", null),   // gap: not counted as 0
                f("person", "P4", "SALES_AMOUNT", "50", "40"),
                f("person", "P1", "CUSTOMER_SATISFACTION", "0.9", "0.8"),
                f("person", "P2", "CUSTOMER_SATISFACTION", "0.9", "0.95"),
                f("company", "ACME", "CUSTOMER_SATISFACTION", "0.9", "0.91")), // own row: no roll-up
                List.of(), List.of());
        Result region = result(c, "R-EAST", "SALES_AMOUNT");
        assertNumber(region.target(), "300");        // 100 + 200 (P3 lacks an actual)
        assertNumber(region.actual(), "300");        // 120 + 180
        assertNumber(region.attainment(), "1");
        assertThat(region.rolledUp()).isTrue();
        Result department = result(c, "ACME-SALES", "SALES_AMOUNT");
        assertNumber(department.target(), "350");    // 300 + P4's 50
        assertNumber(department.actual(), "340");    // 300 + P4's 40
        assertNumber(department.attainment(), "0.971429"); // 340 / 350 = 0.9714285..
        assertNumber(result(c, "ACME", "SALES_AMOUNT").actual(), "340");
        Result satisfaction = result(c, "R-EAST", "CUSTOMER_SATISFACTION");
        assertNumber(satisfaction.target(), "0.9");  // (0.9 + 0.9) / 2
        assertNumber(satisfaction.actual(), "0.875"); // (0.8 + 0.95) / 2
        assertNumber(satisfaction.attainment(), "0.972222"); // 0.875 / 0.9 = 0.97222..
        Result companyOwn = result(c, "ACME", "CUSTOMER_SATISFACTION");
        assertNumber(companyOwn.actual(), "0.91");
        assertThat(companyOwn.rolledUp()).isFalse();
    }

    @Test
    void reporting_gaps_are_listed_and_never_counted_as_zero() {
        // January complete, February lacks the actual, March complete: the gap inside the quarter
        Calculation february = calc(List.of(f("person", "P1", "SALES_AMOUNT", "100", null)),
                List.of(f("person", "P1", "SALES_AMOUNT", "100", "90")), List.of());
        Result feb = result(february, "P1", "SALES_AMOUNT");
        assertNumber(feb.attainment(), null);
        assertNumber(feb.deviation(), null);
        assertThat(feb.status()).isNull();
        assertThat(feb.rank()).isNull();
        assertThat(february.results()).noneMatch(r -> r.unitCode().equals("R-EAST")); // nothing to roll up
        assertThat(february.gaps()).containsExactly(
                new Gap("person", "P1", "NEW_CUSTOMERS", "ACME", "both"),   // weighted for employee, not reported
                new Gap("person", "P1", "SALES_AMOUNT", "ACME", "actual"));
        Calculation march = calc(List.of(f("person", "P1", "SALES_AMOUNT", "100", "110"),
                f("person", "P1", "NEW_CUSTOMERS", "5", "5")), List.of(f("person", "P1", "SALES_AMOUNT", "100", null)),
                List.of());
        assertNumber(result(march, "P1", "SALES_AMOUNT").momGrowth(), null); // February's actual is missing
        assertThat(march.gaps()).isEmpty();
    }

    @Test
    void recomputing_gives_identical_results() {
        List<Figure> figures = List.of(f("person", "P1", "SALES_AMOUNT", "100", "120"),
                f("person", "P2", "SALES_AMOUNT", "100", "90"));
        Calculation first = calc(figures, List.of(), List.of());
        Calculation second = calc(figures, List.of(), List.of());
        assertThat(second.results()).hasSize(5).isEqualTo(first.results());
        assertThat(second.gaps()).isEqualTo(first.gaps());
    }

    @Test
    void streamed_earlier_months_need_only_the_actual_and_whether_a_target_exists() {
        // the production read passes BigDecimal.ZERO for "has a target" in earlier months: the
        // growth must be the same as with the real targets (issue 18: lighter earlier months)
        List<Figure> now = List.of(f("person", "P1", "SALES_AMOUNT", "100", "120"), f("person", "P2", "SALES_AMOUNT", "100", "90"));
        List<Figure> before = List.of(f("person", "P1", "SALES_AMOUNT", "80", "100"), f("person", "P2", "SALES_AMOUNT", null, "50"));
        List<Figure> light = List.of(f("person", "P1", "SALES_AMOUNT", "0", "100"), f("person", "P2", "SALES_AMOUNT", null, "50"));
        Calculation full = calc(now, before, List.of());
        Calculation streamed = calculator.calculate(UNITS, KPIS, WEIGHTS, now::forEach, light::forEach, sink -> { });
        assertThat(streamed.results()).isEqualTo(full.results());
        // P1 MoM (120 - 100) / 100 = 0.2; P2 (90 - 50) / 50 = 0.8; region: only P1's pair is
        // complete in December, so (120 + 90 - 100) / 100 = 1.1
        assertNumber(result(streamed, "P1", "SALES_AMOUNT").momGrowth(), "0.2");
        assertNumber(result(streamed, "P2", "SALES_AMOUNT").momGrowth(), "0.8");
        assertNumber(result(streamed, "R-EAST", "SALES_AMOUNT").momGrowth(), "1.1");
    }

    @Test
    void decimals_per_cell_keep_every_value_exactly() {
        // millionths in a long for numeric(20, 6) values below 9.2e12; the rest exactly as given
        KpiCalculator.Decimals d = new KpiCalculator.Decimals(6);
        d.set(0, new BigDecimal("123.456789"));
        d.set(1, new BigDecimal("-0.000001"));
        d.set(2, new BigDecimal("99999999999999.999999"));      // the largest numeric(20, 6): beyond a long
        d.set(3, new BigDecimal("0.875000000000"));             // an averaged roll-up, 12 decimals
        d.set(4, new BigDecimal("5"));                          // scale 0 (tests, literals)
        assertThat(d.get(0)).isEqualTo(new BigDecimal("123.456789"));
        assertThat(d.get(1)).isEqualTo(new BigDecimal("-0.000001"));
        assertThat(d.get(2)).isEqualTo(new BigDecimal("99999999999999.999999"));
        assertThat(d.get(3)).isEqualTo(new BigDecimal("0.875000000000"));
        assertThat(d.get(4)).isEqualTo(new BigDecimal("5"));
        assertThat(d.get(5)).isNull();
        d.set(2, null);
        assertThat(d.get(2)).isNull();
    }
}
