package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranks (SPEC.md section 4) and consecutive quarters below target (section 3). */
class RankingTest {

    static final QuarterScoring.PersonScore BELOW = score("0.9500");
    static final QuarterScoring.PersonScore AT_TARGET = score("1.0000");
    static final QuarterScoring.PersonScore NO_DATA = new QuarterScoring.PersonScore(null, Map.of(), List.of());

    @Test
    void descending_score_and_equal_scores_share_a_rank_1_2_2_4() {
        Map<String, BigDecimal> scores = new HashMap<>();
        scores.put("A", new BigDecimal("1.2000"));
        scores.put("B", new BigDecimal("1.1000"));
        scores.put("C", new BigDecimal("1.10"));
        scores.put("D", new BigDecimal("0.9000"));
        scores.put("E", null);
        assertThat(Ranking.ranks(scores)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 1, "B", 2, "C", 2, "D", 4));
    }

    @Test
    void quarters_below_target_count_up_2_3_4() {
        int streak = 0;
        streak = Ranking.consecutiveBelow(streak, BELOW);
        assertThat(streak).isEqualTo(1);
        streak = Ranking.consecutiveBelow(streak, BELOW);
        assertThat(streak).as("second consecutive quarter below target").isEqualTo(2);
        streak = Ranking.consecutiveBelow(streak, BELOW);
        assertThat(streak).as("third").isEqualTo(3);
        streak = Ranking.consecutiveBelow(streak, BELOW);
        assertThat(streak).as("fourth").isEqualTo(4);
    }

    @Test
    void a_quarter_at_or_above_target_resets_the_count() {
        assertThat(Ranking.consecutiveBelow(3, AT_TARGET)).isZero();
        assertThat(Ranking.consecutiveBelow(0, BELOW)).isEqualTo(1);
    }

    @Test
    void a_quarter_without_scorable_data_leaves_the_count_unchanged() {
        assertThat(Ranking.consecutiveBelow(2, NO_DATA)).isEqualTo(2);
        assertThat(Ranking.consecutiveBelow(Ranking.consecutiveBelow(2, NO_DATA), BELOW)).isEqualTo(3);
    }

    static QuarterScoring.PersonScore score(String value) {
        return new QuarterScoring.PersonScore(new BigDecimal(value), Map.of(), List.of());
    }
}
