package com.perftrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The start-up lock on PostgreSQL, node by node in one JVM (each {@link StartupLock} is what one
 * node holds): the second waits until the first is ready, and gives up with a clear sentence after
 * {@code ptc.cluster.startup-lock-wait}. A database of its own ({@value #DATABASE}).
 */
class StartupLockIT {

    static final String DATABASE = "ptc_relclu_lock";
    static DataSource database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        database = new DriverManagerDataSource(PostgresDatabase.urlOf(DATABASE), PostgresDatabase.user(),
                PostgresDatabase.password());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void a_second_node_waits_until_the_first_is_ready_and_then_starts() throws Exception {
        StartupLock first = node(null);
        first.postProcessAfterInitialization(database, "dataSource");
        assertThat(first.holding()).isTrue();
        assertThat(lockFree()).as("taken by the first node").isFalse();

        StartupLock second = node(null);
        long waitFrom = System.nanoTime();
        CompletableFuture<Void> starting = CompletableFuture.runAsync(
                () -> second.postProcessAfterInitialization(database, "dataSource"));
        Thread.sleep(1_000);
        assertThat(starting).as("the second node still waits").isNotDone();

        first.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO));
        starting.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - waitFrom)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(first.holding()).isFalse();
        first.postProcessAfterInitialization(database, "anotherDataSource");
        assertThat(first.holding()).as("a DataSource created after the start takes no lock").isFalse();
        assertThat(second.holding()).isTrue();
        assertThat(lockFree()).as("now the second node's").isFalse();

        second.destroy(); // a failed start closes the context: the lock goes too
        assertThat(second.holding()).isFalse();
        assertThat(lockFree()).as("nobody's").isTrue();
    }

    @Test
    void a_node_that_waits_longer_than_its_limit_refuses_to_start_with_a_clear_sentence() throws Exception {
        StartupLock first = node(null);
        first.postProcessAfterInitialization(database, "dataSource");
        try {
            StartupLock impatient = node("1s");
            assertThatThrownBy(() -> impatient.postProcessAfterInitialization(database, "dataSource"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("另一个节点启动超过 1 秒仍未完成，本节点不启动。")
                    .hasMessageContaining("ptc.cluster.startup-lock-wait");
            assertThat(impatient.holding()).isFalse();
        } finally {
            first.destroy();
        }
        assertThat(lockFree()).isTrue();
    }

    @Test
    void a_node_that_dies_while_starting_leaves_the_lock_free() throws Exception {
        StartupLock dying = node(null);
        dying.postProcessAfterInitialization(database, "dataSource");
        // kill -9 of the node: its connection drops; here the database ends its session instead
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and database = "
                    + "(select oid from pg_database where datname = '" + DATABASE + "')");
        }
        StartupLock next = node("5s");
        next.postProcessAfterInitialization(database, "dataSource");
        assertThat(next.holding()).isTrue();
        next.destroy();
    }

    private static StartupLock node(String maxWait) {
        StartupLock lock = new StartupLock();
        MockEnvironment environment = new MockEnvironment();
        environment.setConversionService(new ApplicationConversionService());
        if (maxWait != null) {
            environment.setProperty(StartupLock.WAIT_PROPERTY, maxWait);
        }
        lock.setEnvironment(environment);
        return lock;
    }

    /** Whether a third party could take the lock now (and leaves it free again). */
    private static boolean lockFree() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pg_try_advisory_lock(" + StartupLock.KEY + ")")) {
            r.next();
            boolean free = r.getBoolean(1);
            if (free) {
                s.execute("select pg_advisory_unlock(" + StartupLock.KEY + ")");
            }
            return free;
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(PostgresDatabase.url(), PostgresDatabase.user(), PostgresDatabase.password());
    }
}
