package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final CamundaIdentityAuthenticationProviderTest.MovableClock clock = new CamundaIdentityAuthenticationProviderTest.MovableClock();
    final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Limits.defaults(), clock);

    @Test
    void guesses_past_the_free_ones_wait_twice_as_long_each_time_up_to_the_ceiling() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitFor("gm", "10.0.0.9")).isEmpty();
            throttle.failed("gm", "10.0.0.9");
        }
        assertThat(throttle.waitFor("gm", "10.0.0.9")).isEmpty();
        throttle.failed("gm", "10.0.0.9"); // 6th
        assertThat(throttle.waitFor("gm", "10.0.0.9")).contains(Duration.ofSeconds(1));
        throttle.failed("gm", "10.0.0.9");
        assertThat(throttle.waitFor("gm", "10.0.0.9")).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("gm", "10.0.0.9");
        }
        assertThat(throttle.waitFor("gm", "10.0.0.9")).contains(Duration.ofSeconds(60));
        clock.now = clock.now.plusSeconds(61);
        assertThat(throttle.waitFor("gm", "10.0.0.9")).as("nothing is permanent").isEmpty();
    }

    @Test
    void an_anonymous_attacker_elsewhere_cannot_keep_the_user_out_of_his_usual_address() {
        throttle.succeeded("admin", "192.0.2.10"); // the administrator's usual way in
        for (int i = 0; i < 200; i++) {
            throttle.failed("admin", "203.0.113." + (i % 50));
        }
        assertThat(throttle.waitFor("admin", "192.0.2.10")).isEmpty();
        // from an unknown address the user waits at most the short per-user ceiling
        assertThat(throttle.waitFor("admin", "198.51.100.7")).hasValueSatisfying(
                d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void one_address_guessing_many_users_is_slowed_down_too() {
        for (int i = 0; i < 51; i++) {
            throttle.failed("user" + i, "203.0.113.5");
        }
        assertThat(throttle.waitFor("someone.else", "203.0.113.5")).isPresent();
        assertThat(throttle.waitFor("someone.else", "203.0.113.6")).isEmpty();
    }

    @Test
    void a_quiet_window_forgets_the_failures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("hr.head", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.failed("hr.head", "10.0.0.1");
        assertThat(throttle.waitFor("hr.head", "10.0.0.1")).isEmpty();
    }
}
