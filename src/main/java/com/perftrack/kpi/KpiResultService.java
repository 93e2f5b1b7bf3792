package com.perftrack.kpi;

import static com.perftrack.kpi.KpiResultView.plain;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.OrganisationService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Computes a month's KPI results for every unit of every company and stores them with the month's
 * data gaps (tables {@code kpi_result}, {@code kpi_data_gap}). Three set-based reads (the month, the
 * month before, the same month a year before), the formulas in {@link KpiCalculator}, then only the
 * rows that differ from the stored ones are written (see {@link #store}): no round trip per result.
 */
@Service
public class KpiResultService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KpiResultService.class);
    private static final int ROWS_PER_INSERT = 1000;
    private static final String RESULT_COLUMNS = "period, unit_type, unit_code, kpi_code, company_code, target, actual, "
            + "deviation, deviation_pct, attainment, mom_growth, yoy_growth, status, rank_in_group, rolled_up";

    /** How long a node trusts the results version it read from the database (other nodes' changes). */
    static final long VERSION_READ_NANOS = 1_000_000_000L;
    private volatile long version = -1;
    private volatile long versionReadAt;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final FigureService figures;
    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final KpiStatusRules statusRules;
    private final KpiSettings settings;
    private final BusinessCalendar calendar;
    private final PeriodResultService longerPeriods;
    private final org.springframework.context.ApplicationEventPublisher events;

    KpiResultService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, FigureService figures, OrganisationService organisation,
            KpiCatalog catalog, KpiStatusRules statusRules, KpiSettings settings, BusinessCalendar calendar,
            PeriodResultService longerPeriods, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.longerPeriods = longerPeriods;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.figures = figures;
        this.organisation = organisation;
        this.catalog = catalog;
        this.statusRules = statusRules;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Computes and stores the month's results; idempotent. Returns the number of result rows. */
    @Transactional
    public int calculatePeriod(String period) {
        long started = System.nanoTime();
        Period month = Period.parse(period);
        // first of all: wait for any other recalculation to commit, so that this one reads its figures
        claimResults();
        StatusTable status = statusRules.load();
        KpiCalculator calculator = new KpiCalculator(settings.attainmentCap(), status::status);
        List<KpiCalculator.Unit> units = organisation.allUnits().stream()
                .map(u -> new KpiCalculator.Unit(u.code(), u.unitType(), u.parentCode(), u.companyCode(), u.role()))
                .toList();
        List<KpiCalculator.KpiDef> kpis = catalog.all().stream()
                .map(k -> new KpiCalculator.KpiDef(k.code(), k.lowerIsBetter(), k.aggregation())).toList();
        // every figure row's codes resolve to the strings the units and KPIs already hold
        Map<String, String> codes = new HashMap<>(units.size() * 2);
        units.forEach(u -> {
            codes.putIfAbsent(u.code(), u.code());
            codes.putIfAbsent(u.type(), u.type());
        });
        kpis.forEach(k -> codes.putIfAbsent(k.code(), k.code()));
        KpiCalculator.Calculation calculation = calculator.calculate(units, kpis, catalog.weightedKpis(month.quarter()),
                sink -> figures.calculationFigures(month.toString(), true, codes, sink),
                sink -> figures.calculationFigures(month.previous().toString(), false, codes, sink),
                sink -> figures.calculationFigures(month.sameMonthLastYear().toString(), false, codes, sink));
        long computed = System.nanoTime();
        int changed = store(month.toString(), calculation);
        // early warnings are checked once the results are committed (WarningNotices)
        events.publishEvent(new ResultsCalculated(month.toString()));
        if (log.isDebugEnabled()) {
            log.debug("{}: {} results, read + compute {} ms, store {} ms, {} rows changed", period, calculation.size(),
                    (computed - started) / 1_000_000, (System.nanoTime() - computed) / 1_000_000, changed);
        }
        return calculation.size();
    }

    /**
     * Computes and stores the monthly results of every month of a period of any length (a month,
     * quarter, half year or year); idempotent. Returns the number of result rows of the period
     * (for a longer period: its aggregated rows, see {@link #results}).
     */
    @Transactional
    public int calculateReportingPeriod(String period) {
        ReportingPeriod reporting = ReportingPeriod.parse(period);
        if (reporting.monthly()) {
            return calculatePeriod(reporting.toString());
        }
        for (Period month : reporting.months()) {
            calculatePeriod(month.toString());
        }
        return results(reporting.toString(), null, null).size();
    }

    /**
     * Recomputes every month whose results depend on the given months: the months themselves, the
     * month after (its MoM growth) and the same month a year later (its YoY growth).
     */
    @Transactional
    public int recalculate(Collection<String> changedPeriods) {
        TreeSet<Period> affected = new TreeSet<>();
        for (String p : changedPeriods) {
            Period month = Period.parse(p);
            affected.add(month);
            affected.add(month.next());
            affected.add(new Period(month.month().plusYears(1)));
        }
        java.util.Set<String> changed = new java.util.HashSet<>(changedPeriods);
        int rows = 0;
        for (Period month : affected) {
            // a neighbour without figures and without stored rows would compute to nothing: skip it
            if (changed.contains(month.toString()) || hasAnything(month.toString())) {
                rows += calculatePeriod(month.toString());
            }
        }
        return rows;
    }

    private boolean hasAnything(String period) {
        return jdbc.sql("select exists (select 1 from figure where period = :p) or exists (select 1 from kpi_result "
                + "where period = :p) or exists (select 1 from kpi_data_gap where period = :p)").param("p", period)
                .query(Boolean.class).single();
    }

    /** Recomputes every month that has figures (after the organisation changed). */
    @Transactional
    public int recalculateAll() {
        return recalculate(figures.periods());
    }

    public List<KpiResultView> results(String period, String unitType, String unitCode) {
        return results(period, unitType, unitCode, null);
    }

    /**
     * Results filtered by whichever of the arguments are given. The SQL names only the given
     * filters: "(:x is null or column = :x)" would keep PostgreSQL's generic plans off the indexes.
     * A quarter, half year or year ({@code 2026-Q3}, {@code 2026-H1}, {@code 2026}) is aggregated
     * from the stored months on read ({@link PeriodResults}); a {@code null} period lists every
     * stored month.
     */
    public List<KpiResultView> results(String period, String unitType, String unitCode, String kpiCode) {
        ReportingPeriod longer = longer(period);
        if (longer != null) {
            return longerPeriods.results(longer, unitType, unitCode, kpiCode, versionOf(longer));
        }
        StringBuilder sql = new StringBuilder("select period, unit_type, unit_code, kpi_code, target, actual, deviation, "
                + "deviation_pct, attainment, mom_growth, yoy_growth, status, rank_in_group from kpi_result where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(sql, params, "period", period);
        filter(sql, params, "unit_type", unitType);
        filter(sql, params, "unit_code", unitCode);
        filter(sql, params, "kpi_code", kpiCode);
        sql.append(" order by period, unit_type, unit_code, kpi_code");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new KpiResultView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7)),
                        plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9)), plain(rs.getBigDecimal(10)),
                        plain(rs.getBigDecimal(11)), rs.getString(12), (Integer) rs.getObject(13, Integer.class)))
                .list();
    }

    /** The period when it is longer than a month, else null (a month, or no period at all). */
    private static ReportingPeriod longer(String period) {
        if (period == null || Period.isValid(period)) {
            return null;
        }
        ReportingPeriod parsed = ReportingPeriod.parse(period);
        return parsed.monthly() ? null : parsed;
    }

    /** The version of every month a longer period's answer is computed from (growth reads a year back). */
    private long versionOf(ReportingPeriod period) {
        return version(PeriodResultService.firstMonthRead(period).toString(), period.last().toString());
    }

    private static void filter(StringBuilder sql, Map<String, Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /** A month's stored data gaps; for a longer period the gaps of its months (see {@link PeriodResults}). */
    public List<DataGapView> dataGaps(String period, String unitType, String unitCode) {
        ReportingPeriod longer = longer(period);
        if (longer != null) {
            return longerPeriods.dataGaps(longer, unitType, unitCode, versionOf(longer));
        }
        StringBuilder sql = new StringBuilder("select period, unit_type, unit_code, kpi_code, company_code, missing "
                + "from kpi_data_gap where period = :period");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", period);
        filter(sql, params, "unit_type", unitType);
        filter(sql, params, "unit_code", unitCode);
        sql.append(" order by unit_type, unit_code, kpi_code");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new DataGapView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /**
     * Grows whenever stored results change, on any node (read from the database at most once a
     * second, at once after a change on this node commits): readers may cache by it.
     */
    public long version() {
        long now = System.nanoTime();
        if (version < 0 || now - versionReadAt > VERSION_READ_NANOS) {
            version = jdbc.sql("select version from kpi_results_version where id = 1").query(Long.class).single();
            versionReadAt = now;
        }
        return version;
    }

    private volatile java.util.NavigableMap<String, Long> periodVersions;
    private volatile long periodVersionsReadAt;

    /**
     * A number that grows whenever the stored results or gaps of any month from {@code fromPeriod}
     * to {@code toPeriod} change (or everything may have, see {@link #invalidateAll}); other months'
     * changes leave it alone. Read from the database at most once a second, like {@link #version()}.
     */
    public long version(String fromPeriod, String toPeriod) {
        java.util.NavigableMap<String, Long> versions = periodVersions;
        long now = System.nanoTime();
        if (versions == null || now - periodVersionsReadAt > VERSION_READ_NANOS) {
            java.util.TreeMap<String, Long> read = new java.util.TreeMap<>();
            jdbc.sql("select period, version from kpi_period_version").query((rs, n) -> read.put(rs.getString(1), rs.getLong(2)))
                    .list();
            periodVersions = versions = read;
            periodVersionsReadAt = now;
        }
        long sum = versions.getOrDefault("*", 0L);
        if (fromPeriod.compareTo(toPeriod) <= 0) {
            for (long v : versions.subMap(fromPeriod, true, toPeriod, true).values()) {
                sum += v;
            }
        }
        return sum;
    }

    /** Everything may have changed (units moved or renamed): every month's version grows. */
    @Transactional
    public void invalidateAll() {
        jdbc.sql("update kpi_results_version set version = version + 1 where id = 1").update();
        jdbc.sql("update kpi_period_version set version = version + 1 where period = '*'").update();
        bumpVersionAfterCommit();
    }

    /** Locks the version row until this transaction ends: recalculations take turns. */
    private void claimResults() {
        jdbc.sql("select version from kpi_results_version where id = 1 for update").query(Long.class).single();
    }

    /**
     * Bumps the results version (dashboards drop their cached answers) only when a calculation
     * actually changed stored rows: recalculating a month to the same rows keeps every cache.
     */
    private void changedResults(String period) {
        jdbc.sql("update kpi_results_version set version = version + 1 where id = 1").update();
        // recalculations take turns (claimResults), so update-then-insert cannot race
        if (jdbc.sql("update kpi_period_version set version = version + 1 where period = ?").param(period).update() == 0) {
            jdbc.sql("insert into kpi_period_version (period, version) values (?, 1)").param(period).update();
        }
        bumpVersionAfterCommit();
    }

    private void bumpVersionAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    version = -1; // this node's own change: read it at the next request
                    periodVersions = null;
                }
            });
        } else {
            version = -1;
            periodVersions = null;
        }
    }

    private static final String[] RESULT_KEY = {"unit_type", "unit_code", "kpi_code"};
    private static final String[] RESULT_VALUES = {"company_code", "target", "actual", "deviation", "deviation_pct",
            "attainment", "mom_growth", "yoy_growth", "status", "rank_in_group", "rolled_up"};
    private static final String GAP_COLUMNS = "period, unit_type, unit_code, kpi_code, company_code, missing";
    private static final String[] GAP_VALUES = {"company_code", "missing"};

    /**
     * Writes only what changed (issue 18). On PostgreSQL a month without stored rows is written with
     * one streamed COPY; otherwise the new rows are COPYed into an unindexed temporary stage and merged:
     * rows no longer computed are deleted, changed rows updated, new rows inserted, identical rows
     * left alone (no dead tuples, no index churn). H2 (development) deletes and re-inserts the month.
     * Returns the number of rows inserted, updated or deleted (results and gaps).
     */
    private int store(String period, KpiCalculator.Calculation calculation) {
        int changed = jdbcTemplate.execute((ConnectionCallback<Integer>) con -> {
            if (!con.isWrapperFor(PGConnection.class)) {
                return -1;
            }
            PGConnection pg = con.unwrap(PGConnection.class);
            return mergeResults(con, pg, period, calculation)
                    + merge(con, pg, period, "kpi_data_gap", GAP_COLUMNS, RESULT_KEY, GAP_VALUES,
                            out -> writeGaps(out, period, calculation.gaps()));
        });
        if (changed < 0) {
            changed = replaceInChunks(period, calculation);
        }
        if (changed > 0) {
            changedResults(period);
        }
        jdbc.sql("delete from kpi_calculation where period = ?").param(period).update();
        jdbc.sql("insert into kpi_calculation (period, calculated_at, result_rows) values (?, ?, ?)")
                .params(period, Timestamp.valueOf(calendar.nowZoned().toLocalDateTime()), calculation.size())
                .update();
        return changed;
    }

    private interface CsvRows {
        void write(Writer out) throws IOException;
    }

    private static int merge(Connection con, PGConnection pg, String period, String table, String columns, String[] key,
            String[] values, CsvRows rows) throws SQLException {
        if (!hasRows(con, table, period)) {
            return (int) copy(pg, table, columns, rows);
        }
        String stage = table + "_stage";
        try (Statement st = con.createStatement()) {
            // per session, emptied at every commit or rollback; no indexes: the COPY costs what the
            // bytes cost, and the merge below reads it once with a hash join
            st.execute("create temporary table if not exists " + stage + " (like " + table + ") on commit delete rows");
            st.execute("truncate " + stage);
        }
        long copyStart = System.nanoTime();
        copy(pg, stage, columns, rows);
        long copied = System.nanoTime();
        String join = joinOn("t", "s", key);
        String differs = "(" + prefixed("t", values) + ") is distinct from (" + prefixed("s", values) + ")";
        int changed = 0;
        try (Statement st = con.createStatement()) {
            st.execute("analyze " + stage);
        }
        try (PreparedStatement ps = con.prepareStatement("delete from " + table + " t where t.period = ? and not exists "
                + "(select 1 from " + stage + " s where " + join + ")")) {
            ps.setString(1, period);
            changed += ps.executeUpdate();
        }
        StringBuilder set = new StringBuilder();
        for (String v : values) {
            set.append(set.isEmpty() ? "" : ", ").append(v).append(" = s.").append(v);
        }
        try (PreparedStatement ps = con.prepareStatement("update " + table + " t set " + set + " from " + stage
                + " s where t.period = ? and " + join + " and " + differs)) {
            ps.setString(1, period);
            changed += ps.executeUpdate();
        }
        try (PreparedStatement ps = con.prepareStatement("insert into " + table + " (" + columns + ") select "
                + prefixed("s", columns.split(",\\s*")) + " from " + stage + " s where not exists (select 1 from " + table
                + " t where t.period = ? and " + join + ")")) {
            ps.setString(1, period);
            changed += ps.executeUpdate();
        }
        try (Statement st = con.createStatement()) {
            st.execute("truncate " + stage);
        }
        if (log.isDebugEnabled()) {
            log.debug("{} {}: COPY to stage {} ms, merge {} ms, {} rows changed", table, period,
                    (copied - copyStart) / 1_000_000, (System.nanoTime() - copied) / 1_000_000, changed);
        }
        return changed;
    }

    /**
     * The results' merge, for a month that has stored rows. The stored rows are read once as a
     * 64-bit hash of their values per (unit, KPI) cell (PostgreSQL prints each value as text, the
     * computed row is printed the same way: numbers with their 6 decimals, booleans as true/false);
     * only computed rows whose hash differs or that are new go to the stage, and are upserted from
     * there; stored cells no longer computed are deleted. An unchanged month writes nothing. Two
     * different rows of one cell hash alike with probability 2^-64.
     */
    private static int mergeResults(Connection con, PGConnection pg, String period, KpiCalculator.Calculation calculation)
            throws SQLException {
        if (!hasRows(con, "kpi_result", period)) {
            return (int) copy(pg, "kpi_result", RESULT_COLUMNS, out -> writeResults(out, period, calculation));
        }
        int cells = calculation.cells();
        long[] storedHash = new long[cells];
        BitSet stored = new BitSet(cells);
        List<String[]> gone = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("select unit_type, unit_code, kpi_code, concat_ws('|', company_code, "
                + "coalesce(target::text, ''), coalesce(actual::text, ''), coalesce(deviation::text, ''), "
                + "coalesce(deviation_pct::text, ''), coalesce(attainment::text, ''), coalesce(mom_growth::text, ''), "
                + "coalesce(yoy_growth::text, ''), coalesce(status, ''), coalesce(rank_in_group::text, ''), rolled_up::text) "
                + "from kpi_result where period = ?")) {
            ps.setFetchSize(10_000);
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int cell = calculation.cellOf(rs.getString(1), rs.getString(2), rs.getString(3));
                    if (cell < 0) {
                        gone.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    } else {
                        stored.set(cell);
                        storedHash[cell] = hash(rs.getString(4));
                    }
                }
            }
        }
        BitSet computed = new BitSet(cells);
        try (Statement st = con.createStatement()) {
            st.execute("create temporary table if not exists kpi_result_stage (like kpi_result) on commit delete rows");
            st.execute("truncate kpi_result_stage");
        }
        long written = copy(pg, "kpi_result_stage", RESULT_COLUMNS, out -> {
            StringBuilder canonical = new StringBuilder(128);
            StringBuilder line = new StringBuilder(160);
            calculation.forEachCell((cell, r) -> {
                computed.set(cell);
                canonical.setLength(0);
                canonical.append(r.companyCode());
                for (Object v : new Object[] {r.target(), r.actual(), r.deviation(), r.deviationPct(), r.attainment(),
                        r.momGrowth(), r.yoyGrowth(), r.status(), r.rank()}) {
                    canonical.append('|');
                    if (v instanceof BigDecimal d) {
                        canonical.append(d.toPlainString());
                    } else if (v != null) {
                        canonical.append(v);
                    }
                }
                canonical.append('|').append(r.rolledUp());
                if (!stored.get(cell) || storedHash[cell] != hash(canonical)) {
                    resultLine(line, period, r);
                    try {
                        out.append(line);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        });
        stored.andNot(computed);
        for (int cell = stored.nextSetBit(0); cell >= 0; cell = stored.nextSetBit(cell + 1)) {
            gone.add(calculation.keyOf(cell));
        }
        if (!gone.isEmpty()) {
            try (PreparedStatement ps = con.prepareStatement(
                    "delete from kpi_result where period = ? and unit_type = ? and unit_code = ? and kpi_code = ?")) {
                for (String[] key : gone) {
                    ps.setString(1, period);
                    ps.setString(2, key[0]);
                    ps.setString(3, key[1]);
                    ps.setString(4, key[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (written > 0) {
            StringBuilder set = new StringBuilder();
            for (String v : RESULT_VALUES) {
                set.append(set.isEmpty() ? "" : ", ").append(v).append(" = excluded.").append(v);
            }
            try (Statement st = con.createStatement()) {
                st.executeUpdate("insert into kpi_result (" + RESULT_COLUMNS + ") select " + RESULT_COLUMNS
                        + " from kpi_result_stage on conflict on constraint pk_kpi_result do update set " + set);
                st.execute("truncate kpi_result_stage");
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("kpi_result {}: {} rows written, {} deleted", period, written, gone.size());
        }
        return (int) written + gone.size();
    }

    /** FNV-1a, 64 bits, over the UTF-16 chars. */
    static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void resultLine(StringBuilder line, String period, KpiCalculator.Result r) {
        line.setLength(0);
        csvValue(line, period);
        for (Object value : new Object[] {r.unitType(), r.unitCode(), r.kpiCode(), r.companyCode(), r.target(),
                r.actual(), r.deviation(), r.deviationPct(), r.attainment(), r.momGrowth(), r.yoyGrowth(), r.status(),
                r.rank(), r.rolledUp()}) {
            line.append(',');
            csvValue(line, value);
        }
        line.append('\n');
    }

    private static boolean hasRows(Connection con, String table, String period) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("select exists (select 1 from " + table + " where period = ?)")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String joinOn(String a, String b, String[] key) {
        StringBuilder sql = new StringBuilder();
        for (String k : key) {
            sql.append(sql.isEmpty() ? "" : " and ").append(a).append('.').append(k).append(" = ").append(b).append('.').append(k);
        }
        return sql.toString();
    }

    private static String prefixed(String alias, String[] columns) {
        StringBuilder sql = new StringBuilder();
        for (String c : columns) {
            sql.append(sql.isEmpty() ? "" : ", ").append(alias).append('.').append(c.trim());
        }
        return sql.toString();
    }

    /**
     * Streams the rows into a PostgreSQL COPY through a 64 KB buffer: no CSV string of the whole
     * month in memory. Returns the number of rows copied.
     */
    private static long copy(PGConnection pg, String table, String columns, CsvRows rows) throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(pg, "copy " + table + " (" + columns + ") from stdin with (format csv)",
                1 << 16);
        try {
            // not closed: closing would flush the ended COPY once more; endCopy() finishes it
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            rows.write(out);
            out.flush();
            return stream.endCopy();
        } catch (IOException | RuntimeException e) {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private static void writeResults(Writer out, String period, KpiCalculator.Calculation calculation) {
        StringBuilder line = new StringBuilder(160);
        calculation.forEachResult(r -> {
            resultLine(line, period, r);
            try {
                out.append(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void writeGaps(Writer out, String period, List<KpiCalculator.Gap> gaps) throws IOException {
        StringBuilder line = new StringBuilder(96);
        for (KpiCalculator.Gap g : gaps) {
            line.setLength(0);
            csvValue(line, period);
            for (Object value : new Object[] {g.unitType(), g.unitCode(), g.kpiCode(), g.companyCode(), g.missing()}) {
                line.append(',');
                csvValue(line, value);
            }
            out.append(line).append('\n');
        }
    }

    /** H2 (development): the month's rows deleted and written again with multi-row INSERTs. */
    private int replaceInChunks(String period, KpiCalculator.Calculation calculation) {
        int changed = jdbc.sql("delete from kpi_result where period = ?").param(period).update()
                + jdbc.sql("delete from kpi_data_gap where period = ?").param(period).update();
        List<Object[]> rows = new ArrayList<>(calculation.size());
        calculation.forEachResult(r -> rows.add(new Object[] {period, r.unitType(), r.unitCode(), r.kpiCode(), r.companyCode(), r.target(),
                    r.actual(), r.deviation(), r.deviationPct(), r.attainment(), r.momGrowth(), r.yoyGrowth(),
                    r.status(), r.rank(), r.rolledUp()}));
        insertInChunks("kpi_result", RESULT_COLUMNS, 15, rows);
        List<Object[]> gaps = calculation.gaps().stream().map(g -> new Object[] {period, g.unitType(), g.unitCode(),
                g.kpiCode(), g.companyCode(), g.missing()}).toList();
        insertInChunks("kpi_data_gap", GAP_COLUMNS, 6, gaps);
        return changed + rows.size() + gaps.size();
    }

    /** CSV as PostgreSQL's COPY reads it: an unquoted empty field is NULL, text is quoted. */
    static void csvValue(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
        } else {
            csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        }
    }

    private void insertInChunks(String table, String columns, int width, List<Object[]> rows) {
        String placeholders = "(" + "?, ".repeat(width - 1) + "?)";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = "insert into " + table + " (" + columns + ") values "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), placeholders));
            jdbcTemplate.update(sql, ps -> {
                int i = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        if (value == null) {
                            ps.setNull(i++, Types.NULL);
                        } else {
                            ps.setObject(i++, value);
                        }
                    }
                }
            });
        }
    }
}
