package com.perftrack.dashboard;

import com.perftrack.kpi.KpiResultService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The committee's dashboard answers, kept until the KPI results change. Results change only when
 * a month is (re)calculated, which bumps {@link KpiResultService#version()}; the version is part of
 * the key, so an answer computed from older results is never served after a recalculation. Only
 * answers that do not depend on who asks (committee scope) are kept; errors are never kept.
 */
@Component
class DashboardCache {

    static final int MAX_ENTRIES = 5_000;

    private final KpiResultService results;
    private final ConcurrentHashMap<String, Object> answers = new ConcurrentHashMap<>();
    private volatile long version = -1;

    DashboardCache(KpiResultService results) {
        this.results = results;
    }

    @SuppressWarnings("unchecked")
    <T> T get(DashboardScope scope, String key, Supplier<T> compute) {
        if (!scope.everything()) {
            return compute.get();
        }
        long current = results.version();
        if (current != version || answers.size() >= MAX_ENTRIES) {
            answers.clear();
            version = current;
        }
        // the companies are part of the key: the scope check runs inside compute, on a miss only
        return (T) answers.computeIfAbsent(current + "|" + scope.companiesKey() + "|" + key, k -> compute.get());
    }
}
