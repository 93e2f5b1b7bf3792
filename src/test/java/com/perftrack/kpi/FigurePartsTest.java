package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How parts add up to a unit's month (SPEC.md section 7: "the month's figure is their aggregate"), worked by hand. */
class FigurePartsTest {

    private static FigurePart day(int day, String target, String actual) {
        return new FigurePart("2026-03", day, "person", "P1", "K", "", "", "", num(target), num(actual));
    }

    private static FigurePart product(String product, String target, String actual) {
        return new FigurePart("2026-03", 0, "person", "P1", "K", product, "", "", num(target), num(actual));
    }

    private static BigDecimal num(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    @Test
    void dailyFiguresOfASumKpiAddUp() {
        // 100 + 250 + 40 = 390 actual; targets 120 + 120 + 120 = 360
        var total = FigureParts.total(List.of(day(1, "120", "100"), day(2, "120", "250"), day(31, "120", "40")), "sum");
        assertThat(total.actual()).isEqualByComparingTo("390");
        assertThat(total.target()).isEqualByComparingTo("360");
    }

    @Test
    void dailyFiguresOfAnAvgKpiAreTheirMean() {
        // (0.80 + 0.90 + 0.76) / 3 = 0.82; a day without actual does not count: target mean (0.9 + 0.9) / 2
        var total = FigureParts.total(List.of(day(3, "0.9", "0.80"), day(4, null, "0.90"), day(5, "0.9", "0.76")), "avg");
        assertThat(total.actual()).isEqualByComparingTo("0.82");
        assertThat(total.target()).isEqualByComparingTo("0.9");
    }

    @Test
    void dailyFiguresOfALastKpiAreTheLatestDays() {
        // a stock: the 28th is the latest day with an actual (30th has none) → 17; the 30th has a target → 20
        var total = FigureParts.total(List.of(day(2, "10", "12"), day(28, "15", "17"), day(30, "20", null)), "last");
        assertThat(total.actual()).isEqualByComparingTo("17");
        assertThat(total.target()).isEqualByComparingTo("20");
    }

    @Test
    void productsOfALastKpiAddUpOnTheLatestDay() {
        // stock by product at month end: 5 + 7 = 12
        var a = new FigurePart("2026-03", 31, "person", "P1", "K", "A", "", "", null, num("5"));
        var b = new FigurePart("2026-03", 31, "person", "P1", "K", "B", "", "", null, num("7"));
        var earlier = new FigurePart("2026-03", 15, "person", "P1", "K", "A", "", "", null, num("99"));
        assertThat(FigureParts.total(List.of(earlier, a, b), "last").actual()).isEqualByComparingTo("12");
    }

    @Test
    void aColumnNoPartHasStaysNotReported() {
        var total = FigureParts.total(List.of(product("A", null, "5"), product("B", null, "6")), "sum");
        assertThat(total.target()).isNull();
        assertThat(total.actual()).isEqualByComparingTo("11");
    }

    @Test
    void partsWithoutTheDimensionAskedForAreInNoGroup() {
        var groups = FigureParts.byDimension(List.of(product("A", "1", "1"), day(3, "1", "1"), product("A", "2", "2"),
                product("B", "3", "3")), "product");
        assertThat(groups.keySet()).containsExactly("A", "B");
        assertThat(groups.get("A")).hasSize(2);
    }
}
