package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.perftrack.kpi.KpiResultService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.security.CompanyScope;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DashboardCacheTest {

    static final DashboardScope COMMITTEE = new DashboardScope(
            new ReaderScope("secgen", new CompanyScope(false, Set.of("ACME")), false, Set.of()));
    static final DashboardScope OTHER_COMPANY = new DashboardScope(
            new ReaderScope("demo.secgen", new CompanyScope(false, Set.of("DEMO")), false, Set.of()));
    static final DashboardScope EMPLOYEE = new DashboardScope(
            new ReaderScope("sales1", new CompanyScope(false, Set.of("ACME")), true, Set.of("P1")));

    final KpiResultService results = mock(KpiResultService.class);
    final DashboardCache cache = new DashboardCache(results);
    final AtomicInteger computed = new AtomicInteger();

    String compute() {
        return "answer " + computed.incrementAndGet();
    }

    @Test
    void an_answer_is_kept_until_the_results_are_recalculated() {
        when(results.version()).thenReturn(7L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(COMMITTEE, "summary|2026-11|ACME", this::compute)).isEqualTo("answer 2");
        when(results.version()).thenReturn(8L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 3");
    }

    @Test
    void answers_that_depend_on_who_asks_and_errors_are_never_kept() {
        when(results.version()).thenReturn(1L);
        assertThat(cache.get(EMPLOYEE, "summary|2026-10|P1", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(EMPLOYEE, "summary|2026-10|P1", this::compute)).isEqualTo("answer 2");
        assertThatThrownBy(() -> cache.get(COMMITTEE, "funnel|2026-10|X", () -> {
            throw new IllegalArgumentException("unknown unit X");
        })).hasMessage("unknown unit X");
        assertThat(cache.get(COMMITTEE, "funnel|2026-10|X", this::compute)).isEqualTo("answer 3");
    }

    @Test
    void another_companys_committee_never_gets_an_answer_computed_for_this_one() {
        when(results.version()).thenReturn(3L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(OTHER_COMPANY, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 2");
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", this::compute)).isEqualTo("answer 1");
    }

    @Test
    void an_answer_about_some_months_survives_changes_of_other_months() {
        when(results.version("2026-10", "2026-10")).thenReturn(5L);
        when(results.version("2025-11", "2026-10")).thenReturn(40L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", "2026-10", "2026-10", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(COMMITTEE, "trend|2026-10|12|ACME", "2025-11", "2026-10", this::compute)).isEqualTo("answer 2");
        // an import of 2019 changes neither range's version (nor does the overall version matter here)
        when(results.version()).thenReturn(99L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", "2026-10", "2026-10", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(COMMITTEE, "trend|2026-10|12|ACME", "2025-11", "2026-10", this::compute)).isEqualTo("answer 2");
        // a recalculation of 2026-03 reaches the trend, not the October summary
        when(results.version("2025-11", "2026-10")).thenReturn(41L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", "2026-10", "2026-10", this::compute)).isEqualTo("answer 1");
        assertThat(cache.get(COMMITTEE, "trend|2026-10|12|ACME", "2025-11", "2026-10", this::compute)).isEqualTo("answer 3");
        when(results.version("2026-10", "2026-10")).thenReturn(6L);
        assertThat(cache.get(COMMITTEE, "summary|2026-10|ACME", "2026-10", "2026-10", this::compute)).isEqualTo("answer 4");
    }
}
