package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/warnings?period=YYYY-MM[&companyCode=]} (SPEC.md section 7, early warning). Without
 * {@code companyCode} the installation's default company (or the caller's only one); readers as for
 * {@code /api/kpi-results}: their companies' units, an employee their own person rows and the company totals.
 */
@RestController
class WarningController {

    private final WarningService warnings;
    private final ReaderScopes scopes;
    private final CompanySettings company;

    WarningController(WarningService warnings, ReaderScopes scopes, CompanySettings company) {
        this.warnings = warnings;
        this.scopes = scopes;
        this.company = company;
    }

    @GetMapping("/api/warnings")
    List<WarningView> warnings(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        // a forecast is made within a quarter, as of one of its months
        String month = Period.parse(period.trim()).toString();
        ReaderScope scope = scopes.current();
        String code = scopes.companyOrDefault(scope, companyCode, company.code());
        var rows = scopes.rowFilter(scope);
        return warnings.warnings(month, code).stream().filter(w -> rows.test(w.unitType(), w.unitCode())).toList();
    }
}
