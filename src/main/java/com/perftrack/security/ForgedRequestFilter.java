package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sends on behalf of another site, whatever
 * credentials it carries: cached HTTP Basic credentials and session cookies are attached by the
 * browser to a forged form post as readily as to a real one.
 *
 * <p>Browsers say where a request comes from: {@code Sec-Fetch-Site} (every current browser) and
 * {@code Origin} (on every cross-origin POST, PUT, PATCH and DELETE). A request is refused when
 * {@code Sec-Fetch-Site} is {@code cross-site} or {@code same-site} (a sibling host is not us), or
 * when its {@code Origin} is neither this server's own origin nor one of
 * {@code ptc.security.allowed-origins}. Clients that are not browsers — Camunda Modeler's deploy,
 * curl, scripts — send neither header and pass, as do safe methods (GET, HEAD, OPTIONS, TRACE).
 */
class ForgedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ForgedRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String MESSAGE = "拒绝来自其他网站的请求：请在本系统的页面中操作。"
            + " / Refused: this request was sent by another web site.";

    private final Set<String> allowedOrigins;

    ForgedRequestFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(ForgedRequestFilter::normalise).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || isSameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused a cross-site {} {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the shape of Camunda's REST errors (type, message) and of a problem detail (title, detail)
        response.getWriter().write("{\"type\":\"ForbiddenCrossSiteRequest\",\"title\":\"跨站请求被拒绝\",\"status\":403,"
                + "\"message\":\"" + MESSAGE + "\",\"detail\":\"" + MESSAGE + "\"}");
    }

    boolean isSameSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            String origin = request.getHeader("Origin");
            // a same-site sibling host, or a proxy in front of us, counts only when configured
            return origin != null && allowedOrigins.contains(normalise(origin));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true; // not sent by a browser on behalf of another site
        }
        String normalised = normalise(origin);
        return normalised.equals(ownOrigin(request)) || allowedOrigins.contains(normalised);
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static String normalise(String origin) {
        String trimmed = origin.trim();
        if (trimmed.equalsIgnoreCase("null")) {
            return "null"; // sandboxed frames and data: pages: never our own origin
        }
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed.toLowerCase(Locale.ROOT);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }
}
