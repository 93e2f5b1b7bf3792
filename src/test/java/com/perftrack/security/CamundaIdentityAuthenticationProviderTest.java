package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

class CamundaIdentityAuthenticationProviderTest {

    static ProcessEngine engine;
    static IdentityService identity;
    static final IdentityChanges changes = new IdentityChanges();

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void engine() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:auth-cache-test;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("auth-cache-test");
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setLoginDelayBase(0); // Camunda's own lock-out after a failed login is not under test
        configuration.setCustomPreCommandInterceptorsTxRequired(
                new java.util.ArrayList<>(java.util.List.of(new IdentityChangeInterceptor(changes))));
        engine = configuration.buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup("sales"));
        for (String id : new String[] {"sales.head", "sales.two", "sales.cache"}) {
            var user = identity.newUser(id);
            user.setPassword("right-1");
            identity.saveUser(user);
            identity.createMembership(id, "sales");
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void a_successful_login_is_remembered_until_it_expires_and_a_wrong_password_never_is() {
        MovableClock clock = new MovableClock();
        IdentityService counting = org.mockito.Mockito.spy(identity);
        var provider = new CamundaIdentityAuthenticationProvider(counting, Duration.ofSeconds(60), clock, changes);
        var first = provider.authenticate(login("sales.cache", "right-1"));
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_sales");
        // remembered: a second request within the minute is answered without asking the engine
        clock.now = clock.now.plusSeconds(59);
        assertThat(provider.authenticate(login("sales.cache", "right-1")).isAuthenticated()).isTrue();
        org.mockito.Mockito.verify(counting, org.mockito.Mockito.times(1)).checkPassword("sales.cache", "right-1");
        // a wrong password is asked every time, never remembered
        assertThatThrownBy(() -> provider.authenticate(login("sales.cache", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("sales.cache", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        org.mockito.Mockito.verify(counting, org.mockito.Mockito.times(2)).checkPassword("sales.cache", "wrong");
        // after the minute the engine is asked again
        clock.now = clock.now.plusSeconds(2);
        assertThat(provider.authenticate(login("sales.cache", "right-1")).isAuthenticated()).isTrue();
        org.mockito.Mockito.verify(counting, org.mockito.Mockito.times(2)).checkPassword("sales.cache", "right-1");
    }

    @Test
    void a_changed_password_or_membership_is_in_force_at_the_next_request() {
        MovableClock clock = new MovableClock();
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(60), clock, changes);

        var first = provider.authenticate(login("sales.head", "right-1"));
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_sales");
        assertThatThrownBy(() -> provider.authenticate(login("sales.head", "wrong")))
                .isInstanceOf(BadCredentialsException.class);

        // the password changes: the remembered login with the old one is not trusted any more
        var user = identity.createUserQuery().userId("sales.head").singleResult();
        user.setPassword("right-2");
        identity.saveUser(user);
        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(() -> provider.authenticate(login("sales.head", "right-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("sales.head", "right-2")).isAuthenticated()).isTrue();
        // a membership ends: the next request no longer carries the group
        identity.deleteMembership("sales.head", "sales");
        assertThat(provider.authenticate(login("sales.head", "right-2")).getAuthorities()).isEmpty();
        identity.createMembership("sales.head", "sales");
    }

    @Test
    void the_login_carries_the_users_companies_and_a_new_company_membership_counts_at_the_next_request() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(60), new MovableClock(), changes);
        identity.saveTenant(identity.newTenant("ACME"));
        identity.createTenantUserMembership("ACME", "sales.two");
        var user = identity.createUserQuery().userId("sales.two").singleResult();
        user.setPassword("right-5");
        identity.saveUser(user);
        assertThat(provider.authenticate(login("sales.two", "right-5")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("GROUP_sales", "COMPANY_ACME");
        identity.saveTenant(identity.newTenant("BETA"));
        identity.createTenantUserMembership("BETA", "sales.two");
        assertThat(provider.authenticate(login("sales.two", "right-5")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).contains("COMPANY_ACME", "COMPANY_BETA");
    }

    @Test
    void without_a_cache_every_request_is_checked() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ZERO, new MovableClock(), changes);
        var user = identity.createUserQuery().userId("sales.two").singleResult();
        user.setPassword("right-3");
        identity.saveUser(user);
        assertThat(provider.authenticate(login("sales.two", "right-3")).isAuthenticated()).isTrue();
        user.setPassword("right-4");
        identity.saveUser(user);
        assertThatThrownBy(() -> provider.authenticate(login("sales.two", "right-3")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_user_without_a_password_is_refused_not_failed() {
        identity.saveUser(identity.newUser("imported.user"));
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(60), new MovableClock(), changes);
        assertThatThrownBy(() -> provider.authenticate(login("imported.user", "anything")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
