package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 10's doors, each tried as the attacker tried it, on PostgreSQL. */
@IntegrationTest
class OpenDoorsIT {

    static final String ADMIN = "admin:it-admin-secret";
    static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    final HttpClient http = HttpClient.newHttpClient();
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    record Reply(int status, String body, HttpResponse<String> raw) {}

    Reply send(String method, String path, String user, String contentType, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user.contains(":") ? user : user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response);
    }

    /** A multipart body the way a browser's form (or Camunda Modeler) sends it. */
    static final class Multipart {
        final String boundary = "----ptc" + UUID.randomUUID();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="http://perftrack/it">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, body);
    }

    Reply deploy(String user, String processId, String body, Map<String, String> headers) throws Exception {
        Multipart form = new Multipart().field("deployment-name", processId).field("deployment-source", "Camunda Modeler")
                .field("enable-duplicate-filtering", "true").file("data", processId + ".bpmn", process(processId, body));
        return send("POST", "/engine-rest/deployment/create", user, form.contentType(), form.bytes(), headers);
    }

    long deployed(String processId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId).count();
    }

    // 1. forged requests -------------------------------------------------------------------------

    @Test
    void a_forged_page_cannot_import_figures_even_with_the_browsers_cached_basic_credentials() throws Exception {
        Multipart form = new Multipart().file("file", "figures.csv",
                "period,unit_type,unit_code,kpi_code,target,actual\n2026-10,company,DEMO,SALES_AMOUNT,1,999\n");
        byte[] body = form.bytes();
        Reply crossSite = send("POST", "/api/imports/figures", "secgen", form.contentType(), body,
                Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.body()).contains("其他网站").doesNotContain("ENGINE-");
        Reply originOnly = send("POST", "/api/imports/figures", "secgen", form.contentType(), body, Map.of("Origin", EVIL));
        assertThat(originOnly.status()).isEqualTo(403);
        assertThat(api.get("/api/figures?period=2026-10&unitType=company&unitCode=DEMO", "secgen").body())
                .doesNotContain("999");
    }

    @Test
    void a_forged_page_cannot_deploy_and_neither_can_it_post_to_the_webapps() throws Exception {
        Reply forged = deploy(ADMIN, "forged-deploy", "<bpmn:endEvent id=\"End\"/>", Map.of("Origin", EVIL));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(deployed("forged-deploy")).isZero();
        Reply webapp = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
                "application/x-www-form-urlencoded", "username=gm&password=demo".getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"));
        assertThat(webapp.status()).isEqualTo(403);
        // the same deployment without a browser's Origin (Modeler, curl) is a normal deployment
        Reply modeler = deploy(ADMIN, "modeler-deploy", "<bpmn:endEvent id=\"End\"/>", Map.of());
        assertThat(modeler.status()).as(modeler.body()).isEqualTo(200);
        assertThat(deployed("modeler-deploy")).isEqualTo(1);
    }

    // 2. deployments carrying code ------------------------------------------------------------------

    @Test
    void a_deployment_with_a_timer_started_juel_script_is_refused_at_deploy_time() throws Exception {
        String script = """
                <bpmn:scriptTask id="Task_Pwn" scriptFormat="juel">
                  <bpmn:script>${execution.setVariable('wd', ''.getClass().forName('java.lang.System').getProperty('user.dir'))}</bpmn:script>
                </bpmn:scriptTask>
                """;
        Reply refused = deploy(ADMIN, "pwn-script", script, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Task_Pwn").contains("script tasks are not allowed").doesNotContain("ENGINE-");
        assertThat(deployed("pwn-script")).isZero();

        Reply expression = deploy(ADMIN, "pwn-expression",
                "<bpmn:serviceTask id=\"Task_Expr\" camunda:expression=\"${execution.getProcessEngineServices().getIdentityService()}\"/>",
                Map.of());
        assertThat(expression.status()).isEqualTo(400);
        assertThat(expression.body()).contains("Task_Expr");
        assertThat(deployed("pwn-expression")).isZero();

        // an embedded HTML form would run its script in the browser of whoever opens the task
        Multipart withPage = new Multipart().field("deployment-name", "pwn-page").field("deployment-source", "Camunda Modeler")
                .file("data", "pwn-page.bpmn", process("pwn-page", "<bpmn:userTask id=\"Task_Page\" camunda:formKey=\"embedded:deployment:steal.html\"/>"))
                .file("form", "steal.html", "<form><script>fetch('/camunda/api/admin/auth/user/default')</script></form>");
        Reply page = send("POST", "/engine-rest/deployment/create", ADMIN, withPage.contentType(), withPage.bytes(), Map.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("steal.html");
        assertThat(deployed("pwn-page")).isZero();
    }

    @Test
    void deployment_rights_belong_to_process_owners_not_to_committee_members() throws Exception {
        assertThat(deploy("secgen", "secgen-deploy", "<bpmn:endEvent id=\"End\"/>", Map.of()).status()).isEqualTo(403);
        assertThat(deployed("secgen-deploy")).isZero();
        String owner = user("it.process.owner", "Owner-pass-1");
        identityService.createMembership(owner, AuthorizationSetup.PROCESS_OWNER);
        Reply ok = deploy(owner + ":Owner-pass-1", "owner-deploy", "<bpmn:endEvent id=\"End\"/>", Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(deployed("owner-deploy")).isEqualTo(1);
    }

    // 7. least privilege for reading -------------------------------------------------------------------

    @Test
    void the_user_list_is_for_hr_and_administrators_and_metrics_for_administrators() throws Exception {
        Reply sales = send("GET", "/engine-rest/user?maxResults=500", "sales.head", null, null, Map.of());
        assertThat(sales.status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/user?maxResults=500", "sales.head").json().findValuesAsText("id"))
                .containsExactly("sales.head");
        assertThat(api.get("/engine-rest/user?maxResults=500", "hr.head").json().findValuesAsText("id"))
                .contains("gm", "sales1", "sales.head");
        assertThat(api.get("/actuator/metrics", "sales.head").status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", "gm").status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    // 8. logins that cannot be turned against users -------------------------------------------------------

    @Test
    void twenty_anonymous_wrong_passwords_leave_the_real_user_able_to_log_in_after_the_delay() throws Exception {
        String victim = user("it.victim", "Victim-pass-1");
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            int status = api.get(i % 2 == 0 ? "/api/me" : "/engine-rest/process-definition", victim + ":wrong-" + i).status();
            assertThat(status).isIn(401, 429);
            if (status == 429) {
                throttled++;
            }
        }
        assertThat(throttled).as("guessing is slowed down").isPositive();
        Reply waiting = send("GET", "/api/me", victim + ":Victim-pass-1", null, null, Map.of());
        long retryAfter = 0;
        if (waiting.status() == 429) {
            retryAfter = Long.parseLong(waiting.raw().headers().firstValue("Retry-After").orElseThrow());
            assertThat(waiting.body()).contains("秒后再试");
        }
        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(api.get("/api/me", victim + ":Victim-pass-1").status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/process-definition?maxResults=1", victim + ":Victim-pass-1").status()).isEqualTo(200);
        assertThat(identityService.createUserQuery().userId(victim).singleResult()).isNotNull();
    }

    @Test
    void a_changed_password_ends_the_remembered_login_at_once() {
        String user = user("it.changing", "First-pass-1");
        assertThat(api.get("/api/me", user + ":First-pass-1").status()).isEqualTo(200);
        User stored = identityService.createUserQuery().userId(user).singleResult();
        stored.setPassword("Second-pass-2");
        identityService.saveUser(stored);
        assertThat(api.get("/api/me", user + ":First-pass-1").status()).isEqualTo(401);
        assertThat(api.get("/api/me", user + ":Second-pass-2").status()).isEqualTo(200);
        identityService.createMembership(user, "finance");
        assertThat(api.get("/api/me", user + ":Second-pass-2").body()).contains("finance");
    }

    private String user(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            identityService.deleteUser(id);
        }
        User user = identityService.newUser(id);
        user.setFirstName(id);
        user.setLastName("IT");
        user.setPassword(password);
        identityService.saveUser(user);
        return id;
    }
}
