package com.perftrack.support;

import com.perftrack.security.CompanyAccess;
import java.util.List;

/**
 * Each company is a Camunda tenant, and a user sees only the companies they belong to. Many ITs
 * import a company of their own and act in it with the demo company's committee users, whom the
 * organisation file does not always name (it has no row for a secretary-general, for example).
 * In production an administrator adds such memberships in Camunda Admin (Tenants → Users).
 */
public final class TestCompanies {

    /** The demo users of every committee group (not the employees): they act for the test's company too. */
    public static final List<String> DEMO_COMMITTEE = List.of("gm", "vice", "secgen", "sales.head", "marketing.head",
            "production.head", "quality.head", "finance.head", "hr.head", "procurement.head", "pm.head",
            "contract.head");

    private TestCompanies() {
    }

    /** Makes the demo committee members of the company (its tenant is created when missing); idempotent. */
    public static void joinDemoCommittee(CompanyAccess companies, String companyCode) {
        companies.ensureCompany(companyCode, companyCode);
        DEMO_COMMITTEE.forEach(user -> companies.addMember(companyCode, user));
    }

    /**
     * Gives users the organisation import created without a password (SPEC.md section 4) the demo
     * password, so that a test can sign in as them.
     */
    public static void demoPasswords(org.camunda.bpm.engine.IdentityService identity, String... userIds) {
        for (String id : userIds) {
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
    }
}
