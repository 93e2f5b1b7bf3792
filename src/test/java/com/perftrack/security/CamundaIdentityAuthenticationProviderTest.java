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
        engine = configuration.buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup("sales"));
        for (String id : new String[] {"sales.head", "sales.two"}) {
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
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(60), clock);

        var first = provider.authenticate(login("sales.head", "right-1"));
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_sales");
        assertThatThrownBy(() -> provider.authenticate(login("sales.head", "wrong")))
                .isInstanceOf(BadCredentialsException.class);

        // the password changes: within the remembered minute the old one still passes, then no more
        var user = identity.createUserQuery().userId("sales.head").singleResult();
        user.setPassword("right-2");
        identity.saveUser(user);
        clock.now = clock.now.plusSeconds(30);
        assertThat(provider.authenticate(login("sales.head", "right-1")).isAuthenticated()).isTrue();
        clock.now = clock.now.plusSeconds(31);
        assertThatThrownBy(() -> provider.authenticate(login("sales.head", "right-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("sales.head", "right-2")).isAuthenticated()).isTrue();
    }

    @Test
    void without_a_cache_every_request_is_checked() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ZERO, new MovableClock());
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
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofSeconds(60), new MovableClock());
        assertThatThrownBy(() -> provider.authenticate(login("imported.user", "anything")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
