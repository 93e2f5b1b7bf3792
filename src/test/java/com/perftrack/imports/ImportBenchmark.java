package com.perftrack.imports;

import static com.perftrack.support.Bench.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Bench;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not part of mvn test/verify): a figures file of 60,000 rows (10,000 people × 6 KPIs,
 * one month whose previous month is stored) through the import service — read, validate, store,
 * recalculate the month and its neighbours, log — against PostgreSQL's COPY of the same rows into
 * the same (indexed) table, what psql's {@code \copy} does; then the unchanged file again, and a
 * file with 1% of its rows changed. Run: {@code mvn -B -ntp -Pbenchmark test -Dtest=ImportBenchmark}.
 */
class ImportBenchmark {

    static final List<String> KPIS = List.of("SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION", "ORDER_CONVERSION",
            "SALES_CYCLE_DAYS", "COMPLAINTS");
    static final int PEOPLE = 10_000;
    static final String MONTH = "2026-01";

    @Test
    void figures_import_against_copy() throws Exception {
        String machine = Bench.machine();
        try (ConfigurableApplicationContext context = Bench.start("ptc_bench_import",
                "--logging.level.com.perftrack.kpi.KpiResultService=DEBUG")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            ImportService imports = context.getBean(ImportService.class);
            seedOrganisation(jdbc);
            imports.importFigures("previous.csv", file("2025-12", 0).getBytes(StandardCharsets.UTF_8), "admin");
            byte[] month = file(MONTH, 0).getBytes(StandardCharsets.UTF_8);
            byte[] changed = file(MONTH, 1).getBytes(StandardCharsets.UTF_8);
            String copyRows = file(MONTH, 0).lines().skip(1).map(l -> l + ",benchmark,2026-01-31 00:00:00")
                    .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();

            long[] full = new long[5];
            long[] copy = new long[5];
            long[] same = new long[5];
            long[] onePercent = new long[5];
            Bench.HeapMeter heap = new Bench.HeapMeter();
            String heapLine = null;
            for (int i = -1; i < full.length; i++) { // run -1 warms up
                clearMonth(jdbc);
                long t = System.nanoTime();
                try (Connection con = dataSource.getConnection()) {
                    con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy figure (period, unit_type, unit_code, kpi_code, "
                            + "target, actual, imported_by, imported_at) from stdin with (format csv)",
                            new ByteArrayInputStream(copyRows.getBytes(StandardCharsets.UTF_8)));
                }
                long copied = System.nanoTime() - t;
                clearMonth(jdbc);
                if (i == 0) {
                    heap.reset();
                }
                t = System.nanoTime();
                ImportService.ImportSummary summary = imports.importFigures("month.csv", month, "admin");
                long imported = System.nanoTime() - t;
                if (i == 0) {
                    heapLine = heap.read();
                }
                assertThat(summary.inserted()).isEqualTo(PEOPLE * KPIS.size());
                t = System.nanoTime();
                ImportService.ImportSummary again = imports.importFigures("month.csv", month, "admin");
                long unchanged = System.nanoTime() - t;
                assertThat(again.unchanged()).isEqualTo(PEOPLE * KPIS.size());
                assertThat(again.resultRows()).isZero();
                t = System.nanoTime();
                ImportService.ImportSummary delta = imports.importFigures("changed.csv", changed, "admin");
                long changedTime = System.nanoTime() - t;
                assertThat(delta.updated()).isEqualTo(PEOPLE / 100);
                if (i >= 0) {
                    full[i] = imported;
                    copy[i] = copied;
                    same[i] = unchanged;
                    onePercent[i] = changedTime;
                }
            }
            double fullMs = Bench.median(full);
            double copyMs = Bench.median(copy);
            double sameMs = Bench.median(same);
            double deltaMs = Bench.median(onePercent);
            StringBuilder md = new StringBuilder("### Figures import, 60,000 rows (`mvn -B -ntp -Pbenchmark test -Dtest=ImportBenchmark`)\n\n")
                    .append(machine).append(", JVM -Xmx").append(Runtime.getRuntime().maxMemory() >> 20)
                    .append(" MB; medians of 5 runs after a warm-up.\n\n")
                    .append(row("what", "ms", "baseline", "ratio")).append('\n').append(row("---", "---:", "---", "---:")).append('\n')
                    .append(row("import of a new month (read, validate, store, recalculate 2026-01 and its neighbours, log)",
                            String.format("%.0f", fullMs), String.format("COPY of the same rows %.0f ms", copyMs),
                            String.format("%.1f× COPY (goal ≤ 10×)", fullMs / copyMs))).append('\n')
                    .append(row("the same file again (nothing changed, nothing recalculated)", String.format("%.0f", sameMs),
                            String.format("full import %.0f ms", fullMs), String.format("%.0f%% (goal < 10%%)", 100 * sameMs / fullMs)))
                    .append('\n')
                    .append(row("the file with 1% of the actuals changed", String.format("%.0f", deltaMs),
                            String.format("full import %.0f ms", fullMs), String.format("%.0f%%", 100 * deltaMs / fullMs)))
                    .append('\n').append("\nFirst measured import: ").append(heapLine).append(".\n");
            Bench.report("import", md.toString());
        }
    }

    static void clearMonth(JdbcTemplate jdbc) {
        for (String table : List.of("figure", "kpi_result", "kpi_data_gap", "kpi_calculation")) {
            jdbc.update("delete from " + table + " where period >= ?", MONTH);
        }
        jdbc.execute("vacuum figure");
    }

    /** The month's figures; {@code variant} 1 changes the actual of every 100th person's SALES_AMOUNT. */
    static String file(String period, int variant) {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (int p = 0; p < PEOPLE; p++) {
            for (int k = 0; k < KPIS.size(); k++) {
                long actual = 70 + (p * 7L + k * 13L + period.hashCode()) % 60 + (variant == 1 && k == 0 && p % 100 == 0 ? 1 : 0);
                csv.append(period).append(",person,BP").append(p).append(',').append(KPIS.get(k)).append(',')
                        .append(100 + k * 10).append(',').append(actual).append('\n');
            }
        }
        return csv.toString();
    }

    static void seedOrganisation(JdbcTemplate jdbc) {
        List<Object[]> units = new ArrayList<>();
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        units.add(new Object[] {"BENCH", "company", "Benchmark Co.", null, "BENCH", "production", now});
        units.add(new Object[] {"BENCH-SALES", "department", "Sales", "BENCH", "BENCH", "sales", now});
        for (int r = 0; r < 50; r++) {
            units.add(new Object[] {"BR" + r, "region", "Region " + r, "BENCH-SALES", "BENCH", null, now});
        }
        for (int p = 0; p < PEOPLE; p++) {
            units.add(new Object[] {"BP" + p, "person", "Person " + p, "BR" + (p % 50), "BENCH", "employee", now});
        }
        jdbc.batchUpdate("insert into org_unit (code, unit_type, name, parent_code, company_code, role, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", units);
    }
}
