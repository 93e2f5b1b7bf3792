package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bpmn/reward-penalty.dmn on the DMN engine: the reward/penalty rules of SPEC.md section 3 and their sums (issue 14). */
class RewardPenaltyDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;
    static DmnDecision amountDecision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/reward-penalty.dmn")) {
            decision = engine.parseDecision("reward-penalty", in);
        }
        try (InputStream in = new FileInputStream("bpmn/reward-penalty.dmn")) {
            amountDecision = engine.parseDecision("reward-penalty-amount", in);
        }
    }

    @Test
    void two_consecutive_quarters_below_target_give_a_written_warning_with_improvement_guidance() {
        var result = evaluate(5, 10, 2);
        assertThat(result.get("outcome")).isEqualTo("WARNING");
        assertThat(result.get("guidance")).asString().contains("改进").contains("improvement");
    }

    @Test
    void three_give_a_fine_and_four_or_more_a_demotion_or_transfer_review() {
        assertThat(outcome(5, 10, 3)).isEqualTo("FINE");
        assertThat(outcome(5, 10, 4)).isEqualTo("DEMOTION_OR_TRANSFER_REVIEW");
        assertThat(outcome(5, 10, 6)).isEqualTo("DEMOTION_OR_TRANSFER_REVIEW");
    }

    @Test
    void one_quarter_below_target_or_a_recovered_count_gives_nothing() {
        assertThat(outcome(5, 10, 1)).isNull();
        assertThat(outcome(5, 10, 0)).isNull();
    }

    @Test
    void the_top_ceiling_of_ten_percent_get_a_bonus() {
        assertThat(outcome(1, 10, 0)).as("10 people: ⌈1.0⌉ = 1 place").isEqualTo("BONUS");
        assertThat(outcome(2, 10, 0)).isNull();
        assertThat(outcome(2, 11, 0)).as("11 people: ⌈1.1⌉ = 2 places").isEqualTo("BONUS");
        assertThat(outcome(3, 11, 0)).isNull();
        assertThat(outcome(1, 3, 0)).as("3 people: ⌈0.3⌉ = 1 place").isEqualTo("BONUS");
        assertThat(outcome(3, 30, 0)).as("30 people: exactly 3 places").isEqualTo("BONUS");
        assertThat(outcome(4, 30, 0)).isNull();
    }

    @Test
    void penalties_come_before_the_bonus_and_an_unranked_person_gets_nothing() {
        assertThat(outcome(1, 10, 2)).isEqualTo("WARNING");
        assertThat(outcome(null, 10, 0)).isNull();
    }

    @Test
    void n_11_gives_two_bonuses_and_everyone_tied_at_the_boundary_is_included() {
        // 11 people; second and third share rank 2 → 3 bonuses (1, 2, 2)
        Map<String, BigDecimal> scores = new HashMap<>();
        String[] values = {"1.30", "1.20", "1.20", "1.10", "1.05", "1.00", "0.99", "0.98", "0.97", "0.96", "0.95"};
        for (int i = 0; i < values.length; i++) {
            scores.put("P" + (i + 1), new BigDecimal(values[i]));
        }
        var ranks = Ranking.ranks(scores);
        var bonus = ranks.entrySet().stream().filter(e -> "BONUS".equals(outcome(e.getValue(), 11, 0)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(bonus).containsExactlyInAnyOrder("P1", "P2", "P3");
        // without the tie, exactly 2
        scores.put("P3", new BigDecimal("1.15"));
        var ranks2 = Ranking.ranks(scores);
        assertThat(ranks2.values().stream().filter(r -> "BONUS".equals(outcome(r, 11, 0))).count()).isEqualTo(2);
    }

    // Money (issue 14), the second decision: the seed's 排名前10%的员工将获得额外奖金 and 连续三个季度业绩不达标的员工，
    // 将根据具体情况处以一定金额的罚款 — the bonus is a share of the company's base, HR sets the fine.

    @Test
    void a_bonus_is_the_whole_base_of_the_role_and_a_fine_is_set_by_hr_case_by_case() {
        assertThat(amount("BONUS", "employee")).containsEntry("amountRule", "share").containsEntry("amount", 1.0);
        assertThat(amount("FINE", "employee")).containsEntry("amountRule", "hr").doesNotContainKey("amount");
    }

    @Test
    void warnings_and_reviews_carry_no_money() {
        assertThat(amount("WARNING", "employee")).isEmpty();
        assertThat(amount("DEMOTION_OR_TRANSFER_REVIEW", "region-manager")).isEmpty();
    }

    @Test
    void a_share_multiplies_the_base_to_the_cent_rounding_half_up() {
        // 3,333.33 × 0.15 = 499.9995 → 500.00
        var money = OutcomeRules.apply("share", new BigDecimal("0.15"), () -> new BigDecimal("3333.33"));
        assertThat(money.rule()).isEqualTo("share");
        assertThat(money.amount()).isEqualTo(new BigDecimal("500.00"));
        assertThat(OutcomeRules.apply("fixed", new BigDecimal("1200"), () -> null).amount())
                .isEqualTo(new BigDecimal("1200.00"));
    }

    @Test
    void a_share_without_a_base_waits_for_hr_instead_of_paying_zero() {
        var money = OutcomeRules.apply("share", BigDecimal.ONE, () -> null);
        assertThat(money.rule()).isEqualTo("hr");
        assertThat(money.amount()).isNull();
    }

    @Test
    void an_unknown_rule_in_the_table_is_a_defect_named_in_the_message() {
        assertThatThrownBy(() -> OutcomeRules.apply("percent", BigDecimal.ONE, () -> BigDecimal.TEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("percent");
    }

    static String outcome(Integer rank, int peerGroupSize, int below) {
        return (String) evaluate(rank, peerGroupSize, below).get("outcome");
    }

    static Map<String, Object> evaluate(Integer rank, int peerGroupSize, int below) {
        Map<String, Object> input = new HashMap<>();
        input.put("rank", rank);
        input.put("peerGroupSize", peerGroupSize);
        input.put("consecutiveQuartersBelow", below);
        var result = engine.evaluateDecisionTable(decision, Variables.fromMap(input)).getFirstResult();
        return result == null ? Map.of() : result.getEntryMap();
    }

    static Map<String, Object> amount(String outcome, String peerGroup) {
        Map<String, Object> input = new HashMap<>();
        input.put("outcome", outcome);
        input.put("peerGroup", peerGroup);
        var result = engine.evaluateDecisionTable(amountDecision, Variables.fromMap(input)).getFirstResult();
        return result == null ? Map.of() : result.getEntryMap();
    }
}
