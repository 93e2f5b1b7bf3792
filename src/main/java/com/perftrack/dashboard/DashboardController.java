package com.perftrack.dashboard;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.dashboard.DashboardViews.*;
import com.perftrack.kpi.KpiResultService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's read API. Every answer is cut to the caller's {@link DashboardScope}: a unit
 * outside it gives 403, lists leave it out.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "dashboard", description = "KPI 看板数据 / KPI dashboard data")
class DashboardController {

    private static final Set<String> BREAKDOWN_TYPES = Set.of("department", "region", "person");

    private final DashboardService dashboard;
    private final DashboardScopes scopes;
    private final DashboardCache cache;
    private final DashboardActions actions;
    private final KpiResultService results;

    DashboardController(DashboardService dashboard, DashboardScopes scopes, DashboardCache cache,
            DashboardActions actions, KpiResultService results) {
        this.dashboard = dashboard;
        this.scopes = scopes;
        this.cache = cache;
        this.actions = actions;
        this.results = results;
    }

    @GetMapping("/filters")
    @Operation(summary = "Slicer choices: periods with figures, visible companies, KPI catalogue, forecast method")
    Filters filters() {
        DashboardScope scope = scopes.current();
        return cache.get(scope, "filters", () -> dashboard.filters(scope));
    }

    @GetMapping("/units")
    @Operation(summary = "Units of a company the caller may select (company, departments, regions, people)")
    List<UnitInfo> units(@RequestParam String companyCode) {
        return dashboard.units(scopes.current(), companyCode);
    }

    @GetMapping("/summary")
    @Operation(summary = "KPI cards of one unit and period (month, quarter, half year or year: target, actual, attainment, "
            + "status colour) and its data gaps")
    Summary summary(@Parameter(example = "2026-01") @RequestParam String period, @RequestParam String unitCode) {
        DashboardScope scope = scopes.current();
        ReportingPeriod p = checkedAny(period);
        return cache.get(scope, "summary|" + p + "|" + unitCode, from(p), to(p), () -> dashboard.summary(scope, p.toString(), unitCode));
    }

    @GetMapping("/trend")
    @Operation(summary = "Target and actual per KPI up to a period, with a linear least-squares forecast of the next three "
            + "periods: monthly up to a month; quarters, half years or years up to one of those")
    Trend trend(@RequestParam String to, @RequestParam String unitCode,
            @Parameter(description = "months of history, 2..60 (for quarters, half years, years: the periods inside them)")
            @RequestParam(defaultValue = "12") int months) {
        if (months < 2 || months > 60) {
            throw new IllegalArgumentException("months 应在 2..60 之间 / months must be 2..60");
        }
        DashboardScope scope = scopes.current();
        ReportingPeriod last = checkedAny(to);
        if (!last.monthly()) {
            return cache.get(scope, "trend|" + last + "|" + months + "|" + unitCode,
                    () -> dashboard.longerTrend(scope, last, months, unitCode));
        }
        String month = last.toString();
        String from = java.time.YearMonth.parse(month).minusMonths(months - 1L).toString();
        return cache.get(scope, "trend|" + month + "|" + months + "|" + unitCode, from, month,
                () -> dashboard.trend(scope, month, months, unitCode));
    }

    @GetMapping("/funnel")
    @Operation(summary = "Sales funnel from the FUNNEL_* actuals with stage-to-stage conversion rates")
    Funnel funnel(@RequestParam String period, @RequestParam String unitCode) {
        DashboardScope scope = scopes.current();
        ReportingPeriod p = checkedAny(period);
        return cache.get(scope, "funnel|" + p + "|" + unitCode, from(p), to(p), () -> dashboard.funnel(scope, p.toString(), unitCode));
    }

    @GetMapping("/breakdown")
    @Operation(summary = "One KPI by department, region or person of a company, ranked as in /api/kpi-results")
    Breakdown breakdown(@RequestParam String period, @RequestParam String companyCode,
            @Parameter(description = "department, region or person") @RequestParam String unitType,
            @RequestParam String kpiCode, @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "only the units below this unit (drill-down)") @RequestParam(required = false) String under) {
        if (!BREAKDOWN_TYPES.contains(unitType)) {
            throw new IllegalArgumentException("unitType 应为 department/region/person / unitType must be department, region or person");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit 应在 1..1000 之间 / limit must be 1..1000");
        }
        DashboardScope scope = scopes.current();
        ReportingPeriod p = checkedAny(period);
        String below = under == null || under.isBlank() ? null : under;
        return cache.get(scope, "breakdown|" + p + "|" + companyCode + "|" + unitType + "|" + kpiCode + "|" + limit + "|" + below,
                from(p), to(p), () -> dashboard.breakdown(scope, p.toString(), companyCode, unitType, kpiCode, limit, below));
    }

    @GetMapping("/version")
    @Operation(summary = "A number that grows whenever stored KPI results change: the page polls it and reloads its "
            + "panels only when it moved")
    ResultsVersion version() {
        // cheap on purpose (every open page asks every few seconds): a signed-in user, no scope query;
        // the number says nothing about whose results changed
        CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return new ResultsVersion(results.version());
    }

    @GetMapping("/actions")
    @Operation(summary = "Improvement actions, one row per action (a cross-department action's parts together), "
            + "with department and owner names")
    List<ActionRow> actions(@RequestParam(required = false) String companyCode,
            @Parameter(description = "open or done; all when absent") @RequestParam(required = false) String status) {
        if (status != null && !status.isBlank() && !"open".equals(status) && !"done".equals(status)) {
            throw new IllegalArgumentException("status 应为 open 或 done / status must be open or done");
        }
        CurrentUser user = CurrentUser.get().orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return actions.rows(scopes.current(), user, companyCode, status);
    }

    /** A month (the tracking sheet, the monthly trend). */
    static String checked(String period) {
        return Period.parse(period).toString();
    }

    /** A month, quarter, half year or year (SPEC.md section 7): the cards, funnel and breakdown take any. */
    static ReportingPeriod checkedAny(String period) {
        return ReportingPeriod.parse(period);
    }

    /** The first month an answer about the period reads: a longer period's growth compares with a year before. */
    private static String from(ReportingPeriod period) {
        return period.monthly() ? period.toString() : period.sameLastYear().first().toString();
    }

    private static String to(ReportingPeriod period) {
        return period.monthly() ? period.toString() : period.last().toString();
    }
}
