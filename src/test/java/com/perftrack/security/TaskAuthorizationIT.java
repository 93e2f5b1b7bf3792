package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each department sees and works its own tasks only (SPEC.md section 1; Camunda authorizations). */
@IntegrationTest
class TaskAuthorizationIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void a_department_sees_and_completes_only_its_own_tasks() throws Exception {
        String instanceId = startCycle("2025-01");

        List<String> salesTasks = waitForTaskKeys("sales.head", instanceId);
        assertThat(salesTasks).containsExactly("Task_SubmitSalesInformation");
        assertThat(waitForTaskKeys("production.head", instanceId)).containsExactly("Task_SubmitProductionInformation");
        assertThat(taskKeys("sales1", instanceId)).as("an employee sees no committee task").isEmpty();

        String salesTaskId = tasks("sales.head", instanceId).get(0).get("id").asText();
        var foreign = api.postJson("/engine-rest/task/" + salesTaskId + "/complete", "production.head", "{}");
        assertThat(foreign.status()).isIn(403, 404);
        assertThat(tasks("sales.head", instanceId)).as("the task is still open").hasSize(1);
    }

    @Test
    void a_second_start_for_the_same_period_is_refused_with_a_clear_message() {
        startCycle("2025-02");
        var again = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2025-02", "type", "String"))));
        // Camunda's REST API would answer 500 "Cannot instantiate process definition …: <our message>";
        // RefusalResponseFilter gives the caller a 409 with our sentence alone
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).doesNotContain("ENGINE-").doesNotContain("Cannot instantiate")
                .doesNotContain("Listener").doesNotContain("Exception");
        var count = api.get("/engine-rest/process-instance/count?businessKey=2025-02&processDefinitionKey=monthly-tracking-cycle", "secgen");
        assertThat(count.json().get("count").asInt()).isEqualTo(1);
        assertThat(again.json().get("message").asText()).contains("2025-02").contains("已存在").contains("already exists");
    }

    @Test
    void a_department_head_may_not_start_a_cycle() {
        var response = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "sales.head",
                Map.of("variables", Map.of("period", Map.of("value", "2025-03", "type", "String"))));
        assertThat(response.status()).as("the definition is invisible to sales, or starting it forbidden")
                .isIn(403, 404);
        var visible = api.get("/engine-rest/process-instance/count?businessKey=2025-03", "secgen");
        assertThat(visible.json().get("count").asInt()).isZero();
    }

    private String startCycle(String period) {
        var response = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", period, "type", "String"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("businessKey").asText()).isEqualTo(period);
        return response.json().get("id").asText();
    }

    private List<String> waitForTaskKeys(String user, String instanceId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> keys = taskKeys(user, instanceId);
            if (!keys.isEmpty()) {
                return keys;
            }
            Thread.sleep(200);
        }
        return List.of();
    }

    private List<String> taskKeys(String user, String instanceId) {
        List<String> keys = new ArrayList<>();
        tasks(user, instanceId).forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
        return keys;
    }

    private List<JsonNode> tasks(String user, String instanceId) {
        var response = api.get("/engine-rest/task?processInstanceId=" + instanceId + "&firstResult=0&maxResults=50", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }
}
