package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ForgedRequestFilterTest {

    final ForgedRequestFilter filter = new ForgedRequestFilter(Set.of("https://ptc.example.com"));

    int status(String method, String origin, String fetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/imports/figures");
        request.setServerName("localhost");
        request.setServerPort(8080);
        request.addHeader("Authorization", "Basic c2VjZ2VuOmRlbW8=");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void a_post_from_another_site_is_refused_whatever_credentials_it_carries() throws Exception {
        assertThat(status("POST", "http://evil.example", null)).isEqualTo(403);
        assertThat(status("POST", null, "cross-site")).isEqualTo(403);
        assertThat(status("PUT", "null", null)).isEqualTo(403);
        assertThat(status("DELETE", "http://localhost:8081", "same-site")).isEqualTo(403);
    }

    @Test
    void own_pages_configured_origins_and_clients_that_are_not_browsers_pass() throws Exception {
        assertThat(status("POST", "http://localhost:8080", "same-origin")).isEqualTo(200);
        assertThat(status("POST", null, null)).as("curl, Camunda Modeler").isEqualTo(200);
        assertThat(status("POST", null, "none")).as("typed into the address bar").isEqualTo(200);
        assertThat(status("POST", "https://ptc.example.com", "cross-site")).as("configured proxy origin").isEqualTo(200);
        assertThat(status("GET", "http://evil.example", "cross-site")).as("reading is not changing").isEqualTo(200);
    }
}
