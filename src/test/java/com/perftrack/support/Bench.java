package com.perftrack.support;

import com.perftrack.PerformanceTrackingApplication;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks (classes named {@code *Benchmark}, never part of {@code mvn test} or
 * {@code mvn verify}) share: the whole application on a fresh PostgreSQL database, the heap meter,
 * the machine line, and the writer that puts each benchmark's table into BENCHMARKS.md between
 * {@code <!-- bench:NAME -->} markers. Run one with {@code mvn -B -ntp -Pbenchmark test -Dtest=NAME}.
 */
public final class Bench {

    private Bench() {
    }

    /** Starts the application on a freshly created database (PostgreSQL on 127.0.0.1:5432 as postgres, or DB_USER/DB_PASSWORD). */
    public static ConfigurableApplicationContext start(String database, String... extra) throws Exception {
        String user = System.getenv().getOrDefault("DB_USER", "postgres");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        String host = System.getenv().getOrDefault("BENCH_DB_HOST", "127.0.0.1:5432");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " encoding 'UTF8'");
        }
        SpringApplication app = new SpringApplication(PerformanceTrackingApplication.class);
        app.setAdditionalProfiles("postgres");
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:postgresql://" + host + "/" + database,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password, "--server.port=0",
                "--server.address=127.0.0.1", "--ptc.demo.enabled=false",
                "--camunda.bpm.admin-user.password=benchmark-only-secret", "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(Arrays.asList(extra));
        return app.run(args.toArray(String[]::new));
    }

    /** Peak heap (sum of the heap pools' peaks) and collections between {@link #reset()} and {@link #read()}. */
    public static final class HeapMeter {
        private long gcCount;
        private long gcMillis;

        public HeapMeter reset() {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            gcCount = gcs(true);
            gcMillis = gcs(false);
            return this;
        }

        public String read() {
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            return String.format("heap peak %d MB of -Xmx %d MB, %d GCs (%d ms)", peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, gcs(true) - gcCount, gcs(false) - gcMillis);
        }

        private static long gcs(boolean count) {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(g -> Math.max(0, count ? g.getCollectionCount() : g.getCollectionTime())).sum();
        }

        public long peakMb() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        }

        public long fullGcs() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(Bench::isOld)
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }
    }

    private static boolean isOld(GarbageCollectorMXBean g) {
        String n = g.getName().toLowerCase();
        return n.contains("old") || n.contains("marksweep") || n.contains("full");
    }

    /** Median of the runs in milliseconds. */
    public static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** The machine and its load when the benchmark starts (other builds share this box). */
    public static String machine() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // not Linux
        }
        return String.format("%s, %d cores, load %s at start, Java %s, %s", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"),
                "PostgreSQL on the same box");
    }

    /** Prints the section and puts it into BENCHMARKS.md between its markers (appended the first time). */
    public static void report(String name, String markdown) throws IOException {
        System.out.println();
        System.out.println(markdown);
        Path file = Path.of("BENCHMARKS.md");
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String block = begin + "\n" + markdown.strip() + "\n" + end;
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        text = a >= 0 && b > a ? text.substring(0, a) + block + text.substring(b + end.length()) : text.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static String row(Object... cells) {
        return Stream.of(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |"));
    }
}
