package com.perftrack.security;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * RFC 7807 answers of the read endpoints that check their query parameters themselves (KPI results,
 * figures, data gaps, the dashboard and its reports): a bad or missing parameter is a 400 with one
 * sentence, no stack trace leaves the server. One place for what the kpi and dashboard features had
 * each written (issue 19). Scoped by package, so that an IllegalArgumentException elsewhere (a
 * defect, not a parameter) is not passed off as the caller's mistake.
 */
@RestControllerAdvice(basePackages = {"com.perftrack.kpi", "com.perftrack.dashboard", "com.perftrack.meeting",
        "com.perftrack.health", "com.perftrack.templates"})
class ParameterProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("参数无效 / invalid parameter");
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "缺少参数 " + e.getParameterName() + " / missing parameter " + e.getParameterName());
        problem.setTitle("参数无效 / invalid parameter");
        problem.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message", "required")));
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }
}
