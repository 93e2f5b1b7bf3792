package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.perftrack.kpi.FigureView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Targets given as growth over a base month; expected numbers worked out by hand in the comments. */
class TargetGrowthTest {

    static final Map<String, String> UNITS = Map.of("ACME", "company", "P1", "person", "P2", "person");
    static final Set<String> KPIS = Set.of("SALES_AMOUNT", "NEW_CUSTOMERS", "ORDER_CONVERSION");
    /** The catalogue's decimals of SALES_AMOUNT (CNY), NEW_CUSTOMERS (count) and ORDER_CONVERSION (%). */
    static final Map<String, Integer> KPI_DECIMALS = Map.of("SALES_AMOUNT", 2, "NEW_CUSTOMERS", 0,
            "ORDER_CONVERSION", 4);
    static final String HEADER = "period,unit_type,unit_code,kpi_code,target,actual,target_growth,growth_base\n";

    /** Stored: P1's sales 2026-01 actual 50000, 2025-02 actual 40000; P2 2026-01 a row with no actual. */
    static final TargetGrowth.StoredActuals STORED = (period, type, code, kpi) -> Optional.ofNullable(Map.of(
            "2026-01|P1|SALES_AMOUNT", new BigDecimal("50000"),
            "2025-02|P1|SALES_AMOUNT", new BigDecimal("40000"),
            "2026-01|P1|NEW_CUSTOMERS", new BigDecimal("7"),
            "2026-01|P1|ORDER_CONVERSION", new BigDecimal("0.2345")).get(period + '|' + code + '|' + kpi));

    final TableReader reader = new TableReader(1000);

    List<FigureView> imported(String csv) {
        ImportTable table = reader.read(csv.getBytes(StandardCharsets.UTF_8));
        FigureFileValidator.Parsed parsed = new FigureFileValidator(UNITS, KPIS::contains).parse(table);
        return TargetGrowth.apply(parsed.rows(), parsed.growth(), STORED, KPI_DECIMALS::get);
    }

    List<LineError> errorsOf(String csv) {
        try {
            imported(csv);
        } catch (ImportRejectedException e) {
            return e.errors();
        }
        throw new AssertionError("file was accepted");
    }

    @Test
    void growth_over_the_previous_month_multiplies_the_stored_actual() {
        // 50000 × 1.10 = 55000; same month last year: 40000 × (1 − 0.05) = 38000
        List<FigureView> rows = imported(HEADER
                + "2026-02,person,P1,SALES_AMOUNT,,,0.10,\n"
                + "2026-02,person,P1,NEW_CUSTOMERS,,3,0.10,previous_month\n"
                + "2026-02,person,P1,ORDER_CONVERSION,,,0.10,\n"
                + "2026-02,person,P2,SALES_AMOUNT,1000,900,,\n");
        assertThat(rows).extracting(FigureView::kpiCode, FigureView::target, FigureView::actual).containsExactly(
                tuple("SALES_AMOUNT", new BigDecimal("55000.00"), null),
                tuple("NEW_CUSTOMERS", new BigDecimal("8"), new BigDecimal("3")), // 7 × 1.1 = 7.7 → a count: 8
                tuple("ORDER_CONVERSION", new BigDecimal("0.2580"), null),     // 0.2345 × 1.1 = 0.25795 → 4 places
                tuple("SALES_AMOUNT", new BigDecimal("1000"), new BigDecimal("900")));
        assertThat(imported(HEADER + "2026-02,person,P1,SALES_AMOUNT,,,-0.05,same_month_last_year\n"))
                .extracting(FigureView::target).containsExactly(new BigDecimal("38000.00"));
    }

    @Test
    void a_base_actual_in_the_same_file_wins_over_the_stored_one() {
        // the file's 2026-01 actual 60000 replaces the stored 50000 on import: 60000 × 1.25 = 75000;
        // the growth row may come before its base row
        List<FigureView> rows = imported(HEADER
                + "2026-02,person,P1,SALES_AMOUNT,,,0.25,\n"
                + "2026-01,person,P1,SALES_AMOUNT,55000,60000,,\n");
        assertThat(rows.get(0).target()).isEqualByComparingTo("75000");
    }

    @Test
    void the_optional_columns_may_be_absent_or_in_any_order() {
        List<FigureView> rows = imported("target_growth,period,unit_type,unit_code,kpi_code,target,actual\n"
                + "0.5,2026-02,person,P1,SALES_AMOUNT,,\n"
                + ",2026-02,person,P2,SALES_AMOUNT,10,\n");
        assertThat(rows).extracting(FigureView::target).containsExactly(new BigDecimal("75000.00"), new BigDecimal("10"));
        assertThat(imported("period,unit_type,unit_code,kpi_code,target,actual\n2026-02,person,P1,SALES_AMOUNT,1,2\n"))
                .extracting(FigureView::target).containsExactly(BigDecimal.ONE);
    }

    @Test
    void growth_without_a_base_actual_names_the_line_and_the_missing_base() {
        List<LineError> errors = errorsOf(HEADER
                + "2026-02,person,P1,SALES_AMOUNT,,,0.10,\n"                       // 2 fine: 50000 stored
                + "2026-02,person,P2,SALES_AMOUNT,,,0.10,\n"                       // 3 P2 has no 2026-01 actual
                + "2026-03,person,P1,SALES_AMOUNT,,,0.10,\n"                       // 4 2026-02 has a target only (line 2)
                + "2026-02,person,P1,NEW_CUSTOMERS,,,0.10,same_month_last_year\n"); // 5 nothing in 2025-02
        assertThat(errors).extracting(LineError::line, LineError::field).containsExactly(
                tuple(3, "target_growth"), tuple(4, "target_growth"), tuple(5, "target_growth"));
        assertThat(errors.get(0).message()).contains("P2", "SALES_AMOUNT", "2026-01", "no base actual");
        assertThat(errors.get(2).message()).contains("2025-02", "去年同月");
    }

    @Test
    void target_and_growth_together_and_bad_growth_values_are_refused() {
        List<LineError> errors = errorsOf(HEADER
                + "2026-02,person,P1,SALES_AMOUNT,1000,,0.10,\n"       // 2 both: ambiguous
                + "2026-02,person,P1,SALES_AMOUNT,,,10%,\n"            // 3 percent sign
                + "2026-02,person,P1,SALES_AMOUNT,,,-1,\n"             // 4 growth of −100 %
                + "2026-02,person,P1,SALES_AMOUNT,,,12,\n"             // 5 12 = +1200 %: a percentage typed as a number
                + "2026-02,person,P1,SALES_AMOUNT,,,0.1,last_quarter\n" // 6 unknown base
                + "2026-02,person,P1,SALES_AMOUNT,5,,,previous_month\n"); // 7 base without growth
        assertThat(errors).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2, "target_growth"), tuple(3, "target_growth"), tuple(4, "target_growth"),
                tuple(5, "target_growth"), tuple(6, "growth_base"), tuple(7, "growth_base"));
        assertThat(errors.get(0).message()).contains("not both");
    }

    @Test
    void an_unknown_column_is_still_refused() {
        assertThatThrownBy(() -> imported("period,unit_type,unit_code,kpi_code,target,actual,growth\n"
                + "2026-02,person,P1,SALES_AMOUNT,,,0.1\n"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(LineError::field).containsExactly("growth"));
    }

    @Test
    void the_target_is_rounded_half_up_to_the_kpi_decimals() {
        // 2.5 half up to a whole number is 3
        assertThat(TargetGrowth.target(new BigDecimal("2"), new BigDecimal("0.25"), 0)).isEqualByComparingTo("3");
    }
}
