package com.perftrack.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The KPI catalogue (tables {@code kpi}, {@code kpi_weight}). */
@Service
public class KpiCatalog {

    private static final RowMapper<Kpi> ROW = (rs, n) -> new Kpi(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    private static final String COLUMNS = "code, name_zh, name_en, unit, direction, aggregation, source_department";

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

    /** KPI weights of a role, falling back to {@code employee} when the role has none of its own. */
    public Map<String, BigDecimal> weights(String role) {
        Map<String, BigDecimal> weights = weightsOf(role == null ? "employee" : role);
        return weights.isEmpty() ? weightsOf("employee") : weights;
    }

    /** For every role with weights, the KPI codes it weights. */
    public Map<String, java.util.Set<String>> weightedKpisByRole() {
        Map<String, java.util.Set<String>> result = new LinkedHashMap<>();
        jdbc.sql("select role, kpi_code from kpi_weight order by role, kpi_code").query(rs -> {
            result.computeIfAbsent(rs.getString(1), r -> new java.util.TreeSet<>()).add(rs.getString(2));
        });
        return result;
    }

    private Map<String, BigDecimal> weightsOf(String role) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("select kpi_code, weight from kpi_weight where role = ? order by kpi_code").param(role)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return result;
    }
}
