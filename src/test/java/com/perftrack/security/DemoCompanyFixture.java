package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo company's organisation (classpath {@code demo/organisation.csv}, imported by the
 * administrator) and a second company OTHERCO whose HR is {@code other.hr} (password
 * {@code demo}). Tenant memberships are made here through {@link CompanyAccess}, idempotently, until
 * the organisation import makes them itself.
 */
final class DemoCompanyFixture {

    /** The administrator of the IT profile (application-it.yaml). */
    static final String ADMIN = "admin:it-admin-secret";
    static final String OTHER_HR = "other.hr";
    static final String OTHER_ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,OTHERCO,其他公司 Other Co,,other.gm,,distribution\n"
            + "department,OTHERCO-HR,人力资源部,OTHERCO,other.hr,,hr\n";
    static final String[] DEMO_MEMBERS = {"gm", "secgen", "sales.head", "marketing.head", "production.head",
            "quality.head", "finance.head", "hr.head", "sales1", "sales2", "sales3"};

    private DemoCompanyFixture() {
    }

    static void ensure(Api api, CompanyAccess companies, IdentityService identity) {
        var demo = api.postFile("/api/imports/organisation", ADMIN, "organisation.csv", demoOrganisation());
        assertThat(demo.status()).as(demo.body()).isEqualTo(200);
        if (identity.createUserQuery().userId(OTHER_HR).count() == 0) {
            User user = identity.newUser(OTHER_HR);
            user.setFirstName("其他");
            user.setLastName("HR");
            user.setPassword("demo");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(OTHER_HR).memberOfGroup("hr").count() == 0) {
            identity.createMembership(OTHER_HR, "hr");
        }
        var other = api.postFile("/api/imports/organisation", ADMIN, "other.csv",
                OTHER_ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        companies.ensureCompany("DEMO", "演示公司 Demo Co.");
        for (String member : DEMO_MEMBERS) {
            companies.addMember("DEMO", member);
        }
        companies.ensureCompany("OTHERCO", "其他公司 Other Co");
        companies.addMember("OTHERCO", OTHER_HR);
    }

    static byte[] demoOrganisation() {
        try (InputStream in = new ClassPathResource("demo/organisation.csv").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
