package com.perftrack.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One more node of the application: the executable jar that {@code package} built, started in a
 * JVM of its own with the {@code postgres} profile against a database the test names, the way an
 * operator starts a second server. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class AppNode {

    public static final String ADMIN_PASSWORD = "Node-Admin-2026";
    /** DEMO_PASSWORD: the postgres profile refuses the demo users' 'demo' (DemoPasswordGuard). */
    public static final String DEMO_PASSWORD = "Node-Demo-2026";
    public static final String ADMIN = "admin:" + ADMIN_PASSWORD;

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node with the demo company (users with {@link #DEMO_PASSWORD}, organisation and a
     * year of figures). It does not wait: see {@link #awaitReady(Duration)}.
     */
    public static AppNode start(String name, String jdbcUrl, String... extraArguments) {
        try {
            int port = freePort();
            Path dir = Path.of("target", "nodes");
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // a test node: small heap, quick start on a shared machine
                    "-Xms128m", "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", jar().toString(),
                    "--spring.profiles.active=postgres",
                    "--server.port=" + port,
                    // pg_stat_activity and the job log say which node did what
                    "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                    "--camunda.bpm.generic-properties.properties.hostname=" + name));
            command.addAll(List.of(extraArguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DB_URL", jdbcUrl);
            builder.environment().put("DB_USER", PostgresDatabase.user());
            builder.environment().put("DB_PASSWORD", PostgresDatabase.password());
            builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("PTC_DEMO", "true");
            builder.environment().put("DEMO_PASSWORD", DEMO_PASSWORD);
            return new AppNode(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + " could not be started", e);
        }
    }

    /** The jar of {@code mvn package}, which runs before the integration tests. */
    static Path jar() {
        String given = System.getProperty("ptc.it.jar");
        if (given != null && Files.isRegularFile(Path.of(given))) {
            return Path.of(given);
        }
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("performance-tracking-cycle-") && n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No application jar in target/: run the ITs with 'mvn verify' (package builds it)");
        }
        return jars[0].toPath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the node says it is ready (readiness UP: every start-up runner has run); returns the time it took. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            if (ready()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node " + name + " not ready after " + timeout + ":\n" + logTail());
    }

    public boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -9: no shutdown hook, no rollback by the application; the database sees the connections drop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public String log() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String logTail() {
        String all = log();
        return all.length() <= 6_000 ? all : all.substring(all.length() - 6_000);
    }
}
