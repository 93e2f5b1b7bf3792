package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.kpi.PeriodResults.MonthRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Results of a quarter, half year and year; every expected number is worked out by hand beside it. */
class PeriodResultsTest {

    static final Map<String, Kpi> KPIS = Map.of(
            "SALES_AMOUNT", new Kpi("SALES_AMOUNT", "销售额", "Sales", "CNY", "higher", "sum", "sales"),
            "NEW_CUSTOMERS", new Kpi("NEW_CUSTOMERS", "新客户数", "New customers", "count", "higher", "sum", "sales"),
            "SALES_CYCLE_DAYS", new Kpi("SALES_CYCLE_DAYS", "销售周期", "Sales cycle", "days", "lower", "avg", "sales"),
            "COMPLAINTS", new Kpi("COMPLAINTS", "客户投诉", "Complaints", "count", "lower", "sum", "quality"),
            "HEADCOUNT", new Kpi("HEADCOUNT", "人数", "Headcount", "count", "higher", "last", "hr"));
    static final Map<String, String> ROLES = Map.of("P1", "employee", "P2", "employee", "P3", "employee");
    /** kpi-status.dmn's defaults: ≥ 100% green, ≥ 90% amber, below red. */
    static final Function<BigDecimal, String> STATUS = a -> a.compareTo(BigDecimal.ONE) >= 0 ? "green"
            : a.compareTo(new BigDecimal("0.9")) >= 0 ? "amber" : "red";

    final PeriodResults calculator = new PeriodResults(new BigDecimal("1.5"), STATUS);
    final List<MonthRow> rows = new ArrayList<>();

    @Test
    void a_quarter_sums_the_months_with_both_figures_and_lists_the_others_as_gaps() {
        person("P1", "SALES_AMOUNT", "2024-04", "100", "90");
        person("P1", "SALES_AMOUNT", "2024-05", "100", "110");
        person("P1", "SALES_AMOUNT", "2024-06", "100", null); // a gap: June does not count
        person("P2", "SALES_AMOUNT", "2024-04", "100", "120");
        person("P2", "SALES_AMOUNT", "2024-05", "100", "130");
        person("P2", "SALES_AMOUNT", "2024-06", "100", "110");
        // the quarter before (2024-Q1) and a year before (2023-Q2), for P1's growth
        person("P1", "SALES_AMOUNT", "2024-01", "100", "80");
        person("P1", "SALES_AMOUNT", "2024-02", "100", "100");
        person("P1", "SALES_AMOUNT", "2024-03", "100", "100");
        person("P1", "SALES_AMOUNT", "2023-04", "50", "50");
        person("P1", "SALES_AMOUNT", "2023-05", "50", "50");
        person("P1", "SALES_AMOUNT", "2022-12", "999", "999"); // outside every compared period: ignored

        var calculated = calculator.calculate(ReportingPeriod.parse("2024-Q2"), rows, KPIS, ROLES);

        KpiResultView p1 = result(calculated, "P1", "SALES_AMOUNT");
        // April and May count: target 100 + 100 = 200, actual 90 + 110 = 200 → 100%
        assertThat(p1.period()).isEqualTo("2024-Q2");
        assertThat(p1.target()).isEqualByComparingTo("200");
        assertThat(p1.actual()).isEqualByComparingTo("200");
        assertThat(p1.deviation()).isEqualByComparingTo("0");
        assertThat(p1.deviationPct()).isEqualByComparingTo("0");
        assertThat(p1.attainment()).isEqualByComparingTo("1");
        assertThat(p1.status()).isEqualTo("green");
        // MoM: Q1 actual 80 + 100 + 100 = 280; (200 − 280) / 280 = −0.2857142… → −0.285714
        assertThat(p1.momGrowth()).isEqualByComparingTo("-0.285714");
        // YoY: 2023-Q2 actual 50 + 50 = 100; (200 − 100) / 100 = 1
        assertThat(p1.yoyGrowth()).isEqualByComparingTo("1");
        KpiResultView p2 = result(calculated, "P2", "SALES_AMOUNT");
        // 300 target, 360 actual → 1.2; deviation 60, 60 / 300 = 0.2; nothing earlier → no growth
        assertThat(p2.attainment()).isEqualByComparingTo("1.2");
        assertThat(p2.deviation()).isEqualByComparingTo("60");
        assertThat(p2.deviationPct()).isEqualByComparingTo("0.2");
        assertThat(p2.momGrowth()).isNull();
        assertThat(p2.yoyGrowth()).isNull();
        assertThat(p2.rank()).isEqualTo(1);
        assertThat(p1.rank()).isEqualTo(2);
        assertThat(calculated.gaps()).containsExactly(
                new DataGapView("2024-06", "person", "P1", "SALES_AMOUNT", "C", "actual"));
    }

