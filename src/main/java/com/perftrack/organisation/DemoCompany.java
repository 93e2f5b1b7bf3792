package com.perftrack.organisation;

import com.perftrack.security.CompanyAccess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo company's Camunda users (password {@value #PASSWORD}), one or more per committee group.
 * Only with {@code ptc.demo.enabled=true} (the default profile); never in production.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "ptc.demo.enabled", havingValue = "true")
class DemoCompany implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("gm", "伟", "张", "gm@demo.example", List.of("committee-chair")),
            new DemoUser("vice", "强", "王", "vice@demo.example", List.of("committee-vice-chair")),
            new DemoUser("secgen", "娜", "李", "secgen@demo.example", List.of("secretary-general")),
            new DemoUser("sales.head", "军", "刘", "sales.head@demo.example", List.of("sales")),
            new DemoUser("marketing.head", "敏", "陈", "marketing.head@demo.example", List.of("marketing")),
            new DemoUser("production.head", "磊", "杨", "production.head@demo.example", List.of("production")),
            new DemoUser("quality.head", "静", "赵", "quality.head@demo.example", List.of("quality")),
            new DemoUser("finance.head", "洋", "黄", "finance.head@demo.example", List.of("finance")),
            new DemoUser("hr.head", "丽", "周", "hr.head@demo.example", List.of("hr")),
            new DemoUser("procurement.head", "勇", "吴", "procurement.head@demo.example", List.of("procurement")),
            new DemoUser("pm.head", "杰", "徐", "pm.head@demo.example", List.of("project-management")),
            new DemoUser("contract.head", "涛", "孙", "contract.head@demo.example", List.of("contract-planning")),
            new DemoUser("sales1", "芳", "马", "sales1@demo.example", List.of("employee")),
            new DemoUser("sales2", "超", "朱", "sales2@demo.example", List.of("employee")),
            new DemoUser("sales3", "霞", "胡", "sales3@demo.example", List.of("employee")));

    private final IdentityService identityService;
    private final CompanyAccess companies;
    private final String companyCode;
    private final String companyName;
    private final String password;

    DemoCompany(IdentityService identityService, CompanyAccess companies,
            @Value("${ptc.company.code:DEMO}") String companyCode, @Value("${ptc.company.name:}") String companyName,
            @Value("${ptc.demo.password:demo}") String password) {
        this.identityService = identityService;
        this.companies = companies;
        this.companyCode = companyCode;
        this.companyName = companyName;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        // the demo users work for the installation's company: they see its tasks and data, no other's
        companies.ensureCompany(companyCode, companyName);
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.email());
                user.setPassword(password);
                identityService.saveUser(user);
                created++;
            }
            for (String group : demo.groups()) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(demo.id(), group);
                }
            }
            companies.addMember(companyCode, demo.id());
        }
        if (created > 0) {
            log.info("Demo company: created {} users{}", created,
                    PASSWORD.equals(password) ? " with password '" + PASSWORD + "'" : " with DEMO_PASSWORD");
        }
    }
}
