package com.perftrack.kpi;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Targets that add up (issue 14): reads one month's targets of a company, the people's summed per
 * parent in the database, and asks {@link TargetConsistency} where children's targets do not add
 * up to their parent's. Used by {@code GET /api/target-consistency} and by the figures import.
 */
@Service
public class TargetConsistencyService {

    private final JdbcClient jdbc;
    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final TargetConsistency consistency;

    TargetConsistencyService(JdbcClient jdbc, OrganisationService organisation, KpiCatalog catalog,
            TargetConsistencySettings settings) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.catalog = catalog;
        this.consistency = new TargetConsistency(settings.tolerance());
    }

    /** A company's month: every {@code sum} KPI. */
    public List<TargetConsistencyView> check(String period, String companyCode) {
        return check(Map.of(period, Set.of()), List.of(companyCode));
    }

    /**
     * The months of {@code kpisByPeriod} (an empty set = every {@code sum} KPI; else only those) for
     * each of {@code companyCodes}, companies in the given order.
     */
    public List<TargetConsistencyView> check(Map<String, Set<String>> kpisByPeriod, Collection<String> companyCodes) {
        List<Kpi> sumKpis = catalog.all().stream().filter(k -> "sum".equals(k.aggregation())).toList();
        Map<String, List<OrgUnit>> unitsByCompany = organisation.allUnits().stream()
                .collect(Collectors.groupingBy(OrgUnit::companyCode));
        List<TargetConsistencyView> found = new ArrayList<>();
        for (String company : companyCodes) {
            List<OrgUnit> units = unitsByCompany.getOrDefault(company, List.of());
            for (var entry : kpisByPeriod.entrySet()) {
                List<Kpi> kpis = entry.getValue().isEmpty() ? sumKpis
                        : sumKpis.stream().filter(k -> entry.getValue().contains(k.code())).toList();
                if (!units.isEmpty() && !kpis.isEmpty()) {
                    found.addAll(consistency.check(month(entry.getKey(), company, kpis), units, kpis));
                }
            }
        }
        return found;
    }

    private TargetConsistency.Month month(String period, String company, List<Kpi> kpis) {
        List<String> codes = kpis.stream().map(Kpi::code).toList();
        Map<String, Map<String, TargetConsistency.Own>> own = new HashMap<>();
        jdbc.sql("select f.unit_code, f.kpi_code, f.target, f.actual from figure f "
                        + "join org_unit u on u.code = f.unit_code and u.unit_type = f.unit_type "
                        + "where f.period = :period and u.company_code = :company and u.unit_type <> 'person' "
                        + "and f.kpi_code in (:kpis)")
                .param("period", period).param("company", company).param("kpis", codes)
                .query(rs -> {
                    BigDecimal target = rs.getBigDecimal(3);
                    boolean reported = target != null || rs.getBigDecimal(4) != null;
                    own.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
                            .put(rs.getString(2), new TargetConsistency.Own(target, reported));
                });
        Map<String, Map<String, TargetConsistency.PersonTotals>> persons = new HashMap<>();
        // people are summed here: a month may hold 100,000 of them
        jdbc.sql("select u.parent_code, f.kpi_code, coalesce(sum(f.target), 0), count(f.target), "
                        + "count(case when f.target is not null or f.actual is not null then 1 end) from figure f "
                        + "join org_unit u on u.code = f.unit_code and u.unit_type = f.unit_type "
                        + "where f.period = :period and u.company_code = :company and u.unit_type = 'person' "
                        + "and f.kpi_code in (:kpis) group by u.parent_code, f.kpi_code")
                .param("period", period).param("company", company).param("kpis", codes)
                .query(rs -> {
                    persons.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2),
                            new TargetConsistency.PersonTotals(rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)));
                });
        return new TargetConsistency.Month(period, own, persons, (parent, kpi) -> jdbc.sql(
                        "select u.code from org_unit u where u.parent_code = :parent and u.unit_type = 'person' "
                                + "and not exists (select 1 from figure f where f.period = :period and f.unit_type = 'person' "
                                + "and f.unit_code = u.code and f.kpi_code = :kpi and f.target is not null) order by u.code")
                .param("parent", parent).param("period", period).param("kpi", kpi).query(String.class).list());
    }
}
