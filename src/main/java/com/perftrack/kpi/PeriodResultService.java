package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Results and data gaps of quarters, half years and years (SPEC.md section 7 "Periods"), computed
 * on read from the stored monthly results ({@link PeriodResults}) and kept until one of the months
 * they were computed from changes (the caller passes that months' results version). One read of
 * the period's, the previous period's and the year-earlier period's monthly rows, cut to the
 * peer groups the question needs: a unit type, or a named unit's company and type.
 */
@Service
class PeriodResultService {

    static final int MAX_CACHED = 64;

    private final JdbcClient jdbc;
    private final KpiCatalog catalog;
    private final KpiStatusRules statusRules;
    private final KpiSettings settings;
    private final OrganisationService organisation;
    private final Map<String, PeriodResults.Calculated> cache = new ConcurrentHashMap<>();

    PeriodResultService(JdbcClient jdbc, KpiCatalog catalog, KpiStatusRules statusRules, KpiSettings settings,
            OrganisationService organisation) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.statusRules = statusRules;
        this.settings = settings;
        this.organisation = organisation;
    }

    /** The months whose results the period's answer depends on, oldest first (for the version). */
    static Period firstMonthRead(ReportingPeriod period) {
        return period.sameLastYear().first();
    }

    List<KpiResultView> results(ReportingPeriod period, String unitType, String unitCode, String kpiCode, long version) {
        return calculated(period, unitType, unitCode, kpiCode, version).results().stream()
                .filter(r -> unitCode == null || r.unitCode().equals(unitCode)).toList();
    }

    List<DataGapView> dataGaps(ReportingPeriod period, String unitType, String unitCode, long version) {
        PeriodResults.Calculated calculated = calculated(period, unitType, unitCode, null, version);
        Map<String, DataGapView> gaps = new LinkedHashMap<>();
        calculated.gaps().stream().filter(g -> unitCode == null || g.unitCode().equals(unitCode))
                .forEach(g -> gaps.put(key(g), g));
        // a unit without a single figure row in the period (e.g. a weighted KPI a person never
        // reported) has no result row: its months' stored gaps still list it
        Set<String> withRows = calculated.results().stream()
                .map(r -> r.unitType() + '|' + r.unitCode() + '|' + r.kpiCode()).collect(Collectors.toSet());
        for (DataGapView g : storedGaps(period, unitType, unitCode)) {
            if (!KpiCalculator.TARGET_ZERO.equals(g.missing())
                    && !withRows.contains(g.unitType() + '|' + g.unitCode() + '|' + g.kpiCode())) {
                gaps.putIfAbsent(key(g), g);
            }
        }
        return gaps.values().stream().sorted(Comparator.comparing(DataGapView::unitType)
                .thenComparing(DataGapView::unitCode).thenComparing(DataGapView::kpiCode)
                .thenComparing(DataGapView::period)).toList();
    }

    private static String key(DataGapView g) {
        return g.period() + '|' + g.unitType() + '|' + g.unitCode() + '|' + g.kpiCode();
    }

    private PeriodResults.Calculated calculated(ReportingPeriod period, String unitType, String unitCode, String kpiCode,
            long version) {
        // ranks need the whole peer group: a named unit reads its company's units of its type
        String type = unitType;
        String company = null;
        if (unitCode != null) {
            OrgUnit unit = organisation.findUnit(unitCode).orElse(null);
            if (unit == null || (unitType != null && !unitType.equals(unit.unitType()))) {
                return new PeriodResults.Calculated(List.of(), List.of());
            }
            type = unit.unitType();
            company = unit.companyCode();
        }
        String key = version + "|" + period + "|" + type + "|" + company + "|" + kpiCode;
        PeriodResults.Calculated hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        PeriodResults.Calculated computed = compute(period, type, company, kpiCode);
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // answers of older versions are never asked for again
        }
        cache.put(key, computed);
        return computed;
    }

    private PeriodResults.Calculated compute(ReportingPeriod period, String unitType, String companyCode, String kpiCode) {
        List<String> months = new ArrayList<>();
        for (ReportingPeriod p : List.of(period, period.previous(), period.sameLastYear())) {
            p.months().forEach(m -> months.add(m.toString()));
        }
        StringBuilder sql = new StringBuilder("select period, unit_type, unit_code, kpi_code, company_code, target, actual "
                + "from kpi_result where period in (:months)");
        Map<String, Object> params = new HashMap<>();
        params.put("months", months.stream().distinct().toList());
        if (unitType != null) {
            sql.append(" and unit_type = :unitType");
            params.put("unitType", unitType);
        }
        if (companyCode != null) {
            sql.append(" and company_code = :companyCode");
            params.put("companyCode", companyCode);
        }
        if (kpiCode != null) {
            sql.append(" and kpi_code = :kpiCode");
            params.put("kpiCode", kpiCode);
        }
        List<PeriodResults.MonthRow> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new PeriodResults.MonthRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
        Map<String, Kpi> kpis = catalog.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        Map<String, String> roles = new HashMap<>();
        if (unitType == null || OrgUnit.PERSON.equals(unitType)) {
            organisation.allUnits().stream().filter(OrgUnit::isPerson)
                    .forEach(u -> roles.put(u.code(), Objects.toString(u.role(), null)));
        }
        StatusTable status = statusRules.load();
        return new PeriodResults(settings.attainmentCap(), status::status).calculate(period, rows, kpis, roles);
    }

    private List<DataGapView> storedGaps(ReportingPeriod period, String unitType, String unitCode) {
        StringBuilder sql = new StringBuilder("select period, unit_type, unit_code, kpi_code, company_code, missing "
                + "from kpi_data_gap where period in (:months)");
        Map<String, Object> params = new HashMap<>();
        params.put("months", period.months().stream().map(Period::toString).toList());
        if (unitType != null) {
            sql.append(" and unit_type = :unitType");
            params.put("unitType", unitType);
        }
        if (unitCode != null) {
            sql.append(" and unit_code = :unitCode");
            params.put("unitCode", unitCode);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new DataGapView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }
}
