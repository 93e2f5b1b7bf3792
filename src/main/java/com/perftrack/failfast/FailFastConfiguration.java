package com.perftrack.failfast;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The in-process safety net behind {@code -XX:+ExitOnOutOfMemoryError} (which a {@code java -jar}
 * start may lack): request boundary (filter, first of all filters, and MVC resolver) and thread
 * boundary (default uncaught-exception handler, the previous one restored on shutdown). Switch off
 * with {@code ptc.fail-fast.halt-on-out-of-memory=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ptc.fail-fast.halt-on-out-of-memory", havingValue = "true", matchIfMissing = true)
class FailFastConfiguration implements DisposableBean {

    private final OutOfMemoryHalt halt = OutOfMemoryHalt.ofRuntime();
    private final HaltingUncaughtExceptionHandler threads;

    FailFastConfiguration() {
        threads = new HaltingUncaughtExceptionHandler(halt, Thread.getDefaultUncaughtExceptionHandler());
        Thread.setDefaultUncaughtExceptionHandler(threads);
    }

    @Bean
    FilterRegistrationBean<HaltOnOutOfMemoryFilter> haltOnOutOfMemoryFilter() {
        FilterRegistrationBean<HaltOnOutOfMemoryFilter> registration =
                new FilterRegistrationBean<>(new HaltOnOutOfMemoryFilter(halt));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    HaltOnOutOfMemoryResolver haltOnOutOfMemoryResolver() {
        return new HaltOnOutOfMemoryResolver(halt);
    }

    @Override
    public void destroy() {
        if (Thread.getDefaultUncaughtExceptionHandler() == threads) {
            Thread.setDefaultUncaughtExceptionHandler(threads.previous());
        }
    }
}
