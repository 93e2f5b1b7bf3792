package com.perftrack.sales;

import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/weekly-plans?week=YYYY-Www&companyCode=}: the week's plans (targets, visits) and plans against
 * achieved. Committee members of the company (the sales head, the standing office, the leadership) read every
 * person; an employee reads their own plan only; someone outside the company gets 403.
 */
@RestController
class WeeklyPlanController {

    private final WeeklySalesPlanService service;
    private final ReaderScopes scopes;

    WeeklyPlanController(WeeklySalesPlanService service, ReaderScopes scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    @GetMapping("/api/weekly-plans")
    WeeklySalesPlanService.WeekView week(@RequestParam String week, @RequestParam String companyCode) {
        CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        SalesWeek salesWeek;
        try {
            salesWeek = SalesWeek.parse(week);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        ReaderScope scope = scopes.current();
        scope.requireCompany(companyCode);
        WeeklySalesPlanService.WeekView all = service.week(companyCode, salesWeek);
        if (!scope.employee() || scope.everything()) {
            return all;
        }
        Set<String> own = scope.ownPersons();
        return new WeeklySalesPlanService.WeekView(all.week(), all.companyCode(), all.from(), all.to(),
                all.plans().stream().filter(p -> own.contains(p.personCode())).toList(),
                all.planVsAchieved().stream().filter(r -> own.contains(r.personCode())).toList(), null, null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请给出周 week 和公司 companyCode，例如 "
                + "/api/weekly-plans?week=2026-W05&companyCode=DEMO / the parameters week and companyCode are required");
    }
}
