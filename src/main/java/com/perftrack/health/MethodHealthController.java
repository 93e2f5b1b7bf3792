package com.perftrack.health;

import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/method-health?period=YYYY-MM[&companyCode=]} (SPEC.md section 7) and
 * {@code GET /api/method-health/trend?period=YYYY-MM[&companyCode=]}: the twelve months up to the
 * period, oldest first. Without {@code companyCode} the installation's default company (or the
 * caller's only one). The method's health is the committee's business: members of the company's
 * committee groups (and administrators) read it; an employee is refused (403).
 */
@RestController
class MethodHealthController {

    private final MethodHealthService health;
    private final ReaderScopes scopes;
    private final CompanySettings company;

    MethodHealthController(MethodHealthService health, ReaderScopes scopes, CompanySettings company) {
        this.health = health;
        this.scopes = scopes;
        this.company = company;
    }

    @GetMapping("/api/method-health")
    MethodHealthView health(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        String month = month(period);
        return health.health(company(companyCode), month);
    }

    @GetMapping("/api/method-health/trend")
    List<MethodHealthView> trend(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        String month = month(period);
        return health.trend(company(companyCode), month);
    }

    private String company(String companyCode) {
        ReaderScope scope = scopes.current();
        if (scope.employee()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "方法健康度仅供委员会成员查看 / method health is for the committee's members");
        }
        return scopes.companyOrDefault(scope, companyCode, company.code());
    }

    private static String month(String period) {
        return com.perftrack.calendar.Period.parse(period.trim()).toString();
    }
}
