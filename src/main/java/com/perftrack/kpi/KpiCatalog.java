package com.perftrack.kpi;

import com.perftrack.calendar.Quarter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI catalogue and the weights (tables {@code kpi}, {@code kpi_weight}, {@code kpi_weight_set}),
 * data the company owns (SPEC.md section 7).
 *
 * <p>Which weights a person's role has in a quarter: the company's latest set for the role whose
 * {@code valid_from} is not after the quarter; else the company's latest {@code employee} set (a role
 * without weights of its own is weighted like every employee, as before sets existed); else the
 * built-in section 4 defaults of the role, else of {@code employee}.
 */
@Service
public class KpiCatalog {

    public static final String DEFAULT_ROLE = "employee";

    /** Where a weight set comes from: a company's imported set, or the built-in section 4 defaults. */
    public static final String IMPORTED = "imported";
    public static final String DEFAULT = "default";

    private static final RowMapper<Kpi> ROW = (rs, n) -> new Kpi(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
    private static final String COLUMNS = "code, name_zh, name_en, unit, direction, aggregation, source_department, decimals";

    /** One weight set: the weights of a role from {@code validFrom} on ({@code null} for the defaults). */
    public record WeightSet(String companyCode, String role, String validFrom, Map<String, BigDecimal> weights,
            String source) {}

    /** The KPIs a role weights, per company (persons' data gaps: a weighted KPI not reported). */
    @FunctionalInterface
    public interface WeightedKpis {
        Set<String> of(String companyCode, String role);

        /** The same weighted KPIs for every company, looked up by role with {@code employee} as fallback. */
        static WeightedKpis byRole(Map<String, Set<String>> byRole) {
            return (company, role) -> byRole.getOrDefault(role, byRole.getOrDefault(DEFAULT_ROLE, Set.of()));
        }
    }

    /** A line of a catalogue import, checked. */
    public record CatalogueRow(String code, String nameZh, String nameEn, String unit, String aggregation,
            String direction, int decimals, String sourceRole) {}

    /** A line of a weights import, checked. */
    public record WeightRow(String companyCode, String role, String kpiCode, BigDecimal weight, String validFrom) {}

    public record StoreSummary(int inserted, int updated, int unchanged) {}

    private final JdbcClient jdbc;

    public KpiCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Kpi> all() {
        return jdbc.sql("select " + COLUMNS + " from kpi order by sort_order, code").query(ROW).list();
    }

    public Optional<Kpi> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from kpi where code = ?").param(code).query(ROW).optional();
    }

    public boolean exists(String code) {
        return code != null && find(code).isPresent();
    }

    /** The KPI codes that have at least one stored figure: their aggregation and direction are fixed. */
    public Set<String> codesWithFigures() {
        return new TreeSet<>(jdbc.sql("select distinct kpi_code from figure").query(String.class).list());
    }

    /**
     * Adds the new codes and updates names, unit text, decimals and source role of the known ones; a
     * change of aggregation or direction is for the caller to have refused before (codes with figures).
     */
    @Transactional
    public StoreSummary store(List<CatalogueRow> rows, String user, Instant now) {
        Map<String, Kpi> known = new HashMap<>();
        all().forEach(k -> known.put(k.code(), k));
        int nextOrder = jdbc.sql("select coalesce(max(sort_order), 0) from kpi").query(Integer.class).single();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (CatalogueRow row : rows) {
            Kpi before = known.get(row.code());
            if (before == null) {
                nextOrder += 10;
                jdbc.sql("insert into kpi (code, name_zh, name_en, unit, direction, aggregation, source_department, "
                        + "sort_order, decimals, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(row.code(), row.nameZh(), row.nameEn(), row.unit(), row.direction(), row.aggregation(),
                                row.sourceRole(), nextOrder, row.decimals(), user, Timestamp.from(now))
                        .update();
                inserted++;
            } else if (before.equals(new Kpi(row.code(), row.nameZh(), row.nameEn(), row.unit(), row.direction(),
                    row.aggregation(), row.sourceRole(), row.decimals()))) {
                unchanged++;
            } else {
                jdbc.sql("update kpi set name_zh = ?, name_en = ?, unit = ?, direction = ?, aggregation = ?, "
                        + "source_department = ?, decimals = ?, updated_by = ?, updated_at = ? where code = ?")
                        .params(row.nameZh(), row.nameEn(), row.unit(), row.direction(), row.aggregation(),
                                row.sourceRole(), row.decimals(), user, Timestamp.from(now), row.code())
                        .update();
                updated++;
            }
        }
        return new StoreSummary(inserted, updated, unchanged);
    }

