package com.perftrack.kpi;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpi-results}, {@code /api/figures} and {@code /api/data-gaps} (SPEC.md section 6); results and
 * data gaps also for a quarter, half year or year (section 7), figures per month only.
 * Cut to the caller's {@link ReaderScope}: their companies' rows; an employee's own and the totals.
 */
@RestController
class KpiController {

    private static final Set<String> UNIT_TYPES = Set.of("company", "department", "region", "person");

    private final KpiResultService results;
    private final FigureService figures;
    private final ReaderScopes scopes;
    private final BreakdownService breakdowns;

    KpiController(KpiResultService results, FigureService figures, ReaderScopes scopes, BreakdownService breakdowns) {
        this.results = results;
        this.figures = figures;
        this.scopes = scopes;
        this.breakdowns = breakdowns;
    }

    /**
     * {@code GET /api/kpi-results/breakdown} (SPEC.md section 7): a unit's KPI by product, channel or
     * customer, {@code [{key, target, actual, attainment, share}]}; for a month or a longer period.
     */
    @GetMapping("/api/kpi-results/breakdown")
    List<Breakdown.Row> breakdown(@RequestParam String period, @RequestParam String unitCode, @RequestParam String kpiCode,
            @RequestParam String by) {
        String checked = checkedPeriod(period);
        scopes.visibleUnit(scopes.current(), unitCode);
        return breakdowns.breakdown(checked, unitCode, kpiCode, by);
    }

    /** {@code GET /api/customers/lost} (SPEC.md section 7): sales in the previous 3 months, none in this one. */
    @GetMapping("/api/customers/lost")
    List<BreakdownService.LostCustomer> lostCustomers(@RequestParam String period, @RequestParam String unitCode) {
        String month = com.perftrack.calendar.Period.parse(period).toString();
        scopes.visibleUnit(scopes.current(), unitCode);
        return breakdowns.lostCustomers(month, unitCode);
    }

    @GetMapping("/api/kpi-results")
    List<KpiResultView> results(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        String month = checkedPeriod(period);
        String type = checkedType(unitType);
        Predicate<KpiResultView> visible = visibleRows(unitCode, KpiResultView::unitType, KpiResultView::unitCode);
        return results.results(month, type, unitCode).stream().filter(visible).toList();
    }

    @GetMapping("/api/figures")
    List<FigureView> figures(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        String month = com.perftrack.calendar.Period.parse(period).toString(); // figures are stored per month
        String type = checkedType(unitType);
        Predicate<FigureView> visible = visibleRows(unitCode, FigureView::unitType, FigureView::unitCode);
        return figures.figures(month, type, unitCode).stream().filter(visible)
                .map(f -> new FigureView(f.period(), f.unitType(), f.unitCode(), f.kpiCode(),
                        KpiResultView.plain(f.target()), KpiResultView.plain(f.actual())))
                .toList();
    }

    @GetMapping("/api/data-gaps")
    List<DataGapView> dataGaps(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        String month = checkedPeriod(period);
        String type = checkedType(unitType);
        Predicate<DataGapView> visible = visibleRows(unitCode, DataGapView::unitType, DataGapView::unitCode);
        return results.dataGaps(month, type, unitCode).stream().filter(visible).toList();
    }

    /**
     * The caller's rows: a named unit outside their scope is refused (403); a list keeps their
     * companies' rows, and for an employee only their own person rows and the company totals.
     */
    private <T> Predicate<T> visibleRows(String unitCode, Function<T, String> typeOf, Function<T, String> codeOf) {
        ReaderScope scope = scopes.current();
        if (unitCode != null) {
            scopes.visibleUnit(scope, unitCode);
        }
        var rows = scopes.rowFilter(scope);
        return row -> rows.test(typeOf.apply(row), codeOf.apply(row));
    }

    /** A month YYYY-MM, or a quarter, half year or year (SPEC.md section 7): YYYY-Qn, YYYY-Hn, YYYY. */
    private static String checkedPeriod(String period) {
        return ReportingPeriod.parse(period).toString();
    }

    private static String checkedType(String unitType) {
        if (unitType != null && !UNIT_TYPES.contains(unitType)) {
            throw new IllegalArgumentException("unitType 应为 company/department/region/person / unknown unit type '"
                    + unitType + "'");
        }
        return unitType;
    }
}
