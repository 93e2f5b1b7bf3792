package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The webapps' own login form (Tasklist's sign-in page) is throttled like Basic credentials. */
class LoginThrottleFilterTest {

    final CamundaIdentityAuthenticationProviderTest.MovableClock clock = new CamundaIdentityAuthenticationProviderTest.MovableClock();
    final LoginThrottleFilter filter = new LoginThrottleFilter(new LoginThrottle(
            new LoginThrottle.Limits(50, 2, 20, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMinutes(15)), clock));

    /** Camunda's login resource: 401 unless the password is right; it must read the very body we read. */
    static final class LoginResource extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            response.setStatus(body.contains("password=right") ? 200 : 401);
        }
    }

    int login(String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setRemoteAddr("198.51.100.9");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(("username=%E5%BC%A0%E4%BC%9F&password=" + password).getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new LoginResource()));
        return response.getStatus();
    }

    @Test
    void wrong_passwords_on_the_sign_in_page_wait_then_the_right_one_passes() throws Exception {
        assertThat(login("wrong1")).isEqualTo(401);
        assertThat(login("wrong2")).isEqualTo(401);
        assertThat(login("wrong3")).isEqualTo(401);
        assertThat(login("right")).as("the third failure makes the next try wait").isEqualTo(429);
        clock.now = clock.now.plusSeconds(2);
        assertThat(login("right")).as("the body still reaches the login resource").isEqualTo(200);
    }

    @Test
    void form_values_are_url_decoded() {
        assertThat(LoginThrottleFilter.formValue("a=1&username=%E5%BC%A0%E4%BC%9F".getBytes(StandardCharsets.UTF_8),
                "username")).isEqualTo("张伟");
        assertThat(LoginThrottleFilter.formValue("username=".getBytes(StandardCharsets.UTF_8), "username")).isNull();
    }
}
