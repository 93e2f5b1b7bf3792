package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    CamundaIdentityBridgeFilter(IdentityService identityService) {
        this.identityService = identityService;
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
                CurrentUser.companiesOf(authentication));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
