package com.perftrack.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two worlds share one server. The Camunda webapps (/camunda) and the engine REST API
 * (/engine-rest) bring their own authentication, CSRF and authorization; Spring Security lets
 * them through untouched. Everything else (our /api, the dashboard) is guarded by Spring
 * Security, with users, passwords and groups taken from Camunda's identity service.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String REALM = "Performance Tracking Cycle";

    @Bean
    @Order(1)
    SecurityFilterChain camundaOwnSecurity(HttpSecurity http) throws Exception {
        // matched on the raw URI: the webapps and the engine REST API are servlets of their own, which
        // Spring's path matchers (relative to the dispatcher servlet) would not recognise
        RequestMatcher camunda = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/camunda/") || path.equals("/camunda") || path.startsWith("/engine-rest/");
        };
        http.securityMatcher(camunda)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable()) // the webapps keep their own CSRF filter (XSRF-TOKEN)
                .headers(h -> h.disable()) // and their own security headers
                .requestCache(r -> r.disable())
                .securityContext(s -> s.disable())
                .sessionManagement(s -> s.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher basicAuthHeader = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        var basicEntryPoint = new BasicAuthenticationEntryPoint();
        basicEntryPoint.setRealmName(REALM);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login",
                                "/favicon.ico", "/css/**", "/js/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(basicEntryPoint))
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(basicEntryPoint, api))
                .csrf(c -> c
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // CSRF guards cookie sessions. Basic credentials are sent by scripts, never
                        // implicitly by a browser, and a request without a session has nothing to forge:
                        // it gets the 401 challenge instead of a 403.
                        .ignoringRequestMatchers(basicAuthHeader, request -> request.getRequestedSessionId() == null));
        return http.build();
    }

    /** HTTP Basic against Camunda's identity service for the engine REST API. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Runs after Spring Security: makes the authenticated user the engine's current user. */
    @Bean
    FilterRegistrationBean<CamundaIdentityBridgeFilter> camundaIdentityBridge(CamundaIdentityBridgeFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

}