    @Test
    void lower_is_better_kpis_invert_and_keep_the_section_6_edge_cases() {
        // average sales cycle: target (30 + 30 + 30) / 3 = 30, actual (36 + 30 + 33) / 3 = 33 → 30 / 33 = 0.909091, amber
        company("SALES_CYCLE_DAYS", "2026-07", "30", "36");
        company("SALES_CYCLE_DAYS", "2026-08", "30", "30");
        company("SALES_CYCLE_DAYS", "2026-09", "30", "33");
        // complaints: target 5 + 5 + 0 = 10, actual 0 → unbeatable: the cap 1.5
        company("COMPLAINTS", "2026-07", "5", "0");
        company("COMPLAINTS", "2026-08", "5", "0");
        company("COMPLAINTS", "2026-09", "0", "0");

        var calculated = calculator.calculate(ReportingPeriod.parse("2026-Q3"), rows, KPIS, ROLES);

        KpiResultView cycle = result(calculated, "C", "SALES_CYCLE_DAYS");
        assertThat(cycle.target()).isEqualByComparingTo("30");
        assertThat(cycle.actual()).isEqualByComparingTo("33");
        assertThat(cycle.deviation()).isEqualByComparingTo("3");
        assertThat(cycle.deviationPct()).isEqualByComparingTo("0.1");
        assertThat(cycle.attainment()).isEqualByComparingTo("0.909091");
        assertThat(cycle.status()).isEqualTo("amber");
        assertThat(cycle.rank()).isEqualTo(1);
        KpiResultView complaints = result(calculated, "C", "COMPLAINTS");
        assertThat(complaints.attainment()).isEqualByComparingTo("1.5");
        assertThat(calculated.gaps()).isEmpty();
    }

    @Test
    void a_higher_is_better_target_of_zero_over_the_period_is_a_gap_and_a_month_without_a_row_too() {
        company("NEW_CUSTOMERS", "2026-07", "0", "3");
        company("NEW_CUSTOMERS", "2026-08", "0", "2");

        var calculated = calculator.calculate(ReportingPeriod.parse("2026-Q3"), rows, KPIS, ROLES);

        KpiResultView row = result(calculated, "C", "NEW_CUSTOMERS");
        assertThat(row.target()).isEqualByComparingTo("0");
        assertThat(row.actual()).isEqualByComparingTo("5");
        assertThat(row.attainment()).isNull();
        assertThat(row.status()).isNull();
        assertThat(row.rank()).isNull();
        assertThat(row.deviationPct()).as("no ratio to a target of 0").isNull();
        assertThat(calculated.gaps()).containsExactly(
                new DataGapView("2026-09", "company", "C", "NEW_CUSTOMERS", "C", "both"),
                new DataGapView("2026-Q3", "company", "C", "NEW_CUSTOMERS", "C", "target 0"));
    }

    @Test
    void a_half_year_takes_the_last_counted_month_of_a_last_kpi_and_ranks_ties_alike() {
        // HEADCOUNT (last): June has no actual, so May is the last counted month: 12 / 10 = 1.2
        company("HEADCOUNT", "2026-01", "8", "8");
        company("HEADCOUNT", "2026-05", "10", "12");
        company("HEADCOUNT", "2026-06", "11", null);
        // three people: P1 and P2 both 150 / 100 = 1.5 (rank 1, 1), P3 90 / 100 (rank 3)
        person("P1", "SALES_AMOUNT", "2026-02", "100", "150");
        person("P2", "SALES_AMOUNT", "2026-03", "60", "90");
        person("P2", "SALES_AMOUNT", "2026-04", "40", "60");
        person("P3", "SALES_AMOUNT", "2026-06", "100", "90");
        // another company's person is ranked in their own company
        rows.add(new MonthRow("2026-01", "person", "X1", "SALES_AMOUNT", "OTHER", bd("100"), bd("10")));

        var calculated = calculator.calculate(ReportingPeriod.parse("2026-H1"), rows, KPIS, ROLES);

        KpiResultView headcount = result(calculated, "C", "HEADCOUNT");
        assertThat(headcount.target()).isEqualByComparingTo("10");
        assertThat(headcount.actual()).isEqualByComparingTo("12");
        assertThat(headcount.attainment()).isEqualByComparingTo("1.2");
        assertThat(result(calculated, "P1", "SALES_AMOUNT").rank()).isEqualTo(1);
        assertThat(result(calculated, "P2", "SALES_AMOUNT").rank()).isEqualTo(1);
        assertThat(result(calculated, "P3", "SALES_AMOUNT").rank()).isEqualTo(3);
        assertThat(result(calculated, "P3", "SALES_AMOUNT").status()).isEqualTo("amber");
        assertThat(result(calculated, "X1", "SALES_AMOUNT").rank()).isEqualTo(1);
        // P1 lacks 5 of the 6 months
        assertThat(calculated.gaps()).filteredOn(g -> g.unitCode().equals("P1")).extracting(DataGapView::period)
                .containsExactly("2026-01", "2026-03", "2026-04", "2026-05", "2026-06");
    }

    @Test
    void a_year_compares_with_the_year_before() {
        company("COMPLAINTS", "2025-03", "10", "8");
        company("COMPLAINTS", "2024-11", "10", "4");
        var calculated = calculator.calculate(ReportingPeriod.parse("2025"), rows, KPIS, ROLES);
        KpiResultView complaints = result(calculated, "C", "COMPLAINTS");
        // 10 / 8 = 1.25; growth of the actual (8 − 4) / 4 = 1, the year before being both the previous and a year earlier
        assertThat(complaints.attainment()).isEqualByComparingTo("1.25");
        assertThat(complaints.momGrowth()).isEqualByComparingTo("1");
        assertThat(complaints.yoyGrowth()).isEqualByComparingTo("1");
        assertThat(calculated.gaps()).hasSize(11);
    }

    private void person(String code, String kpi, String month, String target, String actual) {
        rows.add(new MonthRow(month, "person", code, kpi, "C", bd(target), bd(actual)));
    }

    private void company(String kpi, String month, String target, String actual) {
        rows.add(new MonthRow(month, "company", "C", kpi, "C", bd(target), bd(actual)));
    }

    private static KpiResultView result(PeriodResults.Calculated calculated, String unit, String kpi) {
        return calculated.results().stream().filter(r -> r.unitCode().equals(unit) && r.kpiCode().equals(kpi))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + unit + " " + kpi));
    }

    private static BigDecimal bd(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
