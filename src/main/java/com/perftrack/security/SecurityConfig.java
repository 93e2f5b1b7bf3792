package com.perftrack.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
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
                        // metrics and the rest of actuator tell an attacker about the installation
                        .requestMatchers("/actuator/**").hasAuthority(
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(basicEntryPoint))
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(basicEntryPoint, api))
                .csrf(c -> c
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // CSRF tokens guard cookie sessions. A browser does re-send cached Basic
                        // credentials to a forged page's post: ForgedRequestFilter refuses those by
                        // their Origin / Sec-Fetch-Site before they get here.
                        .ignoringRequestMatchers(basicAuthHeader, request -> request.getRequestedSessionId() == null))
                .addFilterAfter(new CsrfCookieFilter(),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        return http.build();
    }

    /** First of all filters: a state-changing request sent by another site's page goes no further. */
    @Bean
    FilterRegistrationBean<ForgedRequestFilter> forgedRequestFilter(
            @Value("${ptc.security.allowed-origins:}") Set<String> allowedOrigins) {
        var registration = new FilterRegistrationBean<>(new ForgedRequestFilter(
                allowedOrigins.stream().filter(o -> !o.isBlank()).collect(Collectors.toSet())));
        registration.setName("forged-request-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Second: failed logins slow further guesses down, on every way a password comes in. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
            @Value("${ptc.security.login.free-per-address:50}") int freePerAddress,
            @Value("${ptc.security.login.free-per-user-and-address:5}") int freePerUserAndAddress,
            @Value("${ptc.security.login.free-per-user:20}") int freePerUser,
            @Value("${ptc.security.login.max-delay-seconds:60}") long maxDelaySeconds,
            @Value("${ptc.security.login.max-user-delay-seconds:10}") long maxUserDelaySeconds) {
        var limits = new LoginThrottle.Limits(freePerAddress, freePerUserAndAddress, freePerUser,
                Duration.ofSeconds(maxDelaySeconds), Duration.ofSeconds(maxUserDelaySeconds), Duration.ofMinutes(15));
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(new LoginThrottle(limits, Clock.systemUTC())));
        registration.setName("login-throttle-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Refusals from our listeners reach REST clients and Tasklist as 409/422 with their own sentence. */
    @Bean
    FilterRegistrationBean<RefusalResponseFilter> refusalResponseFilter(
            org.camunda.bpm.engine.HistoryService historyService, org.camunda.bpm.engine.IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new RefusalResponseFilter(historyService, identityService));
        registration.setName("refusal-response-filter");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
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
