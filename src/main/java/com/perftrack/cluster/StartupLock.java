package com.perftrack.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time (issue 12). Two nodes starting together on an empty PostgreSQL
 * database both found no engine tables and both created them; one died on a duplicate key of
 * {@code pg_type}. Everything a node writes while starting — the engine's schema, Flyway, the
 * administrator, deployments, groups, authorizations, filters, the company backfill, the demo
 * data, the cycle timer — checks what is there and adds what is missing, which is only safe when
 * nobody else does the same at the same moment.
 *
 * <p>So the first thing done with the database, as soon as the {@link DataSource} exists and
 * before any bean can use it, is to take a PostgreSQL session-level advisory lock on a
 * connection of its own; the lock is released when the application is ready (after every
 * start-up runner), or when the start fails. A second node waits here and then finds everything
 * in place. A node that dies while holding the lock loses its connection, and PostgreSQL releases
 * the lock with it. On other databases (the default embedded H2 file, which one process opens at
 * a time anyway) nothing is locked.
 */
@Component
class StartupLock implements BeanPostProcessor, EnvironmentAware, ApplicationListener<ApplicationReadyEvent>,
        DisposableBean, Ordered {

    /** Any fixed number: advisory locks are per database, and nothing else in it uses this one. */
    static final long KEY = 0x5054_4353_5441_5254L; // "PTCSTART"
    static final String WAIT_PROPERTY = "ptc.cluster.startup-lock-wait";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Duration maxWait = Duration.ofMinutes(10);
    private Connection held;
    /** Only the first DataSource, at start-up: a later one must not take a lock nobody releases. */
    private boolean taken;

    @Override
    public void setEnvironment(Environment environment) {
        maxWait = environment.getProperty(WAIT_PROPERTY, Duration.class, maxWait);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            acquire(dataSource);
        }
        return bean;
    }

    private synchronized void acquire(DataSource dataSource) {
        if (taken) {
            return;
        }
        taken = true;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            waitForLock(connection);
            held = connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("数据库无法连接，节点无法启动。 The database cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(connection);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("start-up interrupted while waiting for another node", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private void waitForLock(Connection connection) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + maxWait.toNanos();
        boolean waited = false;
        while (!tryLock(connection)) {
            if (!waited) {
                log.info("Another node is starting on this database: waiting until it is ready (at most {})", maxWait);
                waited = true;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("另一个节点启动超过 " + maxWait.toSeconds() + " 秒仍未完成，本节点不启动。"
                        + " Another node has been starting on this database for longer than " + maxWait
                        + " (" + WAIT_PROPERTY + "); this node does not start.");
            }
            Thread.sleep(POLL.toMillis());
        }
        if (waited) {
            log.info("The other node is ready: this node starts now (waited {} ms)",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the start-up lock's connection", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** Ready: every start-up runner has run. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    /** A failed start closes the context: the next node must not wait for this one. */
    @Override
    public void destroy() {
        release();
    }

    synchronized boolean holding() {
        return held != null;
    }

    private synchronized void release() {
        if (held == null) {
            return;
        }
        // the connection goes back to the pool, and a session-level lock would go with it: unlock first
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // a broken connection has lost its session, and its lock with it
            log.warn("Releasing the start-up lock: {}", e.getMessage());
        } finally {
            held = null;
        }
    }

    /** Released after the other ready listeners (the job executor's start, say) have run. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
