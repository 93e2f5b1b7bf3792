package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A completion or start may set only its form's fields (issue 10): the whitelist, without an engine. */
class SubmittedVariablesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Set<String> fieldsOf(String form) throws Exception {
        try (InputStream in = new FileInputStream("forms/" + form + ".form")) {
            return FormFields.of(in);
        }
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void the_fields_of_a_form_are_its_component_keys() throws Exception {
        assertThat(fieldsOf("appeal-start")).containsExactlyInAnyOrder("quarter", "reasons");
        assertThat(fieldsOf("start-monthly-cycle")).containsExactlyInAnyOrder("period", "companyCode");
        assertThat(fieldsOf("submit-sales-information")).contains("sales_salesSummary").doesNotContain("period");
        assertThat(fieldsOf("improvement-action-write")).as("the department is the process's, only shown")
                .contains("item", "measures").doesNotContain("responsibleDepartment");
    }

    @Test
    void groups_and_nested_keys_submit_their_first_segment_and_buttons_nothing() throws Exception {
        JsonNode schema = json("""
                {"components":[{"type":"text","text":"x"},{"type":"button","key":"submit"},
                 {"type":"textfield","key":"address.city"},
                 {"type":"group","path":"contact","components":[{"type":"textfield","key":"phone"}]},
                 {"type":"group","components":[{"type":"number","key":"amount"}]},
                 {"type":"select","key":"choice","valuesKey":"options"},
                 {"type":"textfield","key":"shownOnly","disabled":true}]}""");
        assertThat(FormFields.of(schema)).containsExactlyInAnyOrder("address", "contact", "amount", "choice");
    }

    @Test
    void a_variable_the_form_does_not_declare_is_refused_by_name() throws Exception {
        var form = new SubmittedVariables.Declared("submit-sales-information", fieldsOf("submit-sales-information"));
        var refusal = SubmittedVariables.refusal(json("""
                {"variables":{"sales_salesSummary":{"value":"ok"},"period":{"value":"2026-01"}}}"""), form, false);
        assertThat(refusal).hasValueSatisfying(m -> assertThat(m).contains("'period'").contains("submit-sales-information"));
        assertThat(SubmittedVariables.refusal(json("""
                {"variables":{"sales_salesSummary":{"value":"ok","type":"String"}},"withVariablesInReturn":true}"""),
                form, false)).isEmpty();
        assertThat(SubmittedVariables.refusal(null, form, false)).isEmpty();
        assertThat(SubmittedVariables.refusal(json("{}"), form, false)).isEmpty();
    }

    @Test
    void identity_variables_are_never_form_fields() throws Exception {
        var appeal = new SubmittedVariables.Declared("appeal-start", fieldsOf("appeal-start"));
        assertThat(SubmittedVariables.refusal(json("""
                {"variables":{"quarter":{"value":"2026-Q1"},"reasons":{"value":"x"},"appellant":{"value":"sales2"}}}"""),
                appeal, true)).hasValueSatisfying(m -> assertThat(m).contains("'appellant'"));
    }

    @Test
    void a_start_may_not_skip_its_listeners_or_start_elsewhere() throws Exception {
        var appeal = new SubmittedVariables.Declared("appeal-start", fieldsOf("appeal-start"));
        assertThat(SubmittedVariables.refusal(json("{\"skipCustomListeners\":true}"), appeal, true)).isPresent();
        assertThat(SubmittedVariables.refusal(json("{\"startInstructions\":[{\"type\":\"startBeforeActivity\"}]}"),
                appeal, true)).isPresent();
        assertThat(SubmittedVariables.refusal(json("{\"skipCustomListeners\":false,\"businessKey\":\"k\"}"), appeal, true))
                .isEmpty();
    }

    @Test
    void a_step_without_a_form_takes_no_variables_and_key_case_does_not_help() throws Exception {
        var none = new SubmittedVariables.Declared(null, Set.of());
        assertThat(SubmittedVariables.refusal(json("{\"Variables\":{\"x\":{\"value\":1}}}"), none, true))
                .hasValueSatisfying(m -> assertThat(m).contains("'x'"));
        assertThat(SubmittedVariables.refusal(json("{\"localVariables\":{\"y\":{}}}"), none, false)).isPresent();
    }
    @Test
    void text_longer_than_its_fields_max_length_and_numbers_outside_min_max_are_refused_naming_the_label()
            throws Exception {
        JsonNode schema = json("""
                {"components":[
                 {"type":"textarea","key":"cause","label":"原因（量化）Cause, quantified","validate":{"maxLength":5}},
                 {"type":"number","key":"progressPct","label":"进度 Progress","validate":{"min":0,"max":100}},
                 {"type":"group","components":[{"type":"textfield","key":"note","label":"备注","validate":{"maxLength":3}}]},
                 {"type":"textfield","key":"free","label":"Free"}]}""");
        var limits = FormFields.limits(schema);
        assertThat(limits).containsOnlyKeys("cause", "progressPct", "note");
        var form = new SubmittedVariables.Declared("f", FormFields.of(schema), limits);

        assertThat(SubmittedVariables.outOfLimits(json("""
                {"variables":{"cause":{"value":"一二三四五","type":"String"},"progressPct":{"value":100,"type":"Integer"},
                 "note":{"value":"𠀀𠀀𠀀"},"free":{"value":"%s"}}}""".formatted("x".repeat(5000))), form))
                .as("at the limit, counted in characters (a supplementary character is one)").isEmpty();
        assertThat(SubmittedVariables.outOfLimits(json("""
                {"variables":{"cause":{"value":"一二三四五六","type":"String"}}}"""), form))
                .hasValue("「原因」最多 5 个字，现为 6 个字，请精简后再提交 / '原因' takes at most 5 characters (6 given)");
        assertThat(SubmittedVariables.outOfLimits(json("""
                {"variables":{"progressPct":{"value":120.5,"type":"Double"}}}"""), form))
                .hasValue("「进度 Progress」应≥ 0 且 ≤ 100，现为 120.5 / '进度 Progress' must be ≥ 0 and ≤ 100 (120.5 given)");
        assertThat(SubmittedVariables.outOfLimits(json("""
                {"localVariables":{"note":{"value":"abcd"}}}"""), form)).isPresent();
        assertThat(SubmittedVariables.outOfLimits(json("""
                {"variables":{"cause":{"value":null},"progressPct":{"value":"abc"}}}"""), form))
                .as("empty values and other types are the form's and the engine's business").isEmpty();
    }
}
