package com.perftrack.failfast;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** The request boundary: an OutOfMemoryError thrown while serving any request halts the JVM. */
final class HaltOnOutOfMemoryFilter implements Filter {

    private final OutOfMemoryHalt halt;

    HaltOnOutOfMemoryFilter(OutOfMemoryHalt halt) {
        this.halt = halt;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            halt.haltIfOutOfMemory(e);
            throw e;
        }
    }
}
