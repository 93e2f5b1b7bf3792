package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.kpi.FigureView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationImporter.UnitRow;
import com.perftrack.security.CompanyScope;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may write which lines of an import (issue 10), on a stored organisation of two companies. */
class ImportRemitTest {

    static final Map<String, OrgUnit> STORED = new HashMap<>();

    static {
        unit("A", "company", null, "A", "a.gm", "production");
        unit("A-SALES", "department", "A", "A", "a.sales", "sales");
        unit("A-QUAL", "department", "A", "A", "a.quality", "quality");
        unit("A-HR", "department", "A", "A", "a.hr", "hr");
        unit("A-EAST", "region", "A-SALES", "A", "a.sales", null);
        unit("A-P1", "person", "A-EAST", "A", "a.p1", "employee");
        unit("B", "company", null, "B", "b.gm", "production");
        unit("B-HR", "department", "B", "B", "b.hr", "hr");
    }

    static void unit(String code, String type, String parent, String company, String user, String role) {
        STORED.put(code, new OrgUnit(code, type, code, parent, company, user, null, role));
    }

    final ImportRemit remit = new ImportRemit(STORED);
    final ImportRemit.Caller hrOfA = new ImportRemit.Caller("a.hr", Set.of("hr"), scope("A"));
    final ImportRemit.Caller hrOfB = new ImportRemit.Caller("b.hr", Set.of("hr"), scope("B"));

    static CompanyScope scope(String... companies) {
        return new CompanyScope(false, Set.of(companies));
    }

    static List<ImportRemit.Numbered<UnitRow>> org(UnitRow... rows) {
        return java.util.stream.IntStream.range(0, rows.length)
                .mapToObj(i -> new ImportRemit.Numbered<>(i + 2, rows[i])).toList();
    }

    static List<ImportRemit.Numbered<FigureView>> figures(String... units) {
        return java.util.stream.IntStream.range(0, units.length).mapToObj(i -> new ImportRemit.Numbered<>(i + 2,
                new FigureView("2026-01", STORED.get(units[i]).unitType(), units[i], "SALES_AMOUNT", BigDecimal.ONE,
                        BigDecimal.ONE))).toList();
    }

    @Test
    void hr_may_maintain_its_own_company() {
        assertThat(remit.organisation(hrOfA, org(
                new UnitRow("person", "A-P2", "新人", "A-EAST", "a.p2", null, "employee"),
                new UnitRow("department", "A-QUAL", "质量部", "A", "a.quality2", null, "quality"),
                new UnitRow("department", "A-HR", "人力资源部", "A", "a.hr", null, "hr")))).isEmpty();
    }

    @Test
    void a_non_administrator_may_not_create_a_company() {
        var errors = remit.organisation(hrOfA, org(new UnitRow("company", "EVIL", "Evil", null, "x", null, "production")));
        assertThat(errors).extracting(LineError::line).containsExactly(2);
        assertThat(errors.get(0).message()).contains("EVIL");
    }

    @Test
    void importing_user_may_not_join_a_group_through_the_file() {
        var marketing = new ImportRemit.Caller("a.hr", Set.of("hr"), scope("A"));
        var errors = remit.organisation(marketing, org(new UnitRow("department", "A-FIN", "财务", "A", "a.hr", null, "finance")));
        assertThat(errors).extracting(LineError::field).containsExactly("user_id");
        assertThat(errors.get(0).message()).contains("finance");
    }

    @Test
    void importing_user_may_not_point_an_existing_unit_at_themselves() {
        var errors = remit.organisation(hrOfA, org(new UnitRow("person", "A-P1", "甲", "A-EAST", "a.hr", null, "hr")));
        assertThat(errors).extracting(LineError::field).containsExactly("user_id");
        assertThat(errors.get(0).message()).contains("A-P1");
    }

    @Test
    void another_companys_hr_may_neither_move_nor_touch_a_unit() {
        var moved = remit.organisation(hrOfB, org(new UnitRow("person", "A-P1", "甲", "B-HR", "a.p1", null, "employee")));
        assertThat(moved).extracting(LineError::line).containsExactly(2);
        assertThat(moved.get(0).message()).contains("A-P1").contains("B");
        var touched = remit.organisation(hrOfB, org(new UnitRow("person", "A-P1", "甲", "A-EAST", "b.x", null, "employee")));
        assertThat(touched).hasSize(1);
        assertThat(touched.get(0).message()).contains("A-P1").contains("A");
    }

    @Test
    void an_administrator_may_do_all_of_it() {
        var admin = new ImportRemit.Caller("root", Set.of("camunda-admin"), CompanyScope.ALL);
        assertThat(remit.organisation(admin, org(new UnitRow("company", "C", "C", null, "root", null, "production"),
                new UnitRow("person", "A-P1", "甲", "B-HR", "root", null, "employee")))).isEmpty();
        assertThat(remit.figures(admin, figures("A-P1", "B"))).isEmpty();
    }

    @Test
    void a_department_head_imports_only_the_units_below_the_department() {
        var sales = new ImportRemit.Caller("a.sales", Set.of("sales"), scope("A"));
        assertThat(remit.figures(sales, figures("A-SALES", "A-EAST", "A-P1"))).isEmpty();
        var quality = new ImportRemit.Caller("a.quality", Set.of("quality"), scope("A"));
        var errors = remit.figures(quality, figures("A-QUAL", "A-P1", "A"));
        assertThat(errors).extracting(LineError::line).containsExactly(3, 4);
        assertThat(errors.get(0).message()).contains("A-P1");
    }

    @Test
    void a_department_head_reports_the_company_figures_of_the_kpis_the_department_owns_and_no_others() {
        var sources = java.util.Map.of("SALES_AMOUNT", "sales", "COMPLAINTS", "quality");
        var sales = new ImportRemit.Caller("a.sales", Set.of("sales"), scope("A"));
        var quality = new ImportRemit.Caller("a.quality", Set.of("quality"), scope("A"));
        var companySales = List.of(new ImportRemit.Numbered<>(2, new FigureView("2026-01", "company", "A", "SALES_AMOUNT",
                BigDecimal.ONE, BigDecimal.ONE)));
        var companyComplaints = List.of(new ImportRemit.Numbered<>(2, new FigureView("2026-01", "company", "A",
                "COMPLAINTS", BigDecimal.ONE, BigDecimal.ONE)));
        assertThat(remit.figures(sales, companySales, sources)).isEmpty();
        assertThat(remit.figures(quality, companySales, sources)).extracting(LineError::line).containsExactly(2);
        assertThat(remit.figures(quality, companyComplaints, sources)).isEmpty();
        assertThat(remit.figures(sales, companyComplaints, sources)).extracting(LineError::line).containsExactly(2);
        // another company's figures stay out of reach, whatever the KPI
        var companyB = List.of(new ImportRemit.Numbered<>(2, new FigureView("2026-01", "company", "B", "SALES_AMOUNT",
                BigDecimal.ONE, BigDecimal.ONE)));
        assertThat(remit.figures(sales, companyB, sources)).extracting(LineError::line).containsExactly(2);
    }

    @Test
    void hr_and_secretary_general_import_for_their_own_company_only() {
        assertThat(remit.figures(hrOfA, figures("A", "A-P1", "A-QUAL"))).isEmpty();
        var secgen = new ImportRemit.Caller("a.sg", Set.of("secretary-general"), scope("A"));
        assertThat(remit.figures(secgen, figures("A-P1"))).isEmpty();
        assertThat(remit.figures(hrOfB, figures("B", "A-P1"))).extracting(LineError::line).containsExactly(3);
    }
}
