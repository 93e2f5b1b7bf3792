package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/evaluations?quarter=YYYY-Qn} (SPEC.md section 6) and the year,
 * {@code GET /api/evaluations/annual?year=YYYY} (section 3: per quarter and per year). HR and the
 * committee leadership see every person of their companies (administrators: of all); anybody else
 * sees only the rows of their own person unit(s).
 */
@RestController
class EvaluationController {

    static final Set<String> SEE_ALL = Set.of("hr", "committee-chair", "committee-vice-chair", "secretary-general");

    private final EvaluationService evaluations;
    private final ReaderScopes scopes;

    EvaluationController(EvaluationService evaluations, ReaderScopes scopes) {
        this.evaluations = evaluations;
        this.scopes = scopes;
    }

    @GetMapping("/api/evaluations")
    List<EvaluationView> evaluations(@RequestParam String quarter) {
        Quarter q;
        try {
            q = Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return visible(evaluations.results(q), EvaluationView::companyCode, EvaluationView::personCode);
    }

    @GetMapping("/api/evaluations/annual")
    List<AnnualView> annual(@RequestParam String year) {
        if (!year.matches("\\d{4}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年份须为 YYYY，例如 2026 / year must be YYYY, e.g. 2026");
        }
        return visible(evaluations.annual(Integer.parseInt(year)), AnnualView::companyCode, AnnualView::personCode);
    }

    private <T> List<T> visible(List<T> all, Function<T, String> company, Function<T, String> person) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        ReaderScope scope = scopes.current();
        if (scope.everything()) {
            return all;
        }
        if (user.isMemberOfAny(SEE_ALL)) {
            return all.stream().filter(e -> scope.seesCompany(company.apply(e))).toList();
        }
        Set<String> own = scopes.ownPersons(user.userId());
        return all.stream().filter(e -> scope.seesCompany(company.apply(e)) && own.contains(person.apply(e))).toList();
    }
}
