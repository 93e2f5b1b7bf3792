package com.perftrack.dashboard;

import static com.perftrack.dashboard.DashboardViews.plain;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.dashboard.DashboardViews.*;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's data, read through the kpi and organisation services: one results query per
 * panel (a month of one unit, every month of one unit, or a month of one unit type), shaped here.
 */
@Service
class DashboardService {

    static final int FORECAST_HORIZON = 3;
    static final ForecastMethod FORECAST_METHOD = new ForecastMethod(LinearTrendForecast.METHOD,
            LinearTrendForecast.METHOD_ZH, LinearTrendForecast.METHOD_EN);

    private final KpiResultService results;
    private final FigureService figures;
    private final KpiCatalog catalog;
    private final OrganisationService organisation;
    private final CompanySettings company;

    DashboardService(KpiResultService results, FigureService figures, KpiCatalog catalog,
            OrganisationService organisation, CompanySettings company) {
        this.results = results;
        this.figures = figures;
        this.catalog = catalog;
        this.organisation = organisation;
        this.company = company;
    }

    Filters filters(DashboardScope scope) {
        List<String> periods = figures.periods();
        List<UnitInfo> companies = organisation.companies().stream()
                .filter(c -> scope.canSeeCompany(c.code())).map(DashboardService::info).toList();
        String defaultCompany = companies.stream().map(UnitInfo::code).filter(company.code()::equals).findFirst()
                .orElse(companies.isEmpty() ? null : companies.get(0).code());
        return new Filters(scope.userId(), scope.everything(), periods,
                periods.isEmpty() ? null : periods.get(periods.size() - 1), longerPeriods(periods), defaultCompany, companies,
                catalog.all().stream().map(k -> new KpiInfo(k.code(), k.nameZh(), k.nameEn(), k.unit(), k.direction(), k.decimals()))
                        .toList(), FORECAST_METHOD);
    }

    /**
     * The quarters, half years and years that hold at least one month with figures, oldest first
     * within each length (quarters, then half years, then years).
     */
    static List<String> longerPeriods(List<String> months) {
        List<String> longer = new ArrayList<>();
        for (ReportingPeriod.Length length : List.of(ReportingPeriod.Length.QUARTER, ReportingPeriod.Length.HALF_YEAR,
                ReportingPeriod.Length.YEAR)) {
            java.util.TreeSet<ReportingPeriod> spans = new java.util.TreeSet<>();
            for (String month : months) {
                Period m = Period.parse(month);
                int number = (m.month().getMonthValue() - 1) / length.months() + 1;
                spans.add(new ReportingPeriod(length, m.month().getYear(), number));
            }
            spans.forEach(p -> longer.add(p.toString()));
        }
        return longer;
    }

    /** The units of a company the caller may pick: the company, then departments, regions, people. */
    List<UnitInfo> units(DashboardScope scope, String companyCode) {
        if (!scope.canSeeCompany(companyCode)) {
            scope.reader().requireCompany(companyCode);
        }
        List<UnitInfo> units = new ArrayList<>();
        for (String type : List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
            organisation.units(companyCode, type).stream().filter(scope::canSee)
                    .map(DashboardService::info).forEach(units::add);
        }
        return units;
    }

    Summary summary(DashboardScope scope, String period, String unitCode) {
        OrgUnit unit = visibleUnit(scope, unitCode);
        Map<String, KpiResultView> byKpi = results.results(period, unit.unitType(), unit.code()).stream()
                .collect(Collectors.toMap(KpiResultView::kpiCode, Function.identity()));
        List<Card> cards = new ArrayList<>();
        for (Kpi kpi : catalog.all()) {
            if (kpi.code().startsWith("FUNNEL_")) {
                continue; // the funnel panel shows these
            }
            KpiResultView r = byKpi.get(kpi.code());
            cards.add(r == null
                    ? new Card(kpi.code(), kpi.nameZh(), kpi.nameEn(), kpi.unit(), kpi.direction(), null, null, null,
                            null, null, null, null, null, null)
                    : new Card(kpi.code(), kpi.nameZh(), kpi.nameEn(), kpi.unit(), kpi.direction(), r.target(),
                            r.actual(), r.deviation(), r.deviationPct(), r.attainment(), r.momGrowth(), r.yoyGrowth(),
                            r.status(), r.rank()));
        }
        List<Gap> gaps = results.dataGaps(period, unit.unitType(), unit.code()).stream()
                .map(g -> new Gap(g.unitType(), g.unitCode(), g.kpiCode(), g.missing())).toList();
        return new Summary(period, info(unit), cards, gaps);
    }

