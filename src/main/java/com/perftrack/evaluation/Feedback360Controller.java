package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/feedback-360?quarter=YYYY-Qn[&companyCode=]}: the closed rounds' results, one row per
 * person rated. HR and the committee leadership read everyone of their companies, administrators all,
 * a manager their people, a person their own; the anonymity threshold applies to every reader.
 * Anyone else gets 403 with one sentence.
 */
@RestController
class Feedback360Controller {

    private final Feedback360Service feedback;
    private final OrganisationService organisation;
    private final ReaderScopes scopes;

    Feedback360Controller(Feedback360Service feedback, OrganisationService organisation, ReaderScopes scopes) {
        this.feedback = feedback;
        this.organisation = organisation;
        this.scopes = scopes;
    }

    @GetMapping("/api/feedback-360")
    List<Feedback360View> results(@RequestParam String quarter, @RequestParam(required = false) String companyCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        Quarter q;
        try {
            q = Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        ReaderScope scope = scopes.current();
        boolean seesAll = user.isMemberOfAny(EvaluationController.SEE_ALL);
        Set<String> own = scopes.ownPersons(user.userId());
        Set<String> managed = organisation.managedPersons(user.userId()).stream().map(OrgUnit::code)
                .collect(Collectors.toSet());
        if (!scope.everything() && !seesAll && own.isEmpty() && managed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有人力资源部、委员会领导、上级和本人可以查看360度反馈结果 / "
                    + "only HR, the committee leadership, managers and the person may read 360° feedback results");
        }
        return feedback.results(q, blank(companyCode) ? null : companyCode.trim()).stream()
                .filter(r -> scope.everything() || (seesAll && scope.seesCompany(r.companyCode()))
                        || own.contains(r.personCode()) || managed.contains(r.personCode()))
                .toList();
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请给出季度 quarter，例如 "
                + "/api/feedback-360?quarter=2026-Q3 / the parameter quarter is required");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
