package com.perftrack.kpi;

import static com.perftrack.support.Bench.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Bench;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test of the suite: surefire runs only {@code *Test}/{@code *Tests}): one month's
 * KPI calculation for 10,000, 50,000 and 100,000 people × 12 KPIs on PostgreSQL, with the month
 * before and the same month a year before present (MoM/YoY), 50 regions, a department and the
 * company rolled up. Run (see BENCHMARKS.md), after {@code mvn verify} on a fresh clone:
 * <pre>mvn -B -ntp -Pbenchmark test -Dtest=KpiBenchmark</pre>
 * The profile runs the JVM at {@code -Xmx1g}; {@code -Dbench.people=10000} picks sizes.
 *
 * <p>Per size: the first calculation of the month (nothing stored: one streamed COPY), the same
 * recalculated with nothing changed (stage + merge writes nothing), and after 1% of the people's
 * actuals changed. Baselines in the same run: the same result rows written one INSERT per row
 * (the baseline; measured on the first 120,624 rows, the 10k month, as 1.2 million
 * single INSERTs would take minutes) and a bare COPY of the result rows into an unindexed table
 * (the floor of any write).
 */
class KpiBenchmark {

    static final List<String> KPIS = List.of("SALES_AMOUNT", "NEW_CUSTOMERS", "CUSTOMER_SATISFACTION", "ORDER_CONVERSION",
            "SALES_CYCLE_DAYS", "COMPLAINTS", "FUNNEL_LEADS", "FUNNEL_CONTACTS", "FUNNEL_NEEDS", "FUNNEL_PROPOSALS",
            "FUNNEL_WON", "FUNNEL_LOST");
    static final int REGIONS = 50;
    static final String MONTH = "2026-01";

    @Test
    void calculation_of_one_month() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.people", "10000,50000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String machine = Bench.machine();
        StringBuilder table = new StringBuilder();
        table.append("### KPI calculation, one month × 12 KPIs (`mvn -B -ntp -Pbenchmark test -Dtest=KpiBenchmark`)\n\n")
                .append(machine).append(", JVM -Xmx").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB.\n\n")
                .append(row("people", "result rows", "first calculation (COPY) ms", "unchanged recalculation ms",
                        "1% of actuals changed ms", "baseline", "ratio", "heap peak (first calc.)"))
                .append('\n').append(row("---:", "---:", "---:", "---:", "---:", "---", "---:", "---")).append('\n');
        try (ConfigurableApplicationContext context = Bench.start("ptc_bench_kpi", "--logging.level.com.perftrack.kpi.KpiResultService=DEBUG")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            KpiResultService service = context.getBean(KpiResultService.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            Bench.HeapMeter heap = new Bench.HeapMeter();
            for (int people : sizes) {
                seed(jdbc, dataSource, people);
                service.calculatePeriod(MONTH); // warm-up, then the timed first calculations
                long[] first = new long[3];
                String heapLine = null;
                int rows = 0;
                for (int i = 0; i < first.length; i++) {
                    jdbc.update("delete from kpi_result where period = ?", MONTH);
                    jdbc.update("delete from kpi_data_gap where period = ?", MONTH);
                    jdbc.execute("vacuum kpi_result");
                    heap.reset();
                    long start = System.nanoTime();
                    rows = service.calculatePeriod(MONTH);
                    first[i] = System.nanoTime() - start;
                    heapLine = heapLine == null ? heap.read() : heapLine;
                }
                long[] same = new long[3];
                long version = version(jdbc);
                for (int i = 0; i < same.length; i++) {
                    long start = System.nanoTime();
                    service.calculatePeriod(MONTH);
                    same[i] = System.nanoTime() - start;
                }
                assertThat(version(jdbc)).as("an unchanged recalculation writes nothing").isEqualTo(version);
                long[] changed = new long[3];
                for (int i = 0; i < changed.length; i++) {
                    jdbc.update("update figure set actual = actual + 1 where period = ? and unit_type = 'person' "
                            + "and kpi_code = 'SALES_AMOUNT' and cast(substr(unit_code, 3) as integer) % 100 = ?", MONTH, i);
                    long start = System.nanoTime();
                    service.calculatePeriod(MONTH);
                    changed[i] = System.nanoTime() - start;
                }
                String baseline;
                double ratio;
                if (people <= 10_000) {
                    double rowByRow = rowByRowWrite(jdbc, tx);
                    baseline = String.format("one INSERT per row %.0f ms", rowByRow);
                    ratio = rowByRow / Bench.median(first);
                } else {
                    double floor = bareCopy(jdbc);
                    baseline = String.format("bare COPY of the rows %.0f ms", floor);
                    ratio = Bench.median(first) / floor;
                }
                String line = row(people, rows, String.format("%.0f", Bench.median(first)),
                        String.format("%.0f", Bench.median(same)), String.format("%.0f", Bench.median(changed)), baseline,
                        people <= 10_000 ? String.format("%.1f× faster", ratio) : String.format("%.1f× the floor", ratio),
                        heapLine);
                System.out.println(line);
                table.append(line).append('\n');
            }
        }
        Bench.report("kpi", table.toString());
    }

