package com.perftrack.failfast;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC turns an Error of a controller into a ServletException that an exception handler
 * could answer with a 500, and the filter would never see it: this resolver, first in line, looks
 * for an OutOfMemoryError before any handler does.
 */
final class HaltOnOutOfMemoryResolver implements HandlerExceptionResolver, Ordered {

    private final OutOfMemoryHalt halt;

    HaltOnOutOfMemoryResolver(OutOfMemoryHalt halt) {
        this.halt = halt;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        halt.haltIfOutOfMemory(ex);
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
