package com.perftrack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A Tasklist browser session without a browser: the webapp's own login (session cookie) and its
 * CSRF token, to call Tasklist's engine API ({@code /camunda/api/engine/...}) as Tasklist does.
 */
final class TasklistSession {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private String csrf;

    private TasklistSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A visitor with Tasklist's CSRF token but nobody signed in. */
    static TasklistSession anonymous(int port) {
        TasklistSession session = new TasklistSession(port);
        session.refreshToken("/camunda/app/tasklist/default/");
        return session;
    }

    static TasklistSession login(int port, String user, String password) {
        TasklistSession session = new TasklistSession(port);
        session.refreshToken("/camunda/app/tasklist/default/");
        var login = session.send(HttpRequest.newBuilder(URI.create(session.base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " gave " + login.statusCode() + ": " + login.body());
        }
        session.refreshToken("/camunda/api/admin/auth/user/default");
        return session;
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void refreshToken(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Optional<String> header = response.headers().firstValue("X-XSRF-TOKEN");
        csrf = header.orElseGet(() -> cookies.getCookieStore().getCookies().stream()
                .filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue).reduce((a, b) -> b)
                .orElse(csrf));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
