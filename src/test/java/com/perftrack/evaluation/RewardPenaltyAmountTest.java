package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money of rewards and penalties (issue 14): the shipped rules of {@code reward-penalty-amount} in
 * bpmn/reward-penalty.dmn and their arithmetic. The seed: 排名前10%的员工将获得额外奖金; 连续三个季度业绩不达标的
 * 员工，将根据具体情况处以一定金额的罚款 — so the bonus is a share of the company's base and HR sets the fine.
 */
class RewardPenaltyAmountTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/reward-penalty.dmn")) {
            decision = engine.parseDecision("reward-penalty-amount", in);
        }
    }

    @Test
    void a_bonus_is_the_whole_base_of_the_role_and_a_fine_is_set_by_hr_case_by_case() {
        assertThat(evaluate("BONUS", "employee")).containsEntry("amountRule", "share").containsEntry("amount", 1.0);
        assertThat(evaluate("FINE", "employee")).containsEntry("amountRule", "hr").doesNotContainKey("amount");
    }

    @Test
    void warnings_and_reviews_carry_no_money() {
        assertThat(evaluate("WARNING", "employee")).isEmpty();
        assertThat(evaluate("DEMOTION_OR_TRANSFER_REVIEW", "region-manager")).isEmpty();
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

    private static Map<String, Object> evaluate(String outcome, String peerGroup) {
        Map<String, Object> input = new HashMap<>();
        input.put("outcome", outcome);
        input.put("peerGroup", peerGroup);
        var result = engine.evaluateDecisionTable(decision, Variables.fromMap(input)).getFirstResult();
        return result == null ? Map.of() : result.getEntryMap();
    }
}
