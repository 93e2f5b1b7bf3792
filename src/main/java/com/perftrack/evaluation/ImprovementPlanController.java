package com.perftrack.evaluation;

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
    private final PersonRecordReaders readers;

    ImprovementPlanController(ImprovementPlanService plans, PersonRecordReaders readers) {
        this.plans = plans;
        this.readers = readers;
    }

    @GetMapping("/api/improvement-plans")
    List<ImprovementPlan> plans(@RequestParam String personCode) {
        readers.require(personCode, "改进计划", "improvement plans");
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
