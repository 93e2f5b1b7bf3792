package com.perftrack.organisation;

import com.perftrack.security.CompanyAccess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives a database from before companies were tenants what an organisation import
 * gives now: a tenant per company unit and each unit's user as member of its company. Idempotent;
 * reads each company's members once, so a restart of a large installation stays quick.
 */
@Component
@Order(15)
class CompanyTenantBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CompanyTenantBackfill.class);
    private static final int PAGE = 1_000;

    private final OrganisationService organisation;
    private final CompanyAccess companies;
    private final IdentityService identityService;

    CompanyTenantBackfill(OrganisationService organisation, CompanyAccess companies, IdentityService identityService) {
        this.organisation = organisation;
        this.companies = companies;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Set<String>> members = new HashMap<>();
        int added = 0;
        for (OrgUnit company : organisation.companies()) {
            companies.ensureCompany(company.code(), company.name());
            members.put(company.code(), membersOf(company.code()));
        }
        for (OrgUnit unit : organisation.allUnits()) {
            Set<String> known = members.get(unit.companyCode());
            if (unit.userId() == null || unit.userId().isBlank() || known == null || known.contains(unit.userId())) {
                continue;
            }
            if (identityService.createUserQuery().userId(unit.userId()).count() > 0
                    && companies.addMember(unit.companyCode(), unit.userId())) {
                added++;
            }
            known.add(unit.userId());
        }
        if (added > 0) {
            log.info("Company tenants: {} users joined their company's tenant", added);
        }
    }

    private Set<String> membersOf(String companyCode) {
        Set<String> ids = new HashSet<>();
        for (int first = 0; ; first += PAGE) {
            var page = identityService.createUserQuery().memberOfTenant(companyCode).listPage(first, PAGE);
            page.stream().map(User::getId).forEach(ids::add);
            if (page.size() < PAGE) {
                return ids;
            }
        }
    }
}
