package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC.md section 6: GET /api/evaluations has one row per person, stored or not. */
class EvaluationResultsTest {

    @Test
    void a_company_not_yet_evaluated_is_proposed_on_the_fly_beside_the_stored_companies() {
        List<Set<String>> asked = new ArrayList<>();
        List<EvaluationView> all = EvaluationService.withUnevaluatedCompanies(
                List.of(row("A1", "A", "confirmed"), row("A2", "A", "confirmed")), except -> {
                    asked.add(except);
                    return List.of(row("B1", "B", EvaluationView.PROPOSED));
                });

        assertThat(asked).containsExactly(Set.of("A"));
        assertThat(all).extracting(EvaluationView::personCode).containsExactly("A1", "A2", "B1");
        assertThat(all).extracting(EvaluationView::state).containsExactly("confirmed", "confirmed", "proposed");
    }

    @Test
    void before_any_evaluation_every_company_is_proposed_on_the_fly() {
        List<EvaluationView> all = EvaluationService.withUnevaluatedCompanies(List.of(),
                except -> except.isEmpty() ? List.of(row("A1", "A", EvaluationView.PROPOSED)) : List.of());

        assertThat(all).extracting(EvaluationView::personCode).containsExactly("A1");
    }

    private static EvaluationView row(String person, String company, String state) {
        return new EvaluationView("2025-Q4", person, company, "employee", BigDecimal.ONE, 1, 1, false, 0, null, null,
                state, null, Map.of(), List.of(), null, null, null, null, null);
    }
}
