package com.perftrack.dashboard;

import com.perftrack.organisation.CompanySettings;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/monthly-tracking-sheet?period=[&companyCode=]}: the month's tracking
 * sheet of one company (default: the installation's company) as xlsx, cut to the caller's scope.
 */
@RestController
@Tag(name = "reports", description = "导出 / exports")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final List<String> TYPE_ORDER = List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON);

    private final KpiResultService results;
    private final KpiCatalog catalog;
    private final OrganisationService organisation;
    private final FindingService findings;
    private final DashboardScopes scopes;
    private final CompanySettings company;
    private final ReaderScopes readers;

    ReportController(KpiResultService results, KpiCatalog catalog, OrganisationService organisation,
            FindingService findings, DashboardScopes scopes, CompanySettings company, ReaderScopes readers) {
        this.readers = readers;
        this.results = results;
        this.catalog = catalog;
        this.organisation = organisation;
        this.findings = findings;
        this.scopes = scopes;
        this.company = company;
    }

    @GetMapping("/api/reports/monthly-tracking-sheet")
    @Operation(summary = "Monthly tracking sheet (xlsx): targets, actuals, deviation, attainment, status, causes, measures, owners")
    ResponseEntity<byte[]> monthlyTrackingSheet(@RequestParam String period,
            @RequestParam(required = false) String companyCode) {
        String month = DashboardController.checked(period);
        DashboardScope scope = scopes.current();
        String code = readers.companyOrDefault(scope.reader(), companyCode, company.code());
        OrgUnit companyUnit = organisation.findUnit(code).filter(u -> OrgUnit.COMPANY.equals(u.unitType()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未知公司 / unknown company " + code));
        Map<String, OrgUnit> units = new LinkedHashMap<>();
        for (String type : TYPE_ORDER) {
            organisation.units(code, type).stream().filter(scope::canSee)
                    .forEach(u -> units.put(type + '|' + u.code(), u));
        }
        List<Kpi> kpis = catalog.all();
        Map<String, Integer> kpiOrder = new HashMap<>();
        kpis.forEach(k -> kpiOrder.put(k.code(), kpiOrder.size()));
        Map<String, Kpi> kpiByCode = kpis.stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        List<Finding> monthFindings = scope.everything() ? findings.findings(code, month) : List.of();
        Map<String, Finding> findingByKpi = new HashMap<>();
        monthFindings.stream().filter(f -> f.kpiCode() != null).forEach(f -> findingByKpi.putIfAbsent(f.kpiCode(), f));

        Map<String, List<KpiResultView>> byUnit = new HashMap<>();
        for (KpiResultView r : results.results(month, null, null)) {
            if (units.containsKey(r.unitType() + '|' + r.unitCode()) && kpiByCode.containsKey(r.kpiCode())) {
                byUnit.computeIfAbsent(r.unitType() + '|' + r.unitCode(), k -> new ArrayList<>()).add(r);
            }
        }
        List<MonthlyTrackingSheet.Line> lines = new ArrayList<>();
        for (var unit : units.entrySet()) {
            // a unit without results has an empty, immutable list: sort a copy
            List<KpiResultView> rows = new ArrayList<>(byUnit.getOrDefault(unit.getKey(), List.of()));
            rows.sort(java.util.Comparator.comparing(r -> kpiOrder.get(r.kpiCode())));
            boolean companyRow = OrgUnit.COMPANY.equals(unit.getValue().unitType());
            for (KpiResultView r : rows) {
                lines.add(new MonthlyTrackingSheet.Line(unit.getValue(), kpiByCode.get(r.kpiCode()), r,
                        companyRow ? findingByKpi.get(r.kpiCode()) : null));
            }
        }
        byte[] xlsx = MonthlyTrackingSheet.write(companyUnit.name(), month, lines, monthFindings);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"monthly-tracking-sheet-" + code + "-" + month + ".xlsx\"")
                .body(xlsx);
    }
}