    static long version(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select version from kpi_results_version where id = 1", Long.class);
    }

    /** The baseline: the month's first 120,624 result rows written one INSERT per row. */
    static double rowByRowWrite(JdbcTemplate jdbc, TransactionTemplate tx) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from kpi_result where period = ? limit 120624", MONTH);
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            jdbc.execute("create temporary table if not exists bench_rows (like kpi_result including all) on commit drop");
            for (Map<String, Object> r : rows) {
                jdbc.update("insert into bench_rows (period, unit_type, unit_code, kpi_code, company_code, target, actual, "
                        + "deviation, deviation_pct, attainment, mom_growth, yoy_growth, status, rank_in_group, rolled_up) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.get("period"), r.get("unit_type"),
                        r.get("unit_code"), r.get("kpi_code"), r.get("company_code"), r.get("target"), r.get("actual"),
                        r.get("deviation"), r.get("deviation_pct"), r.get("attainment"), r.get("mom_growth"),
                        r.get("yoy_growth"), r.get("status"), r.get("rank_in_group"), r.get("rolled_up"));
            }
        });
        return (System.nanoTime() - start) / 1e6;
    }

    /** The floor: the month's result rows copied server-side into an unindexed table. */
    static double bareCopy(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists bench_floor");
        jdbc.execute("create unlogged table bench_floor (like kpi_result)");
        long start = System.nanoTime();
        jdbc.update("insert into bench_floor select * from kpi_result where period = ?", MONTH);
        double ms = (System.nanoTime() - start) / 1e6;
        jdbc.execute("drop table bench_floor");
        return ms;
    }

    /** One company, a department, 50 regions, {@code people} people with 12 KPIs in 2025-01, 2025-12 and 2026-01. */
    static void seed(JdbcTemplate jdbc, DataSource dataSource, int people) throws Exception {
        jdbc.execute("truncate figure, kpi_result, kpi_data_gap, kpi_calculation");
        jdbc.update("delete from org_unit where company_code = 'BENCH'");
        List<Object[]> units = new ArrayList<>();
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        units.add(new Object[] {"BENCH", "company", "Benchmark Co.", null, "BENCH", "production", now});
        units.add(new Object[] {"BENCH-SALES", "department", "Sales", "BENCH", "BENCH", "sales", now});
        for (int r = 0; r < REGIONS; r++) {
            units.add(new Object[] {"BR" + r, "region", "Region " + r, "BENCH-SALES", "BENCH", null, now});
        }
        for (int p = 0; p < people; p++) {
            units.add(new Object[] {"BP" + p, "person", "Person " + p, "BR" + (p % REGIONS), "BENCH", "employee", now});
        }
        jdbc.batchUpdate("insert into org_unit (code, unit_type, name, parent_code, company_code, role, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", units);
        try (Connection con = dataSource.getConnection()) {
            PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class),
                    "copy figure (period, unit_type, unit_code, kpi_code, target, actual, imported_by, imported_at) "
                            + "from stdin with (format csv)", 1 << 16);
            Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            for (String period : List.of("2025-01", "2025-12", MONTH)) {
                for (int p = 0; p < people; p++) {
                    for (int k = 0; k < KPIS.size(); k++) {
                        long actual = 70 + (p * 7L + k * 13L + period.hashCode()) % 60;
                        out.write(period + ",person,BP" + p + "," + KPIS.get(k) + "," + (100 + k * 10) + "," + actual
                                + ",benchmark,2026-01-31 00:00:00\n");
                    }
                }
            }
            out.flush();
            copy.endCopy();
        }
        jdbc.execute("analyze figure");
    }
}