    /** Every KPI's monthly target and actual over {@code months} months up to {@code to}, with the forecast. */
    Trend trend(DashboardScope scope, String to, int months, String unitCode) {
        OrgUnit unit = visibleUnit(scope, unitCode);
        Period last = Period.parse(to);
        Period first = last.minusMonths(months - 1);
        Map<String, Map<String, KpiResultView>> byKpi = new HashMap<>();
        for (KpiResultView r : results.results(null, unit.unitType(), unit.code())) {
            Period p = Period.parse(r.period());
            if (p.compareTo(first) >= 0 && p.compareTo(last) <= 0) {
                byKpi.computeIfAbsent(r.kpiCode(), k -> new HashMap<>()).put(r.period(), r);
            }
        }
        List<Series> series = new ArrayList<>();
        for (Kpi kpi : catalog.all()) {
            Map<String, KpiResultView> months1 = byKpi.getOrDefault(kpi.code(), Map.of());
            List<Point> points = new ArrayList<>();
            List<BigDecimal> actuals = new ArrayList<>();
            for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
                KpiResultView r = months1.get(p.toString());
                points.add(new Point(p.toString(), r == null ? null : r.target(), r == null ? null : r.actual()));
                actuals.add(r == null ? null : r.actual());
            }
            List<ForecastPoint> forecast = new ArrayList<>();
            Period next = last.next();
            for (BigDecimal value : LinearTrendForecast.forecast(actuals, FORECAST_HORIZON)) {
                forecast.add(new ForecastPoint(next.toString(), plain(value)));
                next = next.next();
            }
            series.add(new Series(kpi.code(), points, forecast));
        }
        return new Trend(info(unit), first.toString(), last.toString(), FORECAST_METHOD, series);
    }

    /**
     * Every KPI's target and actual for the quarters, half years or years (the length of {@code last})
     * that fit in {@code months} months up to {@code last} (at least two), aggregated as in
     * /api/kpi-results, with the forecast of the next three such periods.
     */
    Trend longerTrend(DashboardScope scope, ReportingPeriod last, int months, String unitCode) {
        OrgUnit unit = visibleUnit(scope, unitCode);
        int count = Math.max(2, months / last.length().months());
        List<ReportingPeriod> spans = new ArrayList<>();
        ReportingPeriod p = last;
        for (int i = 0; i < count; i++) {
            spans.add(0, p);
            p = p.previous();
        }
        Map<String, Map<String, KpiResultView>> byKpi = new HashMap<>();
        for (ReportingPeriod span : spans) {
            for (KpiResultView r : results.results(span.toString(), unit.unitType(), unit.code())) {
                byKpi.computeIfAbsent(r.kpiCode(), k -> new HashMap<>()).put(r.period(), r);
            }
        }
        List<Series> series = new ArrayList<>();
        for (Kpi kpi : catalog.all()) {
            Map<String, KpiResultView> ofKpi = byKpi.getOrDefault(kpi.code(), Map.of());
            List<Point> points = new ArrayList<>();
            List<BigDecimal> actuals = new ArrayList<>();
            for (ReportingPeriod span : spans) {
                KpiResultView r = ofKpi.get(span.toString());
                points.add(new Point(span.toString(), r == null ? null : r.target(), r == null ? null : r.actual()));
                actuals.add(r == null ? null : r.actual());
            }
            List<ForecastPoint> forecast = new ArrayList<>();
            ReportingPeriod next = last.next();
            for (BigDecimal value : LinearTrendForecast.forecast(actuals, FORECAST_HORIZON)) {
                forecast.add(new ForecastPoint(next.toString(), plain(value)));
                next = next.next();
            }
            series.add(new Series(kpi.code(), points, forecast));
        }
        return new Trend(info(unit), spans.get(0).toString(), last.toString(), FORECAST_METHOD, series);
    }

    Funnel funnel(DashboardScope scope, String period, String unitCode) {
        OrgUnit unit = visibleUnit(scope, unitCode);
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (KpiResultView r : results.results(period, unit.unitType(), unit.code())) {
            if (r.kpiCode().startsWith("FUNNEL_") && r.actual() != null) {
                actuals.put(r.kpiCode(), r.actual());
            }
        }
        Map<String, Kpi> kpis = catalog.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        SalesFunnel.Funnel funnel = SalesFunnel.of(actuals);
        List<FunnelStage> stages = funnel.stages().stream().map(s -> {
            Kpi kpi = kpis.get(s.kpiCode());
            return new FunnelStage(s.kpiCode(), kpi == null ? s.kpiCode() : kpi.nameZh(),
                    kpi == null ? s.kpiCode() : kpi.nameEn(), plain(s.count()), plain(s.conversionFromPrevious()));
        }).toList();
        return new Funnel(period, info(unit), stages, plain(funnel.lost()), plain(funnel.overallConversion()),
                plain(funnel.winRate()));
    }

    /**
     * One KPI's month for every unit of a type in a company, best rank first (units without a rank
     * last); {@code limit} rows at most, {@code total} says how many there are. With {@code under}
     * (the drill-down, issue 15) only the units below that unit of the company; ranks stay those
     * of the whole peer group.
     */
    Breakdown breakdown(DashboardScope scope, String period, String companyCode, String unitType, String kpiCode,
            int limit, String under) {
        if (!scope.canSeeCompany(companyCode)) {
            scope.reader().requireCompany(companyCode);
        }
        java.util.function.Predicate<OrgUnit> below = u -> true;
        if (under != null) {
            OrgUnit top = visibleUnit(scope, under);
            if (!companyCode.equals(top.companyCode())) {
                throw new IllegalArgumentException("单位 " + under + " 不属于公司 " + companyCode + " / unit " + under
                        + " is not in company " + companyCode);
            }
            List<OrgUnit> all = new ArrayList<>();
            for (String type : List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
                all.addAll(organisation.units(companyCode, type));
            }
            UnitTree tree = new UnitTree(all);
            below = u -> tree.isBelow(u.code(), under);
        }
        Map<String, OrgUnit> units = organisation.units(companyCode, unitType).stream()
                .filter(scope::canSee).filter(below)
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        List<BreakdownRow> rows = new ArrayList<>();
        for (KpiResultView r : results.results(period, unitType, null, kpiCode)) {
            OrgUnit unit = units.get(r.unitCode());
            if (unit != null) {
                rows.add(new BreakdownRow(unit.code(), unit.name(), unit.parentCode(), r.target(), r.actual(),
                        r.attainment(), r.status(), r.rank()));
            }
        }
        rows.sort(Comparator.comparing(BreakdownRow::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(BreakdownRow::unitCode));
        return new Breakdown(period, companyCode, unitType, kpiCode, rows.size(),
                rows.subList(0, Math.min(limit, rows.size())));
    }

    private OrgUnit visibleUnit(DashboardScope scope, String unitCode) {
        OrgUnit unit = organisation.findUnit(unitCode).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "未知单位 / unknown unit " + unitCode));
        DashboardScopes.require(scope, unit);
        return unit;
    }

    static UnitInfo info(OrgUnit u) {
        return new UnitInfo(u.unitType(), u.code(), u.name(), u.parentCode(), u.companyCode());
    }
}
