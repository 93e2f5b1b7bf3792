package com.perftrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/** On H2 (the default set-up: one process opens its file) the start-up lock takes nothing. */
class StartupLockTest {

    @Test
    void on_h2_nothing_is_locked_and_other_beans_pass_unchanged() {
        StartupLock lock = new StartupLock();
        lock.setEnvironment(new MockEnvironment());
        var h2 = new DriverManagerDataSource("jdbc:h2:mem:startup-lock;DB_CLOSE_DELAY=-1", "sa", "");
        assertThat(lock.postProcessAfterInitialization(h2, "dataSource")).isSameAs(h2);
        assertThat(lock.holding()).isFalse();
        Object other = new Object();
        assertThat(lock.postProcessAfterInitialization(other, "other")).isSameAs(other);
        assertThat(lock.holding()).isFalse();
        lock.destroy();
    }
}
