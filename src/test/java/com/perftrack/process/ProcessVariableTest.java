package com.perftrack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.perftrack.calendar.Quarter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private final Map<String, Object> variables = new HashMap<>();
    private final VariableScope scope = scope(variables);

    @Test
    void ids_read_whatever_number_type_tasklist_or_rest_sent() {
        ProcessVariable<Long> id = ProcessVariable.id("actionId");
        variables.put("actionId", 7);
        assertThat(id.get(scope)).isEqualTo(7L);
        variables.put("actionId", 7.0d);
        assertThat(id.get(scope)).isEqualTo(7L);
        variables.put("actionId", " 12 ");
        assertThat(id.get(scope)).isEqualTo(12L);
    }

    @Test
    void a_blank_text_counts_as_absent_and_texts_are_trimmed() {
        ProcessVariable<String> comment = ProcessVariable.text("gmComment");
        variables.put("gmComment", "   ");
        assertThat(comment.get(scope)).isNull();
        assertThat(comment.getOr(scope, "none")).isEqualTo("none");
        variables.put("gmComment", "  请补充数据 ");
        assertThat(comment.get(scope)).isEqualTo("请补充数据");
    }

    @Test
    void a_text_tasklist_sent_as_json_reads_as_its_text() {
        variables.put("resourceDecision", org.camunda.spin.Spin.JSON("\" approve \""));
        assertThat(ProcessVariable.text("resourceDecision").get(scope)).isEqualTo("approve");
        variables.put("resourceDecision", org.camunda.spin.Spin.JSON("null"));
        assertThat(ProcessVariable.text("resourceDecision").get(scope)).isNull();
    }

    @Test
    void a_missing_answer_is_refused_with_the_sentence_given() {
        ProcessVariable<String> decision = ProcessVariable.text("hrDecision");
        assertThatThrownBy(() -> decision.required(scope, "请选择：确认或修改 / choose confirm or change"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("请选择：确认或修改 / choose confirm or change");
    }

    @Test
    void a_variable_the_model_should_have_set_is_a_defect_not_a_default() {
        assertThatThrownBy(() -> ProcessVariable.id("appealId").present(scope))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("appealId");
    }

    @Test
    void value_objects_are_kept_as_their_text() {
        ProcessVariable<Quarter> quarter = ProcessVariable.parsed("quarter", Quarter::parse);
        quarter.set(scope, Quarter.parse("2026-Q3"));
        assertThat(variables).containsEntry("quarter", "2026-Q3");
        assertThat(quarter.get(scope)).isEqualTo(Quarter.parse("2026-Q3"));
    }

    @Test
    void flags_read_booleans_and_older_texts() {
        ProcessVariable<Boolean> flag = ProcessVariable.flag("terminationFlagged");
        variables.put("terminationFlagged", "true");
        assertThat(flag.get(scope)).isTrue();
        flag.set(scope, false);
        assertThat(variables).containsEntry("terminationFlagged", false);
    }

    @Test
    void prefixed_names_follow_camel_case() {
        assertThat(ProcessVariable.text("decidedBy").prefixed("gm").name()).isEqualTo("gmDecidedBy");
    }

    private static VariableScope scope(Map<String, Object> variables) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(scope).setVariable(anyString(), any());
        return scope;
    }
}
