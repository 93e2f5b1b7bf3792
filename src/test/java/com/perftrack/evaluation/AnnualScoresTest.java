package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC.md section 3: "Evaluation per person per quarter and per year". Expected numbers worked out by hand. */
class AnnualScoresTest {

    @Test
    void the_year_is_the_mean_of_the_scored_quarters_ranked_in_company_and_role_with_shared_ranks() {
        List<EvaluationView> quarters = List.of(
                // P1: (1.2000 + 0.9000 + 1.0500) / 3 = 1.0500; Q3 had no scorable data and does not count
                row("2026-Q1", "P1", "sales", "1.2000", "BONUS"), row("2026-Q2", "P1", "sales", "0.9000", null),
                row("2026-Q3", "P1", "sales", null, null), row("2026-Q4", "P1", "sales", "1.0500", null),
                // P2: (1.0000 + 1.1000) / 2 = 1.0500, equal to P1: both rank 1
                row("2026-Q1", "P2", "sales", "1.0000", null), row("2026-Q2", "P2", "sales", "1.1000", "BONUS"),
                // P3: 0.8000, rank 3 (1, 1, 3)
                row("2026-Q1", "P3", "sales", "0.8000", null),
                // P4: no scored quarter: no score, no rank, not counted in the group's size
                row("2026-Q1", "P4", "sales", null, null),
                // P5 moved to region-manager in Q2: ranked there, alone
                row("2026-Q1", "P5", "sales", "1.3000", "BONUS"), row("2026-Q2", "P5", "region-manager", "0.9500", null));

        Map<String, AnnualView> year = byPerson(AnnualScores.of(2026, quarters));

        assertThat(year.get("P1").score()).isEqualByComparingTo("1.0500");
        assertThat(year.get("P1").rank()).isEqualTo(1);
        assertThat(year.get("P1").quartersScored()).isEqualTo(3);
        assertThat(year.get("P1").bonuses()).isEqualTo(1);
        assertThat(year.get("P2").score()).isEqualByComparingTo("1.0500");
        assertThat(year.get("P2").rank()).isEqualTo(1);
        assertThat(year.get("P3").rank()).isEqualTo(3);
        assertThat(year.get("P3").peerGroupSize()).isEqualTo(3);
        assertThat(year.get("P4").score()).isNull();
        assertThat(year.get("P4").rank()).isNull();
        // P5: (1.3000 + 0.9500) / 2 = 1.1250, first of one in the role of the latest quarter
        assertThat(year.get("P5").peerGroup()).isEqualTo("region-manager");
        assertThat(year.get("P5").score()).isEqualByComparingTo("1.1250");
        assertThat(year.get("P5").rank()).isEqualTo(1);
        assertThat(year.get("P5").peerGroupSize()).isEqualTo(1);
    }

    @Test
    void the_mean_keeps_the_four_decimals_of_the_stored_quarters_rounding_half_up() {
        // (1.0000 + 1.0000 + 0.9999) / 3 = 0.99996666… → 1.0000; (0.3333 + 0.3334) / 2 = 0.33335 → 0.3334
        List<AnnualView> year = AnnualScores.of(2026, List.of(
                row("2026-Q1", "A", "sales", "1.0000", null), row("2026-Q2", "A", "sales", "1.0000", null),
                row("2026-Q3", "A", "sales", "0.9999", null),
                row("2026-Q1", "B", "sales", "0.3333", null), row("2026-Q2", "B", "sales", "0.3334", null)));
        assertThat(byPerson(year).get("A").score()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(byPerson(year).get("B").score()).isEqualTo(new BigDecimal("0.3334"));
        assertThat(year).extracting(AnnualView::personCode).containsExactly("A", "B");
    }

    private static Map<String, AnnualView> byPerson(List<AnnualView> year) {
        return year.stream().collect(java.util.stream.Collectors.toMap(AnnualView::personCode, a -> a));
    }

    private static EvaluationView row(String quarter, String person, String role, String score, String outcome) {
        return new EvaluationView(quarter, person, "C", role, score == null ? null : new BigDecimal(score), null, 0,
                false, 0, outcome, outcome, EvaluationView.CONFIRMED, null, Map.of(), List.of(), null, null, null, null, null);
    }
}
