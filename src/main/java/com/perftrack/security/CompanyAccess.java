package com.perftrack.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which companies a user may see and act for. Each company is a Camunda tenant whose id is the
 * company code; a user belongs to the companies whose tenant lists them (directly or through a
 * group). Members of {@code camunda-admin} see every company, as the engine's own tenant check does.
 */
@Component
public class CompanyAccess {

    private final IdentityService identityService;

    CompanyAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The companies of the signed-in user of this request; none when nobody is signed in. */
    public CompanyScope current() {
        return CurrentUser.get().map(this::of).orElse(CompanyScope.NONE);
    }

    public CompanyScope of(CurrentUser user) {
        if (user.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            return CompanyScope.ALL;
        }
        return new CompanyScope(false, Set.copyOf(user.companies())); // read with the login
    }

    /** Creates the company's tenant when missing; idempotent. Runs without the caller's authorizations. */
    public void ensureCompany(String companyCode, String name) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            if (identityService.createTenantQuery().tenantId(companyCode).count() == 0) {
                Tenant tenant = identityService.newTenant(companyCode);
                tenant.setName(name == null || name.isBlank() ? companyCode : name);
                identityService.saveTenant(tenant);
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** Makes the user a member of the company's tenant; idempotent. Returns whether it was new. */
    public boolean addMember(String companyCode, String userId) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            if (identityService.createTenantQuery().tenantId(companyCode).userMember(userId).count() > 0) {
                return false;
            }
            identityService.createTenantUserMembership(companyCode, userId);
            return true;
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
