package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anonymous_engine_rest_call_is_refused_with_401() {
        assertThat(api.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    }

    @Test
    void authenticated_engine_rest_call_is_answered() {
        var response = api.get("/engine-rest/process-definition?key=monthly-tracking-cycle&firstResult=0&maxResults=10", "secgen");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsText("key")).contains("monthly-tracking-cycle");
    }

    @Test
    void wrong_password_is_refused() {
        // a user of its own: Camunda locks a user for a few seconds after a failed login
        assertThat(api.get("/engine-rest/process-definition", "contract.head:wrong").status()).isEqualTo(401);
        assertThat(api.get("/api/me", "contract.head:wrong").status()).isEqualTo(401);
    }

    @Test
    void anonymous_api_call_is_refused_with_401_and_a_basic_challenge() {
        var response = api.get("/api/me", null);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void api_knows_the_user_and_their_groups() {
        var response = api.get("/api/me", "sales.head");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("userId").asText()).isEqualTo("sales.head");
        assertThat(response.json().get("groups").toString()).contains("\"sales\"");
    }

    @Test
    void health_is_open_but_shows_no_details() {
        var response = api.get("/actuator/health", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("UP").doesNotContain("postgres");
    }

    @Test
    void errors_carry_no_stack_trace() {
        var response = api.get("/api/no-such-thing", "secgen");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("at com.").doesNotContain("at org.").doesNotContain("Exception");
    }
}
