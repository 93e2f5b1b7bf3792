package com.perftrack.kpi;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Targets and actuals (table {@code figure}): storing imported rows and reading them back. */
@Service
public class FigureService {

    private static final RowMapper<FigureView> ROW = (rs, n) -> new FigureView(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
    private static final String COLUMNS = "period, unit_type, unit_code, kpi_code, target, actual";

    /**
     * How a store changed the table: re-importing identical rows gives only {@code unchanged} and
     * no {@code changedPeriods} (the months with at least one inserted or updated row, oldest first).
     */
    public record StoreSummary(int inserted, int updated, int unchanged, List<String> changedPeriods) {
        public boolean changedNothing() {
            return changedPeriods.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final BusinessCalendar calendar;

    FigureService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, OrganisationService organisation, KpiCatalog catalog,
            BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.organisation = organisation;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * What a store with parts did: the summary (parts counted like rows); the monthly figures derived
     * from parts ({@code from_parts}: a unit with parts and no total row of its own), whether changed or
     * not; and the months whose own total row differs from the aggregate of the unit's daily figures
     * (the total row wins: SPEC.md section 7).
     */
    public record StoreOutcome(StoreSummary summary, List<FigureView> derived, List<PartConflict> conflicts) {}

    /** A unit's monthly total row and the aggregate of its daily figures disagree; the total row wins. */
    public record PartConflict(String period, String unitType, String unitCode, String kpiCode, FigureView monthly,
            FigureParts.Total daily) {}

    /**
     * Inserts new keys, replaces changed ones (the whole row: an empty cell replaces a value), and
     * leaves identical rows untouched, so that a re-import changes nothing, not even who/when.
     * Within {@code rows} the last row of a key wins.
     */
    @Transactional
    public StoreSummary store(List<FigureView> rows, String importedBy, String sourceFile) {
        return store(rows, List.of(), importedBy, sourceFile).summary();
    }

    /**
     * Stores monthly total rows and parts (days, products, channels, customers: SPEC.md section 7) the
     * same way (last row of a key wins, identical rows untouched). A unit's figure for a month and KPI
     * that has parts is then its own total row when it has one (imported now or before), else the
     * aggregate of all its stored parts ({@link FigureParts}), kept up to date as parts arrive.
     */
    @Transactional
    public StoreOutcome store(List<FigureView> rows, List<FigurePart> parts, String importedBy, String sourceFile) {
        // imports take turns (the row lock lasts until this import's recalculation commits): the
        // stored rows read below then include every import that came first, and two imports of a
        // new key never both insert it (issue 12)
        jdbc.sql("select version from kpi_results_version where id = 1 for update").query(Long.class).single();
        Map<String, FigureView> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.put(key(r), normalised(r)));
        Map<String, FigurePart> latestParts = new LinkedHashMap<>();
        parts.forEach(p -> latestParts.put(p.key(), normalised(p)));
        Set<String> periods = new java.util.TreeSet<>();
        latest.values().forEach(f -> periods.add(f.period()));
        latestParts.values().forEach(f -> periods.add(f.period()));
        Map<String, FigureView> stored = new HashMap<>();
        Set<String> storedFromParts = new HashSet<>();
        for (String period : periods) {
            jdbcTemplate.query("select " + COLUMNS + ", from_parts from figure where period = ?",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        FigureView f = normalised(ROW.mapRow(rs, 0));
                        stored.put(key(f), f);
                        if (rs.getBoolean(7)) {
                            storedFromParts.add(key(f));
                        }
                    }, period);
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> nowOwn = new ArrayList<>();
        java.util.TreeSet<String> changed = new java.util.TreeSet<>();
        Timestamp now = Timestamp.valueOf(calendar.nowZoned().toLocalDateTime());
        for (var entry : latest.entrySet()) {
            FigureView row = entry.getValue();
            FigureView old = stored.get(entry.getKey());
            if (old == null) {
                inserts.add(new Object[] {row.period(), row.unitType(), row.unitCode(), row.kpiCode(), row.target(),
                        row.actual(), importedBy, now, sourceFile, false});
                changed.add(row.period());
            } else if (!Objects.equals(old.target(), row.target()) || !Objects.equals(old.actual(), row.actual())) {
                updates.add(new Object[] {row.target(), row.actual(), importedBy, now, sourceFile, false, row.period(),
                        row.unitType(), row.unitCode(), row.kpiCode()});
                changed.add(row.period());
            } else if (storedFromParts.contains(entry.getKey())) {
                // the same numbers, now given as the unit's own total: later parts no longer replace it
                nowOwn.add(new Object[] {row.period(), row.unitCode(), row.kpiCode()});
            }
        }
        int unchanged = latest.size() - inserts.size() - updates.size();
        StorePartsResult partsResult = storeParts(latestParts, periods, importedBy, now, sourceFile);
        unchanged += partsResult.unchanged();
        changed.addAll(partsResult.changedPeriods());
        // the figure of every unit, month and KPI that has parts: its own total row, or their aggregate
        List<FigureView> derived = new ArrayList<>();
        List<PartConflict> conflicts = new ArrayList<>();
        Map<String, Kpi> kpis = partsResult.groups().isEmpty() ? Map.of() : kpisByCode(); // once, not per group
        for (var group : partsResult.groups().entrySet()) {
            List<FigurePart> all = group.getValue();
            FigurePart first = all.get(0);
            Kpi kpi = kpis.get(first.kpiCode());
            FigureParts.Total total = FigureParts.total(all, kpi.aggregation());
            String figureKey = first.period() + '|' + first.unitType() + '|' + first.unitCode() + '|' + first.kpiCode();
            FigureView own = latest.containsKey(figureKey) ? latest.get(figureKey)
                    : stored.containsKey(figureKey) && !storedFromParts.contains(figureKey) ? stored.get(figureKey) : null;
            if (own != null) {
                if (all.stream().anyMatch(p -> p.day() > 0) && disagree(own, total)) {
                    conflicts.add(new PartConflict(first.period(), first.unitType(), first.unitCode(), first.kpiCode(), own, total));
                }
                continue;
            }
            FigureView sum = normalised(new FigureView(first.period(), first.unitType(), first.unitCode(), first.kpiCode(),
                    total.target(), total.actual()));
            derived.add(sum);
            FigureView old = stored.get(figureKey);
            if (old == null) {
                inserts.add(new Object[] {sum.period(), sum.unitType(), sum.unitCode(), sum.kpiCode(), sum.target(),
                        sum.actual(), importedBy, now, sourceFile, true});
                changed.add(sum.period());
            } else if (!Objects.equals(old.target(), sum.target()) || !Objects.equals(old.actual(), sum.actual())) {
                updates.add(new Object[] {sum.target(), sum.actual(), importedBy, now, sourceFile, true, sum.period(),
                        sum.unitType(), sum.unitCode(), sum.kpiCode()});
                changed.add(sum.period());
            }
        }
        jdbcTemplate.batchUpdate("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, "
                + "imported_by, imported_at, source_file, from_parts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbcTemplate.batchUpdate("update figure set target = ?, actual = ?, imported_by = ?, imported_at = ?, "
                + "source_file = ?, from_parts = ? where period = ? and unit_type = ? and unit_code = ? and kpi_code = ?", updates);
        jdbcTemplate.batchUpdate("update figure set from_parts = false where period = ? and unit_code = ? and kpi_code = ?", nowOwn);
        int rowInserts = (int) inserts.stream().filter(i -> !(Boolean) i[9]).count();
        int rowUpdates = (int) updates.stream().filter(u -> !(Boolean) u[5]).count();
        return new StoreOutcome(new StoreSummary(rowInserts + partsResult.inserted(), rowUpdates + partsResult.updated(),
                unchanged, List.copyOf(changed)), derived, conflicts);
    }

    private record StorePartsResult(int inserted, int updated, int unchanged, Set<String> changedPeriods,
            Map<String, List<FigurePart>> groups) {}

    /**
     * Upserts the parts; answers, per unit, month and KPI that the parts touch, all its stored parts
     * after the store (what its figure is the aggregate of).
     */
    private StorePartsResult storeParts(Map<String, FigurePart> latest, Set<String> periods, String importedBy,
            Timestamp now, String sourceFile) {
        if (latest.isEmpty()) {
            return new StorePartsResult(0, 0, 0, Set.of(), Map.of());
        }
        Set<String> touched = new HashSet<>();
        latest.values().forEach(p -> touched.add(groupKey(p)));
        Map<String, FigurePart> stored = new LinkedHashMap<>();
        for (String period : periods) {
            Set<String> units = latest.values().stream().filter(p -> p.period().equals(period)).map(FigurePart::unitCode)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            List<String> unitList = List.copyOf(units);
            for (int from = 0; from < unitList.size(); from += 500) {
                jdbc.sql("select " + PART_COLUMNS + " from figure_part where period = :period and unit_code in (:units)")
                        .param("period", period).param("units", unitList.subList(from, Math.min(unitList.size(), from + 500)))
                        .query(PART).list().forEach(p -> {
                            FigurePart n = normalised(p);
                            if (touched.contains(groupKey(n))) {
                                stored.put(n.key(), n);
                            }
                        });
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        for (FigurePart p : latest.values()) {
            FigurePart old = stored.get(p.key());
            if (old == null) {
                inserts.add(new Object[] {p.period(), p.day(), p.unitType(), p.unitCode(), p.kpiCode(), p.product(),
                        p.channel(), p.customer(), p.target(), p.actual(), importedBy, now, sourceFile});
                changed.add(p.period());
            } else if (!Objects.equals(old.target(), p.target()) || !Objects.equals(old.actual(), p.actual())) {
                updates.add(new Object[] {p.target(), p.actual(), importedBy, now, sourceFile, p.period(), p.unitCode(),
                        p.kpiCode(), p.day(), p.product(), p.channel(), p.customer()});
                changed.add(p.period());
            }
            stored.put(p.key(), p);
        }
        jdbcTemplate.batchUpdate("insert into figure_part (period, day_of_month, unit_type, unit_code, kpi_code, product, "
                + "channel, customer, target, actual, imported_by, imported_at, source_file) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbcTemplate.batchUpdate("update figure_part set target = ?, actual = ?, imported_by = ?, imported_at = ?, source_file = ? "
                + "where period = ? and unit_code = ? and kpi_code = ? and day_of_month = ? and product = ? and channel = ? "
                + "and customer = ?", updates);
        Map<String, List<FigurePart>> groups = stored.values().stream()
                .collect(Collectors.groupingBy(FigureService::groupKey, LinkedHashMap::new, Collectors.toList()));
        return new StorePartsResult(inserts.size(), updates.size(), latest.size() - inserts.size() - updates.size(),
                changed, groups);
    }

    private static boolean disagree(FigureView own, FigureParts.Total total) {
        return differs(own.target(), total.target()) || differs(own.actual(), total.actual());
    }

    /** Both known and different at the stored precision; a value only one side has is no conflict. */
    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a != null && b != null && scaled(a).compareTo(scaled(b)) != 0;
    }

    private static String groupKey(FigurePart p) {
        return p.period() + '|' + p.unitCode() + '|' + p.kpiCode();
    }

    private static FigurePart normalised(FigurePart p) {
        return new FigurePart(p.period(), p.day(), p.unitType(), p.unitCode(), p.kpiCode(), p.product(), p.channel(),
                p.customer(), scaled(p.target()), scaled(p.actual()));
    }

    static final RowMapper<FigurePart> PART = (rs, n) -> new FigurePart(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBigDecimal(9), rs.getBigDecimal(10));
    static final String PART_COLUMNS = "period, day_of_month, unit_type, unit_code, kpi_code, product, channel, "
            + "customer, target, actual";

    /**
     * Per KPI code, the aggregate of the unit's daily actuals from {@code from} to {@code toInclusive}
     * ({@link FigureParts}: sum; mean for avg KPIs; the latest day's for last KPIs); KPIs without a
     * daily actual in the range are absent. Used by the weekly sales meeting and the 旬 reports.
     */
    public Map<String, BigDecimal> dailyActuals(String unitCode, java.time.LocalDate from, java.time.LocalDate toInclusive) {
        return actualsPerKpi(dailyParts(unitCode, from, toInclusive));
    }

    /**
     * Like {@link #dailyActuals}, for a unit with or without daily figures of its own: per month and KPI
     * its own days when it has any, otherwise its children's (each the same way, {@link Breakdown}), so
     * a department shows its people's days. One query for the whole subtree.
     */
    public Map<String, BigDecimal> dailyActualsRolledUp(String unitCode, java.time.LocalDate from,
            java.time.LocalDate toInclusive) {
        OrgUnit unit = organisation.findUnit(unitCode).orElse(null);
        if (unit == null || toInclusive.isBefore(from)) {
            return Map.of();
        }
        CompanyTree tree = CompanyTree.of(organisation, unit.companyCode());
        List<FigurePart> parts = inRange(parts(monthsBetween(from, toInclusive), tree.subtree(unitCode), null, true),
                from, toInclusive);
        List<FigurePart> effective = new ArrayList<>();
        parts.stream().collect(Collectors.groupingBy(p -> p.period() + '|' + p.kpiCode())).values().forEach(inMonth ->
                effective.addAll(Breakdown.effective(unitCode, inMonth.stream().collect(Collectors.groupingBy(FigurePart::unitCode)),
                        tree::children, new java.util.TreeSet<>())));
        return actualsPerKpi(effective);
    }

    /** Per KPI code, the aggregate of the parts' actuals with the KPI's aggregation; KPIs without an actual absent. */
    private Map<String, BigDecimal> actualsPerKpi(List<FigurePart> parts) {
        Map<String, Kpi> kpis = parts.isEmpty() ? Map.of() : kpisByCode();
        Map<String, BigDecimal> result = new java.util.TreeMap<>();
        parts.stream().collect(Collectors.groupingBy(FigurePart::kpiCode)).forEach((code, ofKpi) -> {
            Kpi kpi = kpis.get(code);
            BigDecimal v = kpi == null ? null : FigureParts.aggregate(ofKpi, FigurePart::actual, kpi.aggregation());
            if (v != null) {
                result.put(code, v);
            }
        });
        return result;
    }

    private Map<String, Kpi> kpisByCode() {
        Map<String, Kpi> kpis = new HashMap<>();
        catalog.all().forEach(k -> kpis.put(k.code(), k));
        return kpis;
    }

    /**
     * The stored parts of these months and units (chunks of 500 units), of the given KPIs (null: all),
     * only the days when {@code daily}.
     */
    List<FigurePart> parts(List<String> months, List<String> units, Collection<String> kpis, boolean daily) {
        List<FigurePart> result = new ArrayList<>();
        for (int from = 0; from < units.size(); from += 500) {
            result.addAll(jdbc.sql("select " + PART_COLUMNS + " from figure_part where period in (:months) "
                            + "and unit_code in (:units)" + (kpis == null ? "" : " and kpi_code in (:kpis)")
                            + (daily ? " and day_of_month > 0" : ""))
                    .param("months", months).param("units", units.subList(from, Math.min(units.size(), from + 500)))
                    .param("kpis", kpis == null ? List.of("") : List.copyOf(kpis)).query(PART).list());
        }
        return result;
    }

    private static List<String> monthsBetween(java.time.LocalDate from, java.time.LocalDate toInclusive) {
        List<String> months = new ArrayList<>();
        for (var m = java.time.YearMonth.from(from); !m.isAfter(java.time.YearMonth.from(toInclusive)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** The daily parts between the two days, oldest first. */
    private static List<FigurePart> inRange(List<FigurePart> parts, java.time.LocalDate from, java.time.LocalDate toInclusive) {
        return FigureParts.daily(parts.stream().filter(p -> {
            var day = java.time.YearMonth.parse(p.period()).atDay(p.day());
            return !day.isBefore(from) && !day.isAfter(toInclusive);
        }).toList());
    }

    /** The unit's daily parts (any dimension) from {@code from} to {@code toInclusive}, oldest first. */
    public List<FigurePart> dailyParts(String unitCode, java.time.LocalDate from, java.time.LocalDate toInclusive) {
        if (toInclusive.isBefore(from)) {
            return List.of();
        }
        return inRange(parts(monthsBetween(from, toInclusive), List.of(unitCode), null, true), from, toInclusive);
    }

    /** The stored figures of a month; unitType and unitCode are optional filters. */
    public List<FigureView> figures(String period, String unitType, String unitCode) {
        return jdbc.sql("select " + COLUMNS + " from figure where period = :period"
                        + " and (cast(:unitType as varchar(16)) is null or unit_type = :unitType)"
                        + " and (cast(:unitCode as varchar(64)) is null or unit_code = :unitCode)"
                        + " order by unit_type, unit_code, kpi_code")
                .param("period", period).param("unitType", unitType).param("unitCode", unitCode)
                .query(ROW).list();
    }

    /**
     * The stored figures of the given months and units (for the checks of an import: its units, their
     * children and the months before), read in chunks of 500 units.
     */
    public List<FigureView> figuresOf(java.util.Collection<String> periods, java.util.Collection<String> unitCodes) {
        List<FigureView> result = new java.util.ArrayList<>();
        if (periods.isEmpty() || unitCodes.isEmpty()) {
            return result;
        }
        List<String> units = List.copyOf(new java.util.TreeSet<>(unitCodes));
        for (int from = 0; from < units.size(); from += 500) {
            result.addAll(jdbc.sql("select " + COLUMNS + " from figure where period in (:periods) and unit_code in (:units)")
                    .param("periods", List.copyOf(periods)).param("units", units.subList(from, Math.min(units.size(), from + 500)))
                    .query(ROW).list());
        }
        return result;
    }

    /** Every month that has figures, oldest first. */
    public List<String> periods() {
        return jdbc.sql("select distinct period from figure order by period").query(String.class).list();
    }

    /**
     * Streams the month's figure rows into the calculation, one transient row at a time (no list of
     * 1.2 million rows). Codes go through {@code codes} so that every row of a unit shares one String.
     * With {@code targets} false (earlier months: only the actual matters, and whether a target
     * exists for roll-ups) the target is not read: {@link BigDecimal#ZERO} stands for "reported".
     */
    void calculationFigures(String period, boolean targets, Map<String, String> codes,
            java.util.function.Consumer<? super KpiCalculator.Figure> sink) {
        String target = targets ? "target" : "target is not null";
        jdbcTemplate.query(con -> {
            var ps = con.prepareStatement("select unit_type, unit_code, kpi_code, " + target + ", actual from figure where period = ?");
            ps.setFetchSize(10_000); // a cursor inside the transaction: rows arrive in batches, not all at once
            ps.setString(1, period);
            return ps;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(new KpiCalculator.Figure(
                codes.computeIfAbsent(rs.getString(1), c -> c), codes.computeIfAbsent(rs.getString(2), c -> c),
                codes.computeIfAbsent(rs.getString(3), c -> c),
                targets ? rs.getBigDecimal(4) : rs.getBoolean(4) ? BigDecimal.ZERO : null, rs.getBigDecimal(5))));
    }

    /**
     * Figures of the company's units (any type) for the month (for a longer period: its months) that have a target or an actual,
     * counting only KPIs reported by {@code sourceDepartment} (a group id; null = every KPI).
     */
    public long countFigures(String companyCode, String period, String sourceDepartment) {
        ReportingPeriod longer = longer(period);
        if (longer != null) {
            // a quarter's, half year's or year's review: what has arrived for any of its months
            return longer.months().stream().mapToLong(m -> countFigures(companyCode, m.toString(), sourceDepartment)).sum();
        }
        // one count in the database: this runs for every collection task and after every import
        return jdbc.sql("select count(*) from figure f join org_unit u on u.code = f.unit_code "
                        + "join kpi k on k.code = f.kpi_code where f.period = :period and u.company_code = :company "
                        + "and (f.target is not null or f.actual is not null) "
                        + "and (cast(:department as varchar(64)) is null or k.source_department = :department)")
                .param("period", period).param("company", companyCode).param("department", sourceDepartment)
                .query(Long.class).single();
    }

    /**
     * What a department still owes for the month, as {@code "SALES_AMOUNT @ company ACME"}. Rule:
     * for every KPI whose source department is {@code departmentRole} (and that is owed in the
     * collection, i.e. not fed by a report template), the company unit needs both
     * target and actual — its own figure row, or, when it has no row of its own, at least one of
     * its people with both target and actual (the roll-up the calculation would use).
     */
    public List<String> missingFigures(String companyCode, String period, String departmentRole) {
        ReportingPeriod longer = longer(period);
        if (longer != null) {
            // a longer review needs every one of its months, each named: "SALES_AMOUNT @ company ACME (2026-08)"
            List<String> missing = new ArrayList<>();
            for (var month : longer.months()) {
                missingFigures(companyCode, month.toString(), departmentRole)
                        .forEach(m -> missing.add(m + " (" + month + ")"));
            }
            return missing;
        }
        Set<String> persons = organisation.units(companyCode, OrgUnit.PERSON).stream().map(OrgUnit::code)
                .collect(Collectors.toSet());
        Map<String, FigureView> companyRows = new HashMap<>();
        Set<String> rollUpPossible = new HashSet<>();
        for (FigureView f : companyFigures(companyCode, period)) {
            if (f.unitCode().equals(companyCode) && OrgUnit.COMPANY.equals(f.unitType())) {
                companyRows.put(f.kpiCode(), f);
            } else if (persons.contains(f.unitCode()) && f.target() != null && f.actual() != null) {
                rollUpPossible.add(f.kpiCode());
            }
        }
        List<String> missing = new ArrayList<>();
        // a KPI a report template feeds (MARKET_SHARE, issue 16) is not owed as a figure
        Set<String> notOwed = Set.copyOf(jdbc.sql("select code from kpi where not owed_in_collection").query(String.class).list());
        for (Kpi kpi : catalog.all()) {
            if (!kpi.sourceDepartment().equals(departmentRole) || notOwed.contains(kpi.code())) {
                continue;
            }
            FigureView own = companyRows.get(kpi.code());
            boolean complete = own != null ? own.target() != null && own.actual() != null : rollUpPossible.contains(kpi.code());
            if (!complete) {
                missing.add(kpi.code() + " @ company " + companyCode);
            }
        }
        return missing;
    }

    /** A quarter, half year or year; null for a month. */
    private static ReportingPeriod longer(String period) {
        if (period == null || com.perftrack.calendar.Period.isValid(period)) {
            return null;
        }
        ReportingPeriod parsed = ReportingPeriod.parse(period);
        return parsed.monthly() ? null : parsed;
    }

    /**
     * The doubtful figures ({@link SuspiciousFigures}, issue 15) among the company's stored figures of the
     * KPIs the department reports, for the period (each month of a longer period), as sentences; the
     * department's collection task asks for a tick 已核实 while there are any.
     */
    public List<String> doubtfulFigures(String companyCode, String period, String departmentRole) {
        ReportingPeriod longer = longer(period);
        List<String> months = longer != null ? longer.months().stream().map(Period::toString).toList() : List.of(period);
        Map<String, Kpi> kpis = new HashMap<>();
        catalog.all().stream().filter(k -> departmentRole == null || departmentRole.equals(k.sourceDepartment()))
                .forEach(k -> kpis.put(k.code(), k));
        // the company's own tree (not the installation's)
        Map<String, List<String>> children = CompanyTree.of(organisation, companyCode).childrenByParent();
        List<String> result = new ArrayList<>();
        for (String month : months) {
            List<FigureView> rows = companyFigures(companyCode, month).stream().filter(f -> kpis.containsKey(f.kpiCode()))
                    .toList();
            suspicious(rows, kpis, children).forEach(w -> result.add(w.message()));
        }
        return result;
    }

    /**
     * {@link SuspiciousFigures} for these rows (an import file's, or a month's stored ones), with the stored
     * figures they are compared with: their units' and those units' children's, in their months and the
     * six months before, read once.
     */
    public List<SuspiciousFigures.Warning> suspicious(List<FigureView> rows, Map<String, Kpi> kpis,
            Map<String, List<String>> children) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> periods = new HashSet<>();
        Set<String> units = new HashSet<>();
        for (FigureView r : rows) {
            Period month = Period.parse(r.period());
            for (int back = 0; back <= 6; back++) {
                periods.add(month.minusMonths(back).toString());
            }
            units.add(r.unitCode());
            units.addAll(children.getOrDefault(r.unitCode(), List.of()));
        }
        // by month, then unit and KPI, of the file's KPIs only
        Set<String> kpiCodes = rows.stream().map(FigureView::kpiCode).collect(Collectors.toSet());
        Map<String, Map<String, FigureView>> stored = new HashMap<>();
        figuresOf(periods, units).forEach(f -> {
            if (kpiCodes.contains(f.kpiCode())) {
                stored.computeIfAbsent(f.period(), p -> new HashMap<>()).put(f.unitCode() + '|' + f.kpiCode(), f);
            }
        });
        return SuspiciousFigures.check(rows, kpis, code -> children.getOrDefault(code, List.of()), (p, u, k) -> {
            Map<String, FigureView> month = stored.get(p);
            return month == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(month.get(u + '|' + k));
        });
    }

    /** The month's figures of one company's units, not the whole installation's. */
    private List<FigureView> companyFigures(String companyCode, String period) {
        return jdbc.sql("select f.period, f.unit_type, f.unit_code, f.kpi_code, f.target, f.actual from figure f "
                        + "join org_unit u on u.code = f.unit_code where f.period = ? and u.company_code = ?")
                .params(period, companyCode).query(ROW).list();
    }

    private static String key(FigureView f) {
        return f.period() + '|' + f.unitType() + '|' + f.unitCode() + '|' + f.kpiCode();
    }

    private static FigureView normalised(FigureView f) {
        return new FigureView(f.period(), f.unitType(), f.unitCode(), f.kpiCode(), scaled(f.target()), scaled(f.actual()));
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(KpiCalculator.SCALE, RoundingMode.HALF_UP);
    }

    static Collection<String> touched(Collection<FigureView> rows) {
        return rows.stream().map(FigureView::period).distinct().sorted().toList();
    }
}
