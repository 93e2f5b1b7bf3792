package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The doubtful-number rules of issue 15, each worked by hand. */
class SuspiciousFiguresTest {

    static final Map<String, Kpi> KPIS = Map.of(
            "SALES_AMOUNT", new Kpi("SALES_AMOUNT", "销售额", "Sales", "CNY", "higher", "sum", "sales", 2),
            "ORDER_CONVERSION", new Kpi("ORDER_CONVERSION", "订单转化率", "Conversion", "%", "higher", "avg", "sales", 4));

    final Map<String, FigureView> stored = new HashMap<>();

    void store(String period, String unit, String kpi, String target, String actual) {
        stored.put(period + '|' + unit + '|' + kpi, row(period, unit, kpi, target, actual));
    }

    static FigureView row(String period, String unit, String kpi, String target, String actual) {
        return new FigureView(period, "person", unit, kpi, target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual));
    }

    List<SuspiciousFigures.Warning> check(FigureView... rows) {
        return SuspiciousFigures.check(List.of(rows), KPIS, unit -> unit.equals("D1") ? List.of("P1", "P2") : List.of(),
                (p, u, k) -> Optional.ofNullable(stored.get(p + '|' + u + '|' + k)));
    }

    @Test
    void an_actual_beyond_three_times_or_a_third_of_the_six_months_median_is_doubtful() {
        // actuals of the six months before: 90, 100, 110, 120, (none), 80 -> sorted 80 90 100 110 120: median 100
        String[][] history = {{"2026-03", "90"}, {"2026-04", "100"}, {"2026-05", "110"}, {"2026-06", "120"},
            {"2026-07", null}, {"2026-08", "80"}};
        for (String[] h : history) {
            store(h[0], "P1", "SALES_AMOUNT", "100", h[1]);
        }
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "300"))).as("3 × 100 is not more than 3×")
                .isEmpty();
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "301"))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("中位数 100").contains("threefold"));
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "33.4"))).isEmpty();
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "33.3"))).singleElement()
                .extracting(SuspiciousFigures.Warning::field).isEqualTo("actual");
        // an even count: 90, 100, 110, 120 -> (100 + 110) / 2 = 105; 316 > 315
        stored.remove("2026-08|P1|SALES_AMOUNT");
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "315"))).isEmpty();
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "100", "316"))).hasSize(1);
        // no history at all: nothing to compare with
        assertThat(check(row("2026-09", "P9", "SALES_AMOUNT", "100", "1000000"))).isEmpty();
    }

    @Test
    void a_target_more_than_half_away_from_last_month_s_is_doubtful_and_the_file_s_own_month_counts() {
        store("2026-08", "P1", "SALES_AMOUNT", "100", null);
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "150", null))).as("+50% exactly").isEmpty();
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "151", null))).singleElement()
                .satisfies(w -> assertThat(w.field()).isEqualTo("target"));
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "49", null))).hasSize(1);
        // last month in the same file wins over the stored one: 200 -> 151 is -24.5%
        assertThat(check(row("2026-08", "P1", "SALES_AMOUNT", "200", null), row("2026-09", "P1", "SALES_AMOUNT", "151", null)))
                .extracting(SuspiciousFigures.Warning::index).doesNotContain(1);
    }

    @Test
    void a_share_above_one_is_doubtful() {
        assertThat(check(row("2026-09", "P1", "ORDER_CONVERSION", "0.3", "1"))).isEmpty();
        assertThat(check(row("2026-09", "P1", "ORDER_CONVERSION", "30", "1.2")))
                .extracting(SuspiciousFigures.Warning::field).containsExactly("target", "actual");
        assertThat(check(row("2026-09", "P1", "SALES_AMOUNT", "30", "1.2"))).as("not a share").isEmpty();
    }

    @Test
    void a_unit_whose_children_report_more_than_its_own_total_is_doubtful() {
        store("2026-09", "P1", "SALES_AMOUNT", "100", "70");
        // P2 in the file: 70 + 40 = 110 > 100
        var warnings = check(row("2026-09", "P2", "SALES_AMOUNT", "100", "40"), row("2026-09", "D1", "SALES_AMOUNT", "200", "100"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.index()).isEqualTo(1);
            assertThat(w.message()).contains("合计 110").contains("100");
        });
        assertThat(check(row("2026-09", "P2", "SALES_AMOUNT", "100", "30"), row("2026-09", "D1", "SALES_AMOUNT", "200", "100")))
                .as("70 + 30 = 100 is not more").isEmpty();
        assertThat(check(row("2026-09", "P2", "ORDER_CONVERSION", "0.5", "0.9"), row("2026-09", "D1", "ORDER_CONVERSION", "0.5", "0.5")))
                .as("an average KPI does not add up").isEmpty();
    }
}
