package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refusals reach a REST client as a 4xx carrying our sentence, never the engine's wrapping. */
@IntegrationTest
class RefusalsIT {

    static final String PERIOD = "2016-02";

    @LocalServerPort
    int port;

    @Test
    void listener_refusals_are_422_and_a_task_completed_twenty_times_at_once_succeeds_once() throws Exception {
        Api api = new Api(port);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", PERIOD, "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();

        // the collection listener refuses while sales' figures are missing: 422 with the figures named
        JsonNode sales = task(api, "sales.head", cycle, "Task_SubmitSalesInformation");
        var refused = api.postJson("/engine-rest/task/" + sales.get("id").asText() + "/complete", "sales.head",
                Map.of("variables", Map.of("sales_salesSummary", Map.of("value", "说明", "type", "String"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("SALES_AMOUNT")
                .doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("Cannot complete")
                .doesNotContain(sales.get("id").asText());

        // twenty people's browsers complete finance's task at the same moment
        JsonNode finance = task(api, "finance.head", cycle, "Task_SubmitFinanceInformation");
        String path = "/engine-rest/task/" + finance.get("id").asText() + "/complete";
        Map<String, Object> body = Map.of("variables",
                Map.of("finance_financeSummary", Map.of("value", "本月财务说明", "type", "String")));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Api.Response> call = () -> api.postJson(path, "finance.head", body);
                replies.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> reply : replies) {
                Api.Response response = reply.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.json().get("message").asText()).contains("他人").doesNotContain("ENGINE-");
                }
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(204, 409);
            assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static JsonNode task(Api api, String user, String instance, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var reply = api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=10", user);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode found = reply.json();
            if (found.isArray() && found.size() > 0) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw " + key);
    }
}
