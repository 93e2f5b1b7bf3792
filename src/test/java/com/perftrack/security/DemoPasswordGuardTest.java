package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoPasswordGuardTest {

    static ProcessEngine engine;
    static IdentityService identity;

    @BeforeAll
    static void engine() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:guard-test;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("guard-test");
        engine = configuration.buildProcessEngine();
        identity = engine.getIdentityService();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void refuses_to_start_while_a_user_has_the_demo_password_or_their_id_as_password() {
        user("alice", "demo");
        user("admin", "admin");
        user("bob", "Xq7!long-and-real");
        user("imported", null); // created by an organisation import: no password, cannot log in

        var guard = new DemoPasswordGuard(engine);
        assertThatThrownBy(guard::check)
                .isInstanceOf(DemoPasswordsInUseException.class)
                .hasMessageContaining("alice").hasMessageContaining("admin")
                .satisfies(e -> assertThat(((DemoPasswordsInUseException) e).userIds()).containsExactly("admin", "alice"));

        setPassword("alice", "another-Real-0ne");
        setPassword("admin", "and-1-more");
        assertThatNoException().isThrownBy(guard::check);
        assertThat(identity.checkPassword("bob", "Xq7!long-and-real"))
                .as("the guard's own checks count as no failed login").isTrue();
    }

    @Test
    void a_trial_installation_needs_a_demo_password_of_its_own_and_is_refused_before_the_port_opens() {
        assertThatThrownBy(new DemoPasswordGuard(engine, true, "")::check)
                .isInstanceOfSatisfying(DemoPasswordsInUseException.class, e -> assertThat(e.isWeakDemoPassword()).isTrue());
        assertThatThrownBy(new DemoPasswordGuard(engine, true, "demo")::check).isInstanceOf(DemoPasswordsInUseException.class);
        assertThatThrownBy(new DemoPasswordGuard(engine, true, "short")::check).isInstanceOf(DemoPasswordsInUseException.class);
        assertThat(new DemoPasswordsFailureAnalyzer().analyze(DemoPasswordsInUseException.weakDemoPassword()).getAction())
                .contains("DEMO_PASSWORD");
        // Spring calls SmartInitializingSingleton before the web server's connectors start (lifecycle phase)
        assertThat(org.springframework.beans.factory.SmartInitializingSingleton.class)
                .isAssignableFrom(DemoPasswordGuard.class);
        assertThat(org.springframework.boot.ApplicationRunner.class.isAssignableFrom(DemoPasswordGuard.class)).isFalse();
    }

    @Test
    void failure_text_says_how_to_set_real_passwords() {
        var analysis = new DemoPasswordsFailureAnalyzer().analyze(
                new IllegalStateException("Failed to execute ApplicationRunner",
                        new DemoPasswordsInUseException(java.util.List.of("gm", "secgen"))));
        assertThat(analysis.getDescription()).contains("gm").contains("secgen").contains("demo password");
        assertThat(analysis.getAction()).contains("ADMIN_PASSWORD").contains("/camunda/app/admin/").contains("README");
    }

    private static void user(String id, String password) {
        User user = identity.newUser(id);
        if (password != null) {
            user.setPassword(password);
        }
        identity.saveUser(user);
    }

    private static void setPassword(String id, String password) {
        User user = identity.createUserQuery().userId(id).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }
}
