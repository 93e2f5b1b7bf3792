package com.perftrack.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Processes keep their own facts (issue 10): a task completion or process start sent over the
 * engine REST API or Tasklist's own API may set only the fields of the element's Camunda Form.
 * Anything else is answered 400 in the engine REST API's error shape ({@code type}, {@code message})
 * naming the variable, and never reaches the engine. Only the few write paths below are read;
 * every other request passes untouched.
 */
class FormVariableFilter extends OncePerRequestFilter {

    private static final String ENGINE = "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)";
    static final Pattern TASK = Pattern.compile(ENGINE + "/task/([^/]+)/(?:complete|submit-form|resolve)$");
    static final Pattern START = Pattern.compile(ENGINE
            + "/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)$");
    private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/([^/]+)/");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final DeclaredForms forms;

    FormVariableFilter(DeclaredForms forms) {
        this.forms = forms;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String path = path(request);
        return !(path.endsWith("/complete") || path.endsWith("/submit-form") || path.endsWith("/start")
                || path.endsWith("/resolve"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (!signedIn(request, path)) {
            chain.doFilter(request, response); // Tasklist's API answers 401 itself, revealing nothing of the form
            return;
        }
        Matcher task = TASK.matcher(path);
        Matcher start = START.matcher(path);
        Optional<SubmittedVariables.Declared> declared;
        boolean isStart = false;
        if (task.matches()) {
            declared = forms.ofTask(task.group(1));
        } else if (start.matches()) {
            isStart = true;
            declared = start.group(3) != null ? forms.ofStart(start.group(3), null, null)
                    : forms.ofStart(null, start.group(1), start.group(2));
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (declared.isEmpty()) {
            chain.doFilter(request, response); // unknown task or definition: the engine answers 404
            return;
        }
        BufferedBodyRequest buffered = new BufferedBodyRequest(request);
        Optional<String> refusal;
        Optional<String> outOfLimits = Optional.empty();
        try {
            JsonNode body = buffered.body.length == 0 ? null : JSON.readTree(buffered.body);
            refusal = SubmittedVariables.refusal(body, declared.get(), isStart);
            if (refusal.isEmpty()) {
                outOfLimits = SubmittedVariables.outOfLimits(body, declared.get());
            }
        } catch (IOException notJson) {
            refusal = Optional.of("请求体不是有效的 JSON / the request body is not valid JSON (or repeats a key)");
        }
        if (refusal.isPresent()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, refusal.get());
            return;
        }
        if (outOfLimits.isPresent()) {
            // a value the form would not take: as a business refusal, 422 with the sentence
            refuse(response, 422, outOfLimits.get());
            return;
        }
        chain.doFilter(buffered, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", message);
        error.put("code", 0); // the engine REST API's code for a general error
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(error));
    }

    /**
     * The engine REST API authenticates before this filter runs; Tasklist's API authenticates from
     * its session in a filter of its own, whose place in the chain is not ours to set.
     */
    private static boolean signedIn(HttpServletRequest request, String path) {
        Matcher webapp = WEBAPP_ENGINE.matcher(path);
        if (!webapp.find()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(webapp.group(1)) != null;
    }

    /** The decoded, normalised path inside the application (no context path, no trailing slash). */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
