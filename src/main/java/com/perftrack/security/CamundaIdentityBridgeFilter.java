package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the user that Spring Security authenticated the engine's current user for the request,
 * so that engine calls made by our API obey Camunda's authorizations and its tenant check.
 */
@Component
class CamundaIdentityBridgeFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final CompanyAccess companies;

    CamundaIdentityBridgeFilter(IdentityService identityService, CompanyAccess companies) {
        this.identityService = identityService;
        this.companies = companies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        // with the user's companies (tenants), or the engine's tenant check would hide every company's data
        identityService.setAuthentication(authentication.getName(), CurrentUser.groupsOf(authentication),
                List.copyOf(companies.companiesOf(authentication.getName())));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
