package com.perftrack.evaluation;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/improvement-plans?personCode=}: the person's improvement plans, newest first, with
 * check-ins and assessments. The person reads their own, a manager (department, region, company
 * above the person) their people, HR and the committee leadership everyone of their companies,
 * administrators all; anyone else gets 403 with one sentence.
 */
@RestController
class ImprovementPlanController {

    private final ImprovementPlanService plans;
    private final OrganisationService organisation;
    private final ReaderScopes scopes;

    ImprovementPlanController(ImprovementPlanService plans, OrganisationService organisation, ReaderScopes scopes) {
        this.plans = plans;
        this.organisation = organisation;
        this.scopes = scopes;
    }

    @GetMapping("/api/improvement-plans")
    List<ImprovementPlan> plans(@RequestParam String personCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        OrgUnit person = organisation.findUnit(personCode).filter(OrgUnit::isPerson).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有人员 " + personCode + " / no person " + personCode));
        ReaderScope scope = scopes.current();
        boolean allowed = scope.everything()
                || scopes.ownPersons(user.userId()).contains(personCode)
                || (scope.seesCompany(person.companyCode()) && (user.isMemberOfAny(EvaluationController.SEE_ALL)
                        || organisation.managesPerson(user.userId(), personCode)));
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本人或本人所管理人员的改进计划 / you may read "
                    + "only your own improvement plans or those of the people you manage");
        }
        return plans.plansOf(personCode);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请给出人员代码 personCode，例如 "
                + "/api/improvement-plans?personCode=DEMO-P1 / the parameter personCode is required");
    }
}
