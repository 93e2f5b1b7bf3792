package com.perftrack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine REST API (and Tasklist's own copy under {@code /camunda/api/engine}) answers a
 * refusal thrown by one of our listeners with HTTP 500 and the engine's wrapping text
 * ("Cannot submit task form &lt;id&gt;: ENGINE-03051 There was an exception while invoking the
 * TaskListener…"). For changing requests this filter replaces such an answer with the refusal's
 * own sentence: 409 for a conflict (a cycle that exists, a task completed a moment ago by someone
 * else), 422 for any other business refusal, in the engine's error shape
 * ({@code type}, {@code message}) plus {@code status} and {@code detail}. Any other failure
 * (500) is answered "保存失败，请联系管理员（编号 …）" and logged with the same reference and the
 * engine's own text: no SQL or stack text reaches a person.
 */
class RefusalResponseFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusalResponseFilter.class);
    private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d+\\s*");
    private static final Pattern TASK_PATH = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?");
    private static final Pattern MAPPED = Pattern.compile("/engine-rest/.*|/camunda/api/engine/.*");
    private static final Pattern QUERY = Pattern.compile(".*/(list|count)/?");

    private final HistoryService historyService;
    private final IdentityService identityService;

    RefusalResponseFilter(HistoryService historyService, IdentityService identityService) {
        this.historyService = historyService;
        this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // queries sent as POST (Tasklist's filter lists, counts) change nothing and may answer large
        // lists: they are not buffered
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !MAPPED.matcher(path).matches()
                || QUERY.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RefusalRecorder.clear();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
            RuntimeException refusal = RefusalRecorder.take();
            int status = buffered.getStatus();
            if (status >= 400 && status != 401) {
                rewrite(request, buffered, refusal);
            }
        } finally {
            RefusalRecorder.clear();
            buffered.copyBodyToResponse();
        }
    }

    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response, RuntimeException refusal)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher task = TASK_PATH.matcher(path);
        int original = response.getStatus();
        int status;
        String message;
        if (refusal instanceof OptimisticLockingException || (task.matches() && wasCompleted(task.group(1)))) {
            // two people completed one task at once: whatever the loser's transaction tripped over
            // (a vanished task, a concurrent update, a join that moved on), the answer is the same
            status = 409;
            message = "该任务刚刚已由他人处理，请刷新任务列表。 / This task has just been completed or changed by someone else.";
        } else if (refusal != null && original != 403 && original != 404) {
            // a 4xx the engine chose itself keeps its status; a refusal it wrapped into a 500 becomes 409/422
            status = refusal instanceof ConflictRefusal ? 409 : original < 500 ? original : 422;
            message = clean(refusal.getMessage());
            if (message.isBlank()) {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.warn("Refusal without a message (编号 {})", id, refusal);
                message = "操作未完成，请联系管理员（编号 " + id + "） / Not done, please contact the administrator (ref " + id + ")";
            }
        } else if (original >= 500) {
            // an unexpected failure: no SQL or stack text for the person, the same reference in the log
            String id = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected failure of {} {} (编号 {}): {}", request.getMethod(), path, id,
                    new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
            status = original;
            message = "保存失败，请联系管理员（编号 " + id + "）。 / Not saved, please contact the administrator (ref " + id + ").";
        } else {
            return; // not a refusal of ours: the engine's own answer stands
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "type", status == 409 ? "Conflict" : status >= 500 ? "UnexpectedFailure" : "BusinessRefusal", "status", status, "message", message,
                "detail", message));
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private boolean wasCompleted(String taskId) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    static String clean(String message) {
        if (message == null) {
            return "";
        }
        return ENGINE_CODE.matcher(message).replaceAll("").trim();
    }
}
