package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the request's CSRF token, so that the XSRF-TOKEN cookie is always there for our own pages'
 * scripts (imports, KPI catalogue) to send back. Spring Security loads the token lazily and drops it
 * at login: without this, the first upload after signing in was refused with 403.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (token instanceof CsrfToken csrf) {
            csrf.getToken(); // renders the cookie when it is missing
        }
        chain.doFilter(request, response);
    }
}
