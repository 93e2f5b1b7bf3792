package com.perftrack.action;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/actions} refusals as RFC 7807 problems carrying the one Chinese/English sentence
 * (an unknown {@code status} filter: 400; an action outside the caller's reach: 404).
 */
@RestControllerAdvice(assignableTypes = ActionController.class)
class ActionProblems {

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        problem.setTitle(e.getStatusCode().is4xxClientError() ? "请求无效 / request refused" : "错误 / error");
        return problem;
    }
}
