package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Do children's targets add up? A company C with a sales and a production department; sales has the
 * regions EAST and SOUTH and one person directly (S-LEAD); EAST has the people E1 and E2. Expected
 * numbers are worked out by hand in each test.
 */
class TargetConsistencyTest {

    static final String MONTH = "2026-03";
    static final Kpi SALES = new Kpi("SALES_AMOUNT", "销售额", "Sales amount", "CNY", "higher", "sum", "sales");
    static final Kpi SATISFACTION = new Kpi("CUSTOMER_SATISFACTION", "客户满意度", "Customer satisfaction", "percent",
            "higher", "avg", "marketing");
    static final List<Kpi> KPIS = List.of(SALES, SATISFACTION);

    static final List<OrgUnit> UNITS = List.of(
            unit("C", OrgUnit.COMPANY, null, "production"),
            unit("C-SALES", OrgUnit.DEPARTMENT, "C", "sales"),
            unit("C-SALES2", OrgUnit.DEPARTMENT, "C", "sales"),
            unit("C-PROD", OrgUnit.DEPARTMENT, "C", "production"),
            unit("EAST", OrgUnit.REGION, "C-SALES", null),
            unit("SOUTH", OrgUnit.REGION, "C-SALES", null),
            unit("S-LEAD", OrgUnit.PERSON, "C-SALES", "employee"),
            unit("E1", OrgUnit.PERSON, "EAST", "employee"),
            unit("E2", OrgUnit.PERSON, "EAST", "employee"));

    final TargetConsistency consistency = new TargetConsistency(BigDecimal.ZERO);

    static OrgUnit unit(String code, String type, String parent, String role) {
        return new OrgUnit(code, type, code, parent, "C", null, null, role);
    }

    static FigureView target(String unitCode, String type, String target) {
        return new FigureView(MONTH, type, unitCode, SALES.code(), target == null ? null : new BigDecimal(target), null);
    }

    List<TargetConsistencyView> check(FigureView... figures) {
        return consistency.check(TargetConsistency.Month.of(MONTH, List.of(figures), UNITS), UNITS, KPIS);
    }

    @Test
    void company_target_1000_with_departments_600_and_300_misses_by_minus_100() {
        List<TargetConsistencyView> found = check(target("C", "company", "1000"),
                target("C-SALES", "department", "600"), target("C-SALES2", "department", "300"));
        assertThat(found).hasSize(1);
        TargetConsistencyView w = found.get(0);
        assertThat(w.unitCode()).isEqualTo("C");
        assertThat(w.unitType()).isEqualTo("company");
        assertThat(w.kpiCode()).isEqualTo("SALES_AMOUNT");
        assertThat(w.target()).isEqualByComparingTo("1000");
        assertThat(w.childrenTarget()).isEqualByComparingTo("900");
        assertThat(w.difference()).isEqualByComparingTo("-100");
        // production has no sales figures and is not the KPI's source department: not a gap
        assertThat(w.missingChildren()).isEmpty();
        assertThat(w.message()).contains("C", "1000", "900", "-100", "SALES_AMOUNT");
    }

    @Test
    void targets_that_add_up_exactly_to_two_decimals_are_not_reported() {
        // 600.004 + 400 = 1000.004: off by 0.004, which is 0.00 at two decimals
        assertThat(check(target("C", "company", "1000"), target("C-SALES", "department", "600.004"),
                target("C-SALES2", "department", "400"))).isEmpty();
        // 600.005 + 400 − 1000 = 0.005 → 0.01 at two decimals: reported
        assertThat(check(target("C", "company", "1000"), target("C-SALES", "department", "600.005"),
                target("C-SALES2", "department", "400"))).extracting(TargetConsistencyView::unitCode).containsExactly("C");
    }

    @Test
    void a_region_without_a_target_is_a_gap() {
        // sales 900 = EAST 500 + S-LEAD 400, but SOUTH has no target: reported although the sum is right
        List<TargetConsistencyView> found = check(target("C-SALES", "department", "900"),
                target("EAST", "region", "500"), target("S-LEAD", "person", "400"));
        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.unitCode()).isEqualTo("C-SALES");
            assertThat(w.childrenTarget()).isEqualByComparingTo("900");
            assertThat(w.difference()).isEqualByComparingTo("0");
            assertThat(w.missingChildren()).containsExactly("SOUTH");
            assertThat(w.message()).contains("SOUTH", "断层", "gap");
        });
    }

    @Test
    void people_count_as_children_and_a_person_without_a_target_is_a_gap() {
        // EAST 500, E1 300, E2 none: children 300, difference −200, E2 missing; C-SALES has no target: not checked
        List<TargetConsistencyView> found = check(target("EAST", "region", "500"), target("E1", "person", "300"),
                target("E2", "person", null));
        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.unitCode()).isEqualTo("EAST");
            assertThat(w.childrenTarget()).isEqualByComparingTo("300");
            assertThat(w.difference()).isEqualByComparingTo("-200");
            assertThat(w.missingChildren()).containsExactly("E2");
        });
    }

    @Test
    void only_direct_children_count_and_a_skipped_level_is_a_gap() {
        // company 1000; neither sales department has a target, but EAST (below C-SALES) has one:
        // the level between is missing, so C-SALES is a gap — and C-SALES2, a sales department, too.
        // EAST's 1000 is not added to the company's children (one level only): children 0, difference −1000
        List<TargetConsistencyView> found = check(target("C", "company", "1000"), target("EAST", "region", "1000"));
        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.unitCode()).isEqualTo("C");
            assertThat(w.childrenTarget()).isEqualByComparingTo("0");
            assertThat(w.difference()).isEqualByComparingTo("-1000");
            assertThat(w.missingChildren()).containsExactly("C-SALES", "C-SALES2");
        });
    }

    @Test
    void a_target_not_broken_down_at_all_is_not_reported() {
        // the company has a target, no unit below has one: nothing to add up
        assertThat(check(target("C", "company", "1000"))).isEmpty();
        // a production department that reports the KPI takes part: it is a gap when others carry targets
        List<TargetConsistencyView> found = check(target("C", "company", "1000"), target("C-SALES", "department", "600"),
                target("C-SALES2", "department", "400"),
                new FigureView(MONTH, "department", "C-PROD", SALES.code(), null, new BigDecimal("5")));
        assertThat(found).singleElement().satisfies(w -> assertThat(w.missingChildren()).containsExactly("C-PROD"));
    }

    @Test
    void average_kpis_are_not_summed() {
        List<FigureView> figures = new ArrayList<>();
        figures.add(new FigureView(MONTH, "company", "C", SATISFACTION.code(), new BigDecimal("0.9"), null));
        figures.add(new FigureView(MONTH, "department", "C-SALES", SATISFACTION.code(), new BigDecimal("0.8"), null));
        assertThat(consistency.check(TargetConsistency.Month.of(MONTH, figures, UNITS), UNITS, KPIS)).isEmpty();
    }

    @Test
    void a_tolerance_lets_small_differences_pass() {
        TargetConsistency tolerant = new TargetConsistency(new BigDecimal("1"));
        var month = TargetConsistency.Month.of(MONTH, List.of(target("C", "company", "1000"),
                target("C-SALES", "department", "600"), target("C-SALES2", "department", "399")), UNITS);
        assertThat(tolerant.check(month, UNITS, KPIS)).isEmpty();
        assertThat(consistency.check(month, UNITS, KPIS)).extracting(TargetConsistencyView::difference)
                .containsExactly(new BigDecimal("-1"));
    }
}
