package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Text that fits (issue 11): every text a form writes declares a limit no larger than where it is
 * kept — our table's column, else the engine's string variable (4,000 characters on PostgreSQL) —
 * and a longer text sent past the form is refused with the field's label before anything is stored.
 */
@IntegrationTest
class FormTextLimitsIT {

    /** Form fields kept in a column of our own tables (besides the process variable). */
    static final Map<String, String> STORED_IN = Map.ofEntries(
            Map.entry("item", "improvement_action.item"),
            Map.entry("agendaPurpose", "agenda.purpose"),
            Map.entry("expectedResult", "improvement_action.expected_result"),
            Map.entry("measures", "improvement_action.measures"),
            Map.entry("reportComment", "action_report.comment"),
            Map.entry("reviewComment", "smart_review.reasons"),
            Map.entry("changeReason", "evaluation.change_reason"),
            Map.entry("reasons", "evaluation_appeal.reasons"),
            Map.entry("departmentHeadOpinion", "evaluation_appeal.department_head_opinion"),
            Map.entry("decisionReason", "evaluation_appeal.decision_reason"),
            Map.entry("deviation", "finding.deviation"),
            Map.entry("cause1", "finding.cause"), Map.entry("cause2", "finding.cause"),
            Map.entry("cause1Impact", "finding.impact"), Map.entry("cause2Impact", "finding.impact"),
            Map.entry("cause1Proposal", "finding.proposal"), Map.entry("cause2Proposal", "finding.proposal"),
            Map.entry("cause1Solution", "finding.solution"), Map.entry("cause2Solution", "finding.solution"),
            Map.entry("cause1RequestAmount", "resource_request.amount"),
            Map.entry("cause2RequestAmount", "resource_request.amount"),
            Map.entry("resourceDecisionComment", "resource_request.reason"),
            Map.entry("attendanceComment", "meeting_attendance.note"),
            Map.entry("feedbackComment", "department_feedback.feedback"),
            Map.entry("ratingComment", "feedback_rating.comment"));

    /** ACT_RU_VARIABLE.TEXT_ on PostgreSQL: the longest string a process variable holds. */
    static final int ENGINE_STRING = 4000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_text_field_of_every_form_declares_a_limit_that_its_column_holds() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
            collect(new ObjectMapper().readTree(file), file.getName(), problems, checked);
        }
        assertThat(problems).as("text fields without a fitting maxLength").isEmpty();
        assertThat(checked).as("the stored fields were all found in the forms").containsKeys("measures", "deviation",
                "reasons", "changeReason", "reportComment");
    }

    private void collect(JsonNode node, String form, List<String> problems, Map<String, Integer> checked) {
        for (JsonNode c : node.path("components")) {
            String type = c.path("type").asText();
            String key = c.path("key").asText("");
            if ((type.equals("textfield") || type.equals("textarea")) && !key.isBlank()
                    && !c.path("disabled").asBoolean(false)) {
                JsonNode max = c.path("validate").path("maxLength");
                if (!max.isInt()) {
                    problems.add(form + " " + key + ": no maxLength");
                } else {
                    int room = ENGINE_STRING;
                    String column = STORED_IN.get(key);
                    if (column != null) {
                        String[] tc = column.split("\\.");
                        Integer length = jdbc.queryForObject("select character_maximum_length from information_schema.columns"
                                + " where table_schema = current_schema() and table_name = ? and column_name = ?",
                                Integer.class, tc[0], tc[1]);
                        room = length == null ? ENGINE_STRING : Math.min(length, ENGINE_STRING);
                        checked.put(key, room);
                    }
                    if (max.asInt() > room) {
                        problems.add(form + " " + key + ": maxLength " + max.asInt() + " > " + room
                                + (column == null ? " (process variable)" : " (" + column + ")"));
                    }
                }
            }
            collect(c, form, problems, checked);
        }
    }

    @Test
    void a_text_longer_than_its_field_sent_past_the_form_is_refused_with_the_label_and_nothing_is_kept()
            throws Exception {
        Api api = new Api(port);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2015-07", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        JsonNode finance = null;
        for (int i = 0; i < 100 && finance == null; i++) {
            var tasks = api.get("/engine-rest/task?processInstanceId=" + cycle
                    + "&taskDefinitionKey=Task_SubmitFinanceInformation&maxResults=5", "finance.head").json();
            finance = tasks.size() > 0 ? tasks.get(0) : null;
            if (finance == null) {
                Thread.sleep(100);
            }
        }
        assertThat(finance).as("finance's collection task").isNotNull();
        String id = finance.get("id").asText();
        int max = maxLength("submit-finance-information", "finance_financeSummary");
        var refused = api.postJson("/engine-rest/task/" + id + "/complete", "finance.head", Map.of("variables",
                Map.of("finance_financeSummary", Map.of("value", "说".repeat(max + 1), "type", "String"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).startsWith("「")
                .contains("最多 " + max + " 个字，现为 " + (max + 1) + " 个字").doesNotContain("ENGINE-").doesNotContain(id);
        assertThat(api.get("/engine-rest/task/" + id, "finance.head").status()).as("the task stays open").isEqualTo(200);
        var kept = api.postJson("/engine-rest/task/" + id + "/complete", "finance.head", Map.of("variables",
                Map.of("finance_financeSummary", Map.of("value", "说".repeat(max), "type", "String"))));
        assertThat(kept.status()).as(kept.body()).isEqualTo(204);
    }

    private static int maxLength(String form, String key) throws Exception {
        JsonNode found = find(new ObjectMapper().readTree(new File("forms/" + form + ".form")), key);
        assertThat(found).as(key + " in " + form).isNotNull();
        return found.path("validate").path("maxLength").asInt();
    }

    private static JsonNode find(JsonNode node, String key) {
        for (JsonNode c : node.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
            JsonNode inner = find(c, key);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
