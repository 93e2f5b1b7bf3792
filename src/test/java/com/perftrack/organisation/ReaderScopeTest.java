package com.perftrack.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.security.CompanyScope;
import com.perftrack.security.OutsideYourCompaniesException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReaderScopeTest {

    static final OrgUnit DEMO = new OrgUnit("DEMO", "company", "演示", null, "DEMO", "gm", null, "production");
    static final OrgUnit DEMO_SALES = new OrgUnit("D-SALES", "department", "销售部", "DEMO", "DEMO", "sales.head", null, "sales");
    static final OrgUnit DEMO_P1 = new OrgUnit("D-P1", "person", "马芳", "D-SALES", "DEMO", "sales1", null, "employee");
    static final OrgUnit DEMO_P2 = new OrgUnit("D-P2", "person", "朱超", "D-SALES", "DEMO", "sales2", null, "employee");
    static final OrgUnit ACME = new OrgUnit("ACME", "company", "Acme", null, "ACME", "acme.gm", null, "distribution");
    static final OrgUnit ACME_P1 = new OrgUnit("A-P1", "person", "Acme 1", "ACME", "ACME", "acme.rep", null, "employee");

    static ReaderScope committeeOf(String... companies) {
        return new ReaderScope("sales.head", new CompanyScope(false, Set.of(companies)), false, Set.of());
    }

    @Test
    void a_committee_member_sees_every_unit_of_their_companies_and_none_of_another() {
        ReaderScope demoCommittee = committeeOf("DEMO");
        assertThat(Set.of(DEMO, DEMO_SALES, DEMO_P1, DEMO_P2)).allMatch(demoCommittee::sees);
        assertThat(Set.of(ACME, ACME_P1)).noneMatch(demoCommittee::sees);
        assertThatThrownBy(() -> demoCommittee.requireCompany("ACME"))
                .isInstanceOf(OutsideYourCompaniesException.class).hasMessageContaining("ACME").hasMessageContaining(" / ");
        assertThatThrownBy(() -> demoCommittee.require(ACME_P1)).isInstanceOf(OutsideYourCompaniesException.class);
    }

    @Test
    void an_employee_sees_their_own_person_and_their_companys_totals_only() {
        ReaderScope sales1 = new ReaderScope("sales1", new CompanyScope(false, Set.of("DEMO")), true, Set.of("D-P1"));
        assertThat(sales1.sees(DEMO_P1)).isTrue();
        assertThat(sales1.sees(DEMO)).as("company totals").isTrue();
        assertThat(sales1.sees(DEMO_P2)).as("a colleague").isFalse();
        assertThat(sales1.sees(DEMO_SALES)).as("the department's figures are the colleagues' sum").isFalse();
        assertThat(sales1.sees(ACME)).isFalse();
        ReaderScope ownPersonElsewhere = new ReaderScope("sales1", new CompanyScope(false, Set.of("DEMO")), true,
                Set.of("A-P1"));
        assertThat(ownPersonElsewhere.sees(ACME_P1)).as("a person of a company they do not belong to").isFalse();
    }

    @Test
    void administrators_see_everything_and_nobody_sees_units_without_a_company() {
        ReaderScope admin = new ReaderScope("admin", CompanyScope.ALL, false, Set.of());
        assertThat(Set.of(DEMO, DEMO_SALES, DEMO_P2, ACME, ACME_P1)).allMatch(admin::sees);
        assertThat(admin.everything()).isTrue();
        assertThat(committeeOf("DEMO").sees("person", "X", null)).isFalse();
        assertThat(new ReaderScope("nobody", CompanyScope.NONE, true, Set.of()).sees(DEMO)).isFalse();
    }
}
