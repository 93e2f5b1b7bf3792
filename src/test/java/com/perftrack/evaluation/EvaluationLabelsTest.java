package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EvaluationLabelsTest {

    @Test
    void outcomes_read_in_chinese_and_no_outcome_reads_none() {
        assertThat(EvaluationLabels.outcome("BONUS")).isEqualTo("奖金");
        assertThat(EvaluationLabels.outcome("WARNING")).isEqualTo("书面警告");
        assertThat(EvaluationLabels.outcome("FINE")).isEqualTo("罚款");
        assertThat(EvaluationLabels.outcome("DEMOTION_OR_TRANSFER_REVIEW")).isEqualTo("降职/调岗评审");
        assertThat(EvaluationLabels.outcome(null)).isEqualTo("无");
    }

    @Test
    void fractions_read_as_percentages_with_at_most_two_decimals() {
        assertThat(EvaluationLabels.percent(new BigDecimal("0.9879"))).isEqualTo("98.79%");
        assertThat(EvaluationLabels.percent(new BigDecimal("1.2000"))).isEqualTo("120%");
        assertThat(EvaluationLabels.percent(new BigDecimal("1.0143"))).isEqualTo("101.43%");
        assertThat(EvaluationLabels.percent(new BigDecimal("0.95005"))).isEqualTo("95.01%");
        assertThat(EvaluationLabels.percent(new BigDecimal("0.9050"))).isEqualTo("90.5%");
        assertThat(EvaluationLabels.percent(null)).isEqualTo("—");
    }

    @Test
    void a_name_stands_beside_its_code_unless_it_is_the_code() {
        assertThat(EvaluationLabels.named("马芳", "DEMO-P1")).isEqualTo("马芳 DEMO-P1");
        assertThat(EvaluationLabels.named("P2", "P2")).isEqualTo("P2");
        assertThat(EvaluationLabels.named(null, "P2")).isEqualTo("P2");
    }
}
