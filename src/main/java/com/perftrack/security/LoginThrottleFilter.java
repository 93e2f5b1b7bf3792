package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to every way a password reaches the server: HTTP Basic on
 * {@code /api} and {@code /engine-rest}, the webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) and the dashboard's login form
 * ({@code POST /login}). A throttled attempt is answered 429 with {@code Retry-After}, before any
 * password is checked; the outcome of the others (401 or not) is counted.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    private static final int MAX_FORM = 16 * 1024;

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String userId = basicUser(request);
        boolean formLogin = false;
        if (userId == null && "POST".equalsIgnoreCase(request.getMethod())) {
            if (WEBAPP_LOGIN.matcher(path).matches()) {
                BufferedBodyRequest buffered = new BufferedBodyRequest(request);
                request = buffered;
                userId = formValue(buffered.body, "username");
                formLogin = userId != null;
            } else if (path.equals("/login")) {
                userId = request.getParameter("username");
                formLogin = userId != null;
            }
        }
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(userId, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            log.warn("Login of '{}' from {} throttled for {} s after failed attempts", userId, address, seconds);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String message = "登录失败次数过多，请 " + seconds + " 秒后再试。 / Too many failed logins, try again in "
                    + seconds + " s.";
            response.getWriter().write("{\"type\":\"TooManyFailedLogins\",\"status\":429,\"title\":\"请稍后再试\","
                    + "\"message\":\"" + message + "\",\"detail\":\"" + message + "\"}");
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        String location = response.getHeader("Location");
        boolean failed = status == 401 || (formLogin && path.equals("/login") && location != null && location.contains("error"));
        if (failed) {
            throttle.failed(userId, address);
        } else if (status < 400 || status == 403 || status == 404) {
            throttle.succeeded(userId, address);
        }
    }

    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One field of a URL-encoded form body; null when absent, blank or the body is no small form. */
    static String formValue(byte[] body, String name) {
        if (body.length > MAX_FORM) {
            return null;
        }
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                String value = URLDecoder.decode(new String(pair.substring(eq + 1).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }
}
