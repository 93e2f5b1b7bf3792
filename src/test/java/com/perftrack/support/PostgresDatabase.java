package com.perftrack.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Finds the PostgreSQL the integration tests run against, in this order: {@code DB_URL} (with
 * {@code DB_USER}, {@code DB_PASSWORD}); else a server answering on 127.0.0.1:5432, where a fresh
 * database ({@code ptc_it}, or {@code PTC_IT_DATABASE}) is created for each test run; else a Testcontainers PostgreSQL when
 * Docker is available; else the tests fail with a message naming these three ways. Never skips.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** PTC_IT_DATABASE lets parallel runs on one server keep out of each other's way. */
    static final String DATABASE = System.getenv().getOrDefault("PTC_IT_DATABASE", "ptc_it");
    private static String url;
    private static String user;
    private static String password;
    private static PostgreSQLContainer<?> container;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        resolve();
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password).applyTo(context);
    }

    public static synchronized String url() {
        resolve();
        return url;
    }

    public static synchronized String user() {
        resolve();
        return user;
    }

    public static synchronized String password() {
        resolve();
        return password;
    }

    /** The JDBC URL of another database on the same server (same parameters): for tests that need one of their own. */
    public static String urlOf(String database) {
        String base = url();
        int query = base.indexOf('?');
        String path = query < 0 ? base : base.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + database + (query < 0 ? "" : base.substring(query));
    }

    private static synchronized void resolve() {
        if (url != null) {
            return;
        }
        String given = System.getenv("DB_URL");
        if (given != null && !given.isBlank()) {
            url = given;
            user = envOr("DB_USER", "postgres");
            password = envOr("DB_PASSWORD", "");
            return;
        }
        if (answers("127.0.0.1", 5432)) {
            user = envOr("DB_USER", "postgres");
            password = envOr("DB_PASSWORD", "");
            recreateDatabase("jdbc:postgresql://127.0.0.1:5432/postgres");
            url = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
            return;
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
            return;
        }
        throw new IllegalStateException("""
                The integration tests need PostgreSQL and found none. Give them one of:
                  1. DB_URL (with DB_USER and DB_PASSWORD), e.g. DB_URL=jdbc:postgresql://db.example:5432/ptc_it;
                  2. a PostgreSQL server on 127.0.0.1:5432 that user 'postgres' can reach (a fresh database
                     '%s' is created for each run);
                  3. a running Docker engine, so that Testcontainers starts postgres:15-alpine.""".formatted(DATABASE));
    }

    private static void recreateDatabase(String adminUrl) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL answers on 127.0.0.1:5432 but database '" + DATABASE
                    + "' could not be created as user '" + user + "': " + e.getMessage()
                    + ". Set DB_URL to a database the tests may use instead.", e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
