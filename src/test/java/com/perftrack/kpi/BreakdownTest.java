package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC.md section 7's breakdown {@code {key, target, actual, attainment, share}}, worked by hand. */
class BreakdownTest {

    private static final Kpi SALES = new Kpi("SALES_AMOUNT", "销售额", "Sales", "CNY", "higher", "sum", "sales");
    private static final Kpi SATISFACTION = new Kpi("CUSTOMER_SATISFACTION", "客户满意度", "Satisfaction", "%", "higher", "avg", "sales");
    private static final Kpi CYCLE = new Kpi("SALES_CYCLE_DAYS", "销售周期", "Cycle", "days", "lower", "avg", "sales");

    private final Breakdown breakdown = new Breakdown(new BigDecimal("1.5"));

    private static FigurePart part(String period, String unit, String kpi, String product, String target, String actual) {
        return new FigurePart(period, 0, "person", unit, kpi, product, "", "", target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual));
    }

    @Test
    void aCompanyWithoutPartsOfItsOwnShowsItsPeoplesProducts() {
        // P1: A 100/80, B 50/70; P2: A 200/220 → A: target 300, actual 300, attainment 1, share 300/370
        // B: 50/70 → attainment 1.4, share 70/370 = 0.189189 (0.18918918… rounded half-up)
        var parts = List.of(part("2026-03", "P1", "SALES_AMOUNT", "A", "100", "80"),
                part("2026-03", "P1", "SALES_AMOUNT", "B", "50", "70"),
                part("2026-03", "P2", "SALES_AMOUNT", "A", "200", "220"));
        Map<String, List<String>> tree = Map.of("CO", List.of("D"), "D", List.of("P1", "P2"));
        var rows = breakdown.of("CO", SALES, "product", List.of("2026-03"), parts, u -> tree.getOrDefault(u, List.of()));
        assertThat(rows).extracting(Breakdown.Row::key).containsExactly("A", "B");
        assertThat(rows.get(0).target()).isEqualByComparingTo("300");
        assertThat(rows.get(0).actual()).isEqualByComparingTo("300");
        assertThat(rows.get(0).attainment()).isEqualByComparingTo("1");
        assertThat(rows.get(0).share()).isEqualByComparingTo("0.810811"); // 300 / 370 = 0.8108108…
        assertThat(rows.get(1).attainment()).isEqualByComparingTo("1.4");
        assertThat(rows.get(1).share()).isEqualByComparingTo("0.189189");
    }

    @Test
    void aUnitWithPartsOfItsOwnIgnoresItsChildrensParts() {
        // D has its own A 500/400: the people's parts would count twice
        var parts = List.of(part("2026-03", "D", "SALES_AMOUNT", "A", "500", "400"),
                part("2026-03", "P1", "SALES_AMOUNT", "A", "100", "80"));
        Map<String, List<String>> tree = Map.of("D", List.of("P1"));
        var rows = breakdown.of("D", SALES, "product", List.of("2026-03"), parts, u -> tree.getOrDefault(u, List.of()));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.actual()).isEqualByComparingTo("400");
            assertThat(r.attainment()).isEqualByComparingTo("0.8");
            assertThat(r.share()).isEqualByComparingTo("1");
        });
    }

    @Test
    void anAvgKpiHasNoShareAndAveragesItsParts() {
        // A: (0.9 + 0.7) / 2 = 0.8 against (0.85 + 0.85) / 2 = 0.85 → 0.941176 (0.9411764…)
        var parts = List.of(part("2026-03", "P1", "CUSTOMER_SATISFACTION", "A", "0.85", "0.9"),
                part("2026-03", "P2", "CUSTOMER_SATISFACTION", "A", "0.85", "0.7"));
        Map<String, List<String>> tree = Map.of("D", List.of("P1", "P2"));
        var rows = breakdown.of("D", SATISFACTION, "product", List.of("2026-03"), parts, u -> tree.getOrDefault(u, List.of()));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.actual()).isEqualByComparingTo("0.8");
            assertThat(r.attainment()).isEqualByComparingTo("0.941176");
            assertThat(r.share()).isNull();
        });
    }

    @Test
    void lowerIsBetterIsInvertedAndCapped() {
        // A: target 30 days, actual 40 → 0.75; B: target 30, actual 10 → 3, capped at 1.5
        var parts = List.of(part("2026-03", "P1", "SALES_CYCLE_DAYS", "A", "30", "40"),
                part("2026-03", "P1", "SALES_CYCLE_DAYS", "B", "30", "10"));
        var rows = breakdown.of("P1", CYCLE, "product", List.of("2026-03"), parts, u -> List.of());
        assertThat(rows).extracting(Breakdown.Row::key).containsExactly("A", "B");
        assertThat(rows.get(0).attainment()).isEqualByComparingTo("0.75");
        assertThat(rows.get(1).attainment()).isEqualByComparingTo("1.5");
    }

    @Test
    void aQuarterCountsOnlyMonthsWithBothFigures() {
        // A: Jan 100/90, Feb 100/– (not counted), Mar 100/130 → 200/220 = 1.1; B only in Feb 50/60
        var parts = List.of(part("2026-01", "P1", "SALES_AMOUNT", "A", "100", "90"),
                part("2026-02", "P1", "SALES_AMOUNT", "A", "100", null),
                part("2026-02", "P1", "SALES_AMOUNT", "B", "50", "60"),
                part("2026-03", "P1", "SALES_AMOUNT", "A", "100", "130"));
        var rows = breakdown.of("P1", SALES, "product", List.of("2026-01", "2026-02", "2026-03"), parts, u -> List.of());
        assertThat(rows).extracting(Breakdown.Row::key).containsExactly("A", "B");
        assertThat(rows.get(0).target()).isEqualByComparingTo("200");
        assertThat(rows.get(0).actual()).isEqualByComparingTo("220");
        assertThat(rows.get(0).attainment()).isEqualByComparingTo("1.1");
        assertThat(rows.get(0).share()).isEqualByComparingTo("0.785714"); // 220 / 280
        assertThat(rows.get(1).share()).isEqualByComparingTo("0.214286"); // 60 / 280
    }
}
