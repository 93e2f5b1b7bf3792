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
 * {@code GET /api/target-consistency?period=YYYY-MM[&companyCode=]} (issue 14): where children's
 * targets do not add up to their parent's. Without {@code companyCode} the installation's default
 * company (or the caller's only one); readers as for {@code /api/kpi-results}: their companies'
 * units, an employee only the company totals.
 */
@RestController
class TargetConsistencyController {

    private final TargetConsistencyService consistency;
    private final ReaderScopes scopes;
    private final CompanySettings company;

    TargetConsistencyController(TargetConsistencyService consistency, ReaderScopes scopes, CompanySettings company) {
        this.consistency = consistency;
        this.scopes = scopes;
        this.company = company;
    }

    @GetMapping("/api/target-consistency")
    List<TargetConsistencyView> targetConsistency(@RequestParam String period,
            @RequestParam(required = false) String companyCode) {
        // targets are monthly figures: a quarter or year has no targets of its own to add up
        String month = Period.parse(period.trim()).toString();
        ReaderScope scope = scopes.current();
        String code = scopes.companyOrDefault(scope, companyCode, company.code());
        var rows = scopes.rowFilter(scope);
        return consistency.check(month, code).stream().filter(w -> rows.test(w.unitType(), w.unitCode())).toList();
    }
}
