package com.perftrack.failfast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 12: an OutOfMemoryError at a request or thread boundary ends the JVM. In this JVM the halt
 * is recorded, not done; {@link #a_jvm_whose_thread_runs_out_of_memory_exits_with_status_3_instead_of_living_on}
 * runs the real thing in a JVM of its own.
 */
class OutOfMemoryHaltTest {

    final List<Integer> halts = new ArrayList<>();
    final OutOfMemoryHalt halt = new OutOfMemoryHalt(halts::add);

    @Test
    void an_out_of_memory_error_wrapped_by_the_servlet_layer_halts_at_the_request_boundary() {
        HaltOnOutOfMemoryFilter filter = new HaltOnOutOfMemoryFilter(halt);
        ServletException wrapped = new ServletException("Handler dispatch failed", new OutOfMemoryError("Java heap space"));
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    throw wrapped;
                })).isSameAs(wrapped);
        assertThat(halts).containsExactly(3);
    }

    @Test
    void other_failures_pass_the_filter_and_the_resolver_untouched() {
        HaltOnOutOfMemoryFilter filter = new HaltOnOutOfMemoryFilter(halt);
        IllegalStateException failure = new IllegalStateException("a bug, not a full heap");
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    throw failure;
                })).isSameAs(failure);
        assertThat(new HaltOnOutOfMemoryResolver(halt).resolveException(new MockHttpServletRequest(),
                new MockHttpServletResponse(), null, failure)).isNull();
        assertThat(halts).isEmpty();
    }

    @Test
    void the_mvc_resolver_halts_before_any_exception_handler_could_answer_500() {
        HaltOnOutOfMemoryResolver resolver = new HaltOnOutOfMemoryResolver(halt);
        assertThat(resolver.getOrder()).isEqualTo(Integer.MIN_VALUE);
        resolver.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
                new ServletException("Handler dispatch failed", new OutOfMemoryError("Java heap space")));
        assertThat(halts).containsExactly(3);
    }

    @Test
    void a_thread_ended_by_out_of_memory_halts_and_other_deaths_go_to_the_previous_handler() throws Exception {
        List<Throwable> previous = new ArrayList<>();
        HaltingUncaughtExceptionHandler handler = new HaltingUncaughtExceptionHandler(halt, (t, e) -> previous.add(e));
        Thread poller = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "http-nio-poller");
        poller.setUncaughtExceptionHandler(handler);
        poller.start();
        poller.join();
        assertThat(halts).containsExactly(3);
        assertThat(previous).isEmpty();

        RuntimeException bug = new IllegalArgumentException("bug");
        handler.uncaughtException(Thread.currentThread(), bug);
        assertThat(previous).containsExactly(bug);
        assertThat(halts).containsExactly(3);
    }

    @Test
    void a_jvm_whose_thread_runs_out_of_memory_exits_with_status_3_instead_of_living_on() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                ZombieCandidate.class.getName()).redirectErrorStream(true).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes());
        if (!ended) {
            child.destroyForcibly();
        }
        assertThat(ended).as("the JVM ended; output: " + output).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("halting the JVM");
    }

    /** A JVM kept alive by a non-daemon thread (like Tomcat's) whose other thread runs out of heap. */
    static final class ZombieCandidate {
        public static void main(String[] args) throws Exception {
            Thread.setDefaultUncaughtExceptionHandler(new HaltingUncaughtExceptionHandler(OutOfMemoryHalt.ofRuntime(),
                    Thread.getDefaultUncaughtExceptionHandler()));
            Thread keepAlive = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "keep-alive");
            keepAlive.start();
            Thread greedy = new Thread(() -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1024 * 1024]);
                }
            }, "greedy");
            greedy.start();
            keepAlive.join();
        }
    }
}
