package com.perftrack.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 403 as an RFC 7807 problem for every controller that refuses a read outside the caller's scope. */
@RestControllerAdvice
class AccessProblems {

    @ExceptionHandler(OutsideYourCompaniesException.class)
    ProblemDetail outside(OutsideYourCompaniesException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("无权访问 / forbidden");
        return problem;
    }
}