    /**
     * Replaces each (company, role, valid_from) set named by the rows with exactly those rows; sets the
     * file does not name stay as they are.
     */
    @Transactional
    public StoreSummary storeWeights(List<WeightRow> rows, String user, Instant now) {
        Map<List<String>, Map<String, BigDecimal>> sets = new LinkedHashMap<>();
        for (WeightRow row : rows) {
            sets.computeIfAbsent(List.of(row.companyCode(), row.role(), row.validFrom()), k -> new LinkedHashMap<>())
                    .put(row.kpiCode(), row.weight());
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (var set : sets.entrySet()) {
            String company = set.getKey().get(0);
            String role = set.getKey().get(1);
            String validFrom = set.getKey().get(2);
            Map<String, BigDecimal> before = storedSet(company, role, validFrom);
            if (sameWeights(before, set.getValue())) {
                unchanged++;
                continue;
            }
            jdbc.sql("delete from kpi_weight_set where company_code = ? and role = ? and valid_from = ?")
                    .params(company, role, validFrom).update();
            for (var weight : set.getValue().entrySet()) {
                jdbc.sql("insert into kpi_weight_set (company_code, role, valid_from, kpi_code, weight, imported_by, "
                        + "imported_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(company, role, validFrom, weight.getKey(), weight.getValue(), user, Timestamp.from(now))
                        .update();
            }
            if (before.isEmpty()) {
                inserted++;
            } else {
                updated++;
            }
        }
        return new StoreSummary(inserted, updated, unchanged);
    }

    private static boolean sameWeights(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private Map<String, BigDecimal> storedSet(String company, String role, String validFrom) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("select kpi_code, weight from kpi_weight_set where company_code = ? and role = ? and valid_from = ? "
                + "order by kpi_code").params(company, role, validFrom)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return result;
    }

    /** The weight set that applies to a person of {@code role} in {@code companyCode} in {@code quarter}. */
    public WeightSet weights(String companyCode, String role, Quarter quarter) {
        String r = role == null || role.isBlank() ? DEFAULT_ROLE : role;
        return imported(companyCode, r, quarter)
                .or(() -> r.equals(DEFAULT_ROLE) ? Optional.empty() : imported(companyCode, DEFAULT_ROLE, quarter))
                .orElseGet(() -> {
                    Map<String, BigDecimal> own = defaults(r);
                    return own.isEmpty() ? new WeightSet(companyCode, r, null, defaults(DEFAULT_ROLE), DEFAULT)
                            : new WeightSet(companyCode, r, null, own, DEFAULT);
                });
    }

    private Optional<WeightSet> imported(String companyCode, String role, Quarter quarter) {
        if (companyCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select max(valid_from) from kpi_weight_set where company_code = ? and role = ? and valid_from <= ?")
                .params(companyCode, role, quarter.toString()).query(String.class).optional()
                .map(validFrom -> new WeightSet(companyCode, role, validFrom, storedSet(companyCode, role, validFrom),
                        IMPORTED));
    }

    /** Every imported set of a company, oldest first, and the built-in defaults. */
    public List<WeightSet> weightSets(String companyCode) {
        List<WeightSet> result = new ArrayList<>();
        jdbc.sql("select distinct role, valid_from from kpi_weight_set where company_code = ? order by role, valid_from")
                .param(companyCode)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list()
                .forEach(k -> result.add(new WeightSet(companyCode, k.get(0), k.get(1),
                        storedSet(companyCode, k.get(0), k.get(1)), IMPORTED)));
        for (String role : jdbc.sql("select distinct role from kpi_weight order by role").query(String.class).list()) {
            result.add(new WeightSet(companyCode, role, null, defaults(role), DEFAULT));
        }
        return result;
    }

    /** The roles a company's people have and the roles with weights of the company or the defaults. */
    public Set<String> weightedRoles(String companyCode) {
        Set<String> roles = new TreeSet<>(jdbc.sql("select distinct role from kpi_weight").query(String.class).list());
        roles.addAll(jdbc.sql("select distinct role from kpi_weight_set where company_code = ?").param(companyCode)
                .query(String.class).list());
        return roles;
    }

    /**
     * The KPIs each role weights in the quarter of {@code month}, per company: one query for the
     * imported sets, the rest from memory.
     */
    public WeightedKpis weightedKpis(Quarter quarter) {
        Map<String, Set<String>> defaults = new HashMap<>();
        jdbc.sql("select role, kpi_code from kpi_weight").query(rs -> {
            defaults.computeIfAbsent(rs.getString(1), r -> new TreeSet<>()).add(rs.getString(2));
        });
        // per company and role: the latest set not after the quarter
        Map<String, Map<String, String>> latest = new HashMap<>();
        Map<String, Set<String>> codes = new HashMap<>();
        jdbc.sql("select company_code, role, valid_from, kpi_code from kpi_weight_set where valid_from <= ? "
                + "order by company_code, role, valid_from").param(quarter.toString()).query(rs -> {
                    String company = rs.getString(1);
                    String role = rs.getString(2);
                    String validFrom = rs.getString(3);
                    String previous = latest.computeIfAbsent(company, c -> new HashMap<>()).put(role, validFrom);
                    String key = company + '\u0000' + role;
                    if (previous != null && !previous.equals(validFrom)) {
                        codes.remove(key); // a later set replaces the earlier one entirely
                    }
                    codes.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString(4));
                });
        WeightedKpis builtIn = WeightedKpis.byRole(defaults);
        return (company, role) -> {
            String r = role == null || role.isBlank() ? DEFAULT_ROLE : role;
            Set<String> own = codes.get(company + '\u0000' + r);
            if (own == null) {
                own = codes.get(company + '\u0000' + DEFAULT_ROLE);
            }
            return own != null ? own : builtIn.of(company, r);
        };
    }

    private Map<String, BigDecimal> defaults(String role) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("select kpi_code, weight from kpi_weight where role = ? order by kpi_code").param(role)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return result;
    }
}
