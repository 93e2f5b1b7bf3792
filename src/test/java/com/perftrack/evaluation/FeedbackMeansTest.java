package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.evaluation.FeedbackMeans.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 360° means and the anonymity threshold, every number worked out by hand in the comments. */
class FeedbackMeansTest {

    // self 4,4,4,4 (sum 16, rater mean 4.00); manager 3,4,5,4 (16, 4.00);
    // peers 5,5,4,4 (18, 4.50), 3,3,3,4 (13, 3.25), 2,3,4,5 (14, 3.50)
    static final Answer SELF = new Answer("self", 4, 4, 4, 4);
    static final Answer MANAGER = new Answer("manager", 3, 4, 5, 4);
    static final Answer PEER_1 = new Answer("peer", 5, 5, 4, 4);
    static final Answer PEER_2 = new Answer("peer", 3, 3, 3, 4);
    static final Answer PEER_3 = new Answer("peer", 2, 3, 4, 5);

    @Test
    void five_raters_mean_is_the_mean_of_the_rater_means_and_three_peers_are_shown() {
        var means = FeedbackMeans.of(List.of(SELF, MANAGER, PEER_1, PEER_2, PEER_3));
        // (4.00 + 4.00 + 4.50 + 3.25 + 3.50) / 5 = 19.25 / 5 = 3.85
        assertThat(means.mean()).isEqualByComparingTo("3.8500");
        assertThat(means.raters()).isEqualTo(5);
        assertThat(means.byType().keySet()).containsExactly("self", "manager", "peer");
        assertThat(means.byType().get("self").mean()).isEqualByComparingTo("4.00");
        assertThat(means.byType().get("manager").mean()).isEqualByComparingTo("4.00");
        // (4.50 + 3.25 + 3.50) / 3 = 11.25 / 3 = 3.75
        assertThat(means.byType().get("peer").mean()).isEqualByComparingTo("3.7500");
        assertThat(means.byType().get("peer").raters()).isEqualTo(3);
        // duty 4+3+5+3+2 = 17 / 5 = 3.4; goals 4+4+5+3+3 = 19 / 5 = 3.8; teamwork 4+5+4+3+4 = 20 / 5 = 4.0;
        // contribution 4+4+4+4+5 = 21 / 5 = 4.2
        assertThat(means.byDimension()).containsOnlyKeys("duty", "goals", "teamwork", "contribution");
        assertThat(means.byDimension().get("duty")).isEqualByComparingTo("3.4");
        assertThat(means.byDimension().get("goals")).isEqualByComparingTo("3.8");
        assertThat(means.byDimension().get("teamwork")).isEqualByComparingTo("4.0");
        assertThat(means.byDimension().get("contribution")).isEqualByComparingTo("4.2");
    }

    @Test
    void two_peers_count_in_the_mean_but_their_own_mean_stays_hidden() {
        var means = FeedbackMeans.of(List.of(SELF, MANAGER, PEER_1, PEER_2));
        // (16 + 16 + 18 + 13) / 16 = 63 / 16 = 3.9375
        assertThat(means.mean()).isEqualByComparingTo("3.9375");
        assertThat(means.raters()).isEqualTo(4);
        assertThat(means.byType().keySet()).containsExactly("self", "manager");
    }

    @Test
    void subordinates_follow_the_same_threshold_and_a_lone_manager_is_shown() {
        var two = FeedbackMeans.of(List.of(new Answer("subordinate", 5, 5, 5, 5), new Answer("subordinate", 1, 1, 1, 1)));
        assertThat(two.byType()).isEmpty();
        assertThat(two.mean()).isEqualByComparingTo("3"); // (5 + 1) / 2
        var three = FeedbackMeans.of(List.of(new Answer("subordinate", 5, 5, 5, 5), new Answer("subordinate", 1, 1, 1, 1),
                new Answer("subordinate", 3, 3, 4, 3), new Answer("manager", 2, 2, 2, 2)));
        // subordinates (20 + 4 + 13) / 12 = 37 / 12 = 3.08333… → 3.0833
        assertThat(three.byType().get("subordinate").mean()).isEqualByComparingTo("3.0833");
        assertThat(three.byType().get("manager").mean()).isEqualByComparingTo("2.0000");
        // all four: (20 + 4 + 13 + 8) / 16 = 45 / 16 = 2.8125
        assertThat(three.mean()).isEqualByComparingTo("2.8125");
    }

    @Test
    void rounding_is_half_up_at_four_decimals_and_nobody_answering_gives_no_mean() {
        // sums 13, 14, 14: 41 / 12 = 3.416666… → 3.4167
        var means = FeedbackMeans.of(List.of(new Answer("peer", 3, 3, 3, 4), new Answer("peer", 2, 3, 4, 5),
                new Answer("peer", 2, 3, 4, 5)));
        assertThat(means.mean()).isEqualByComparingTo("3.4167");
        assertThat(means.byType().get("peer").mean()).isEqualByComparingTo("3.4167");
        var none = FeedbackMeans.of(List.of());
        assertThat(none.mean()).isNull();
        assertThat(none.raters()).isZero();
    }

    @Test
    void the_threshold_is_three_for_peers_and_subordinates_only() {
        assertThat(FeedbackMeans.shown("peer", 2)).isFalse();
        assertThat(FeedbackMeans.shown("peer", 3)).isTrue();
        assertThat(FeedbackMeans.shown("subordinate", 2)).isFalse();
        assertThat(FeedbackMeans.shown("self", 1)).isTrue();
        assertThat(FeedbackMeans.shown("manager", 1)).isTrue();
    }
}
