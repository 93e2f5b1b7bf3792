package com.perftrack.kpi;

import com.perftrack.PerformanceTrackingApplication;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test): computes and stores one month for 10,000 people × 6 KPIs on PostgreSQL,
 * with the month before and the same month a year before present (MoM/YoY), plus 50 regions, a
 * department and the company rolled up. Baseline in the same run: the same result rows written one
 * INSERT per row. Run: {@code mvn -o -Pbenchmark test-compile exec:java} (see BENCHMARKS.md).
 * Uses database {@code ptc_bench_kpi} on 127.0.0.1:5432 (dropped and recreated) unless BENCH_DB_URL is set.
 */
public final class KpiBenchmark {

    static final int PEOPLE = 10_000;
    static final int REGIONS = 50;
    static final List<String> KPIS = List.of("SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION",
            "ORDER_CONVERSION", "SALES_CYCLE_DAYS", "COMPLAINTS");

    public static void main(String[] args) throws Exception {
        String user = System.getenv().getOrDefault("DB_USER", "postgres");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        String url = System.getenv("BENCH_DB_URL");
        if (url == null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, password);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists ptc_bench_kpi with (force)");
                s.execute("create database ptc_bench_kpi encoding 'UTF8'");
            }
            url = "jdbc:postgresql://127.0.0.1:5432/ptc_bench_kpi";
        }
        SpringApplication app = new SpringApplication(PerformanceTrackingApplication.class);
        app.setAdditionalProfiles("postgres");
        // command-line arguments: they outrank application-postgres.yaml's ${DB_URL:...}
        try (ConfigurableApplicationContext context = app.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password, "--server.port=0",
                "--ptc.demo.enabled=false", "--camunda.bpm.admin-user.password=benchmark-only-secret",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            seed(jdbc);
            KpiResultService service = context.getBean(KpiResultService.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            for (int i = 0; i < 2; i++) {
                service.calculatePeriod("2026-01"); // warm-up
            }
            long[] runs = new long[5];
            int rows = 0;
            for (int i = 0; i < runs.length; i++) {
                long start = System.nanoTime();
                rows = service.calculatePeriod("2026-01");
                runs[i] = System.nanoTime() - start;
            }
            Arrays.sort(runs);
            double median = runs[runs.length / 2] / 1e6;
            double baseline = rowByRowWrite(jdbc, tx);
            System.out.printf("%nKPI calculation 2026-01: %d people x %d KPIs -> %d result rows%n", PEOPLE, KPIS.size(), rows);
            System.out.printf("calculatePeriod (read 3 months, compute, store): median %.0f ms, min %.0f ms, max %.0f ms (5 runs after 2 warm-ups)%n",
                    median, runs[0] / 1e6, runs[runs.length - 1] / 1e6);
            System.out.printf("baseline, the same rows written one INSERT per row: %.0f ms -> set-based calculation is %.1fx faster%n",
                    baseline, baseline / median);
        }
    }

    /** Naive variant for the ratio: only the write of the stored rows, one statement per row. */
    static double rowByRowWrite(JdbcTemplate jdbc, TransactionTemplate tx) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from kpi_result where period = '2026-01'");
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from kpi_result where period = '2026-01'");
            for (Map<String, Object> r : rows) {
                jdbc.update("insert into kpi_result (period, unit_type, unit_code, kpi_code, company_code, target, actual, "
                        + "deviation, deviation_pct, attainment, mom_growth, yoy_growth, status, rank_in_group, rolled_up) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.get("period"), r.get("unit_type"),
                        r.get("unit_code"), r.get("kpi_code"), r.get("company_code"), r.get("target"), r.get("actual"),
                        r.get("deviation"), r.get("deviation_pct"), r.get("attainment"), r.get("mom_growth"),
                        r.get("yoy_growth"), r.get("status"), r.get("rank_in_group"), r.get("rolled_up"));
            }
        });
        return (System.nanoTime() - start) / 1e6;
    }

    static void seed(JdbcTemplate jdbc) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> units = new ArrayList<>();
        units.add(new Object[] {"BENCH", "company", "Benchmark Co.", null, "BENCH", "production", now});
        units.add(new Object[] {"BENCH-SALES", "department", "Sales", "BENCH", "BENCH", "sales", now});
        for (int r = 0; r < REGIONS; r++) {
            units.add(new Object[] {"BR" + r, "region", "Region " + r, "BENCH-SALES", "BENCH", null, now});
        }
        for (int p = 0; p < PEOPLE; p++) {
            units.add(new Object[] {"BP" + p, "person", "Person " + p, "BR" + (p % REGIONS), "BENCH", "employee", now});
        }
        jdbc.batchUpdate("insert into org_unit (code, unit_type, name, parent_code, company_code, role, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", units);
        for (String period : List.of("2025-01", "2025-12", "2026-01")) {
            List<Object[]> figures = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                for (int k = 0; k < KPIS.size(); k++) {
                    BigDecimal target = BigDecimal.valueOf(100 + k * 10L);
                    BigDecimal actual = BigDecimal.valueOf(70 + (p * 7L + k * 13L + period.hashCode()) % 60);
                    figures.add(new Object[] {period, "person", "BP" + p, KPIS.get(k), target, actual, "benchmark", now});
                }
            }
            jdbc.batchUpdate("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, imported_by, "
                    + "imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)", figures);
        }
    }
}
