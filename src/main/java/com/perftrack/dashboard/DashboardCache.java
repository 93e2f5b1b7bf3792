package com.perftrack.dashboard;

import com.perftrack.kpi.KpiResultService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The committee's dashboard answers, kept until the KPI results they were computed from change.
 * A calculation that changes a month's stored rows bumps that month's version
 * ({@link KpiResultService#version(String, String)}) and the overall {@link KpiResultService#version()};
 * the version of the months an answer reads is part of its key, so an answer computed from older
 * results is never served after a recalculation, and answers about other months stay. Only
 * answers that do not depend on who asks (committee scope) are kept; errors are never kept.
 */
@Component
class DashboardCache {

    static final int MAX_ENTRIES = 5_000;

    private final KpiResultService results;
    private final ConcurrentHashMap<String, Object> answers = new ConcurrentHashMap<>();

    DashboardCache(KpiResultService results) {
        this.results = results;
    }

    /** An answer that may depend on any month (the slicer's periods): dropped at any change of results. */
    <T> T get(DashboardScope scope, String key, Supplier<T> compute) {
        return scope.everything() ? cached("all" + results.version(), scope, key, compute) : compute.get();
    }

    /**
     * An answer computed from the results of the months {@code fromPeriod}..{@code toPeriod} only:
     * kept until one of those months changes (issue 18: an import of 2019 leaves 2026's answers).
     */
    <T> T get(DashboardScope scope, String key, String fromPeriod, String toPeriod, Supplier<T> compute) {
        return scope.everything() ? cached(fromPeriod + ".." + toPeriod + "@" + results.version(fromPeriod, toPeriod), scope,
                key, compute) : compute.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String version, DashboardScope scope, String key, Supplier<T> compute) {
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear(); // answers of older versions are never asked for again: start afresh
        }
        // the companies are part of the key: the scope check runs inside compute, on a miss only
        return (T) answers.computeIfAbsent(version + "|" + scope.companiesKey() + "|" + key, k -> compute.get());
    }
}
