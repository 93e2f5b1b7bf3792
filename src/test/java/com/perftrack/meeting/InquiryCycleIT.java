package com.perftrack.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, must-show 2: one review cycle through the public REST API on PostgreSQL in which the
 * inquiry decides. Production ticks "no problem this period" by mistake and the secretary-general
 * sends its record back to the standing office, which corrects it; sales' two external causes ask
 * for resources: the general manager declines the first, the production head grants the second;
 * the sales action is heard "not improved" at the next meeting and reissued, and the agenda after
 * that lists the reissued round. {@code /api/resource-requests} and {@code /api/actions} show each
 * state on the way.
 */
@IntegrationTest
class InquiryCycleIT {

    static final String COMPANY = "INQ";
    static final String PERIOD = "2026-08";
    static final String ADMIN = "admin:it-admin-secret";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,INQ,质询测试公司,,gm,,production\n"
            + "department,INQ-SALES,销售部,INQ,sales.head,,sales\n"
            + "department,INQ-MKT,市场部,INQ,marketing.head,,marketing\n"
            + "department,INQ-PROD,生产部,INQ,production.head,,production\n"
            + "department,INQ-QUAL,质量部,INQ,quality.head,,quality\n"
            + "department,INQ-FIN,财务部,INQ,finance.head,,finance\n"
            + "department,INQ-HR,人力资源部,INQ,hr.head,,hr\n"
            + "region,INQ-EAST,华东区,INQ-SALES,sales.head,,\n"
            + "person,INQ-P1,马芳,INQ-EAST,sales1,,employee\n";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    Api api;
    final List<String> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        started.forEach(id -> runtime.createProcessInstanceQuery().processInstanceId(id).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test ends")));
        runtime.createProcessInstanceQuery().variableValueEquals("companyCode", COMPANY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test ends"));
    }

    @Test
    void the_inquiry_sends_back_decides_requests_and_never_drops_a_problem() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        companies.addMember(COMPANY, "sales1");
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "inq.csv", bytes(ORGANISATION)).status()).isEqualTo(200);
        String cycle = cycleAtTheMeeting(PERIOD);

        // the standing office records the two reports: sales with two external causes, production "no problem"
        for (JsonNode report : tasks(cycle, "Task_RecordDepartmentReport", "marketing.head", 2)) {
            String department = api.get("/engine-rest/task/" + report.get("id").asText() + "/variables/reportDepartment",
                    "marketing.head").json().get("value").asText();
            complete(report, "marketing.head", "sales".equals(department) ? salesReport()
                    : Map.of("deviation", string("无重大偏差"), "noFinding", bool(true)));
        }
        JsonNode open = await(() -> list("/api/resource-requests?period=" + PERIOD + "&status=open&companyCode=" + COMPANY, 2));
        assertThat(open.get(0).get("requestedFrom").asText()).isEqualTo("committee-chair");
        assertThat(open.get(1).get("requestedFrom").asText()).isEqualTo("production");

        // the secretary-general sends production's record back: the tick was wrong
        task(cycle, "Task_ConfirmFindings", "secgen");
        var sentBack = api.postJson("/api/findings/send-back", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY,
                "department", "production", "reason", "误勾本部门本期无问题：产能不足导致交付延迟"));
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        JsonNode correction = task(cycle, "Task_CorrectDepartmentReport", "marketing.head");
        assertThat(correction.get("description").asText()).contains("产能不足");
        var early = api.postJson("/api/findings/confirm", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY));
        assertThat(early.status()).as("nothing is confirmed while a record is out").isEqualTo(409);
        complete(correction, "marketing.head", productionReport());
        task(cycle, "Task_ConfirmFindings", "secgen");
        JsonNode findings = api.get("/api/findings?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(findings).extracting(f -> f.get("reportingDepartment").asText())
                .containsExactlyInAnyOrder("sales", "sales", "production");
        var confirmed = api.postJson("/api/findings/confirm", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        // the requests go to their providers: the general manager declines, the production head grants
        complete(decisionTask("gm", open.get(0).get("id").asLong()), "gm", Map.of("resourceDecision", string("reject"),
                "resourceDecisionComment", string("本季度不跨部门抽调，由销售部内部调配")));
        JsonNode declined = await(() -> list("/api/resource-requests?period=" + PERIOD + "&status=declined&companyCode="
                + COMPANY, 1)).get(0);
        assertThat(declined.get("id").asLong()).isEqualTo(open.get(0).get("id").asLong());
        assertThat(declined.get("decidedBy").asText()).isEqualTo("gm");
        assertThat(declined.get("reason").asText()).isEqualTo("本季度不跨部门抽调，由销售部内部调配");
        assertThat(list("/api/resource-requests?period=" + PERIOD + "&status=open&companyCode=" + COMPANY, 1))
                .as("the second is still open").isNotNull();
        complete(decisionTask("production.head", open.get(1).get("id").asLong()), "production.head",
                Map.of("resourceDecision", string("approve"), "resourceDecisionComment", string("9 月起加开夜班")));
        JsonNode granted = await(() -> list("/api/resource-requests?period=" + PERIOD + "&status=granted&companyCode="
                + COMPANY, 1)).get(0);
        assertThat(granted.get("id").asLong()).isEqualTo(open.get(1).get("id").asLong());
        assertThat(granted.get("decidedBy").asText()).isEqualTo("production.head");
        assertThat(api.get("/api/resource-requests?status=open&companyCode=" + COMPANY, "secgen").json()).isEmpty();

        // the granted request shows on the action of the finding it serves
        JsonNode served = await(() -> actionOf(granted.get("findingId").asLong(), 1));
        assertThat(api.get("/api/actions/" + served.get("actionId").asLong(), "secgen").json().get("grantedResources"))
                .singleElement().satisfies(g -> assertThat(g.get("requestId").asLong()).isEqualTo(granted.get("id").asLong()));

        // the sales action of the declined request's finding: written (a deadline within the SMART horizon), reviewed, open
        long findingId = declined.get("findingId").asLong();
        JsonNode draft = await(() -> actionOf(findingId, 1));
        assertThat(draft.get("state").asText()).isEqualTo("draft");
        String actionInstance = draft.get("processInstanceId").asText();
        complete(task(actionInstance, "Task_WriteActionForm", "sales.head"), "sales.head", Map.of(
                "item", string("华东区销售额回升"), "deadline", string(java.time.LocalDate.now().plusDays(45).toString()), "responsiblePerson", string("sales1"),
                "expectedResult", string("SALES_AMOUNT 从 175 万提升 15% 至 200 万"), "measures", string("每周拜访重点客户 3 家")));
        Map<String, Object> review = new LinkedHashMap<>();
        for (String item : List.of("smartSpecific", "smartMeasurable", "smartAchievable", "smartRelevant", "smartTimeBound")) {
            review.put(item, bool(true));
        }
        review.put("reviewComment", string("符合 SMART"));
        complete(task(actionInstance, "Task_ReviewSmart", "marketing.head"), "marketing.head", review);
        JsonNode opened = await(() -> {
            JsonNode a = actionOf(findingId, 1);
            return a != null && "open".equals(a.get("state").asText()) ? a : null;
        });
        long actionId = opened.get("actionId").asLong();
        assertThat(opened.get("responsiblePerson").asText()).isEqualTo("sales1");

        // the next meeting hears it: not improved, reissued with a new deadline
        String next = asSecretaryGeneral(() -> runtime.createProcessInstanceByKey("monthly-tracking-cycle")
                .startBeforeActivity("Task_RecordActionResult#multiInstanceBody")
                .setVariables(meeting("2026-09", Map.of("followUpActionIds", new ArrayList<>(List.of(actionId)))))
                .execute(true, false).getId());
        complete(task(next, "Task_RecordActionResult", "marketing.head"), "marketing.head", Map.of(
                "actionOutcome", string("NOT_IMPROVED"), "actionOutcomeNote", string("拜访未落实，客户流失"),
                "notImprovedDecision", string("REISSUE"), "reissueDeadline", string(java.time.LocalDate.now().plusDays(75).toString())));
        JsonNode reissued = await(() -> {
            for (JsonNode a : api.get("/api/actions?status=reissued", "secgen").json()) {
                if (a.get("actionId").asLong() == actionId) {
                    return a;
                }
            }
            return null;
        });
        assertThat(reissued.get("outcome").asText()).isEqualTo("NOT_IMPROVED");
        JsonNode round2 = await(() -> actionOf(findingId, 2));
        assertThat(round2.get("reissuedFrom").asLong()).isEqualTo(actionId);
        long round2Id = round2.get("actionId").asLong();

        // and the cycle after that lists the reissued round on its agenda draft
        asSecretaryGeneral(() -> runtime.createProcessInstanceByKey("monthly-tracking-cycle")
                .startBeforeActivity("Task_DraftAgenda").setVariables(meeting("2026-10", Map.of("committeeDepartments",
                        new ArrayList<>(List.of("sales", "marketing", "production")))))
                .execute(true, false).getId());
        JsonNode item = await(() -> {
            var agenda = api.get("/api/agendas?period=2026-10&companyCode=" + COMPANY, "secgen");
            if (agenda.status() != 200) {
                return null;
            }
            for (JsonNode i : agenda.json().get("items")) {
                if (i.hasNonNull("actionId") && i.get("actionId").asLong() == round2Id) {
                    return i;
                }
            }
            return null;
        });
        assertThat(item.get("title").asText()).contains("再次下发").contains("第 2 轮");
    }

    // --- the meeting's records ---

    private static Map<String, Object> salesReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", string("销售额 目标 200 万，实际 175 万，偏差 -25 万（-12.5%）"));
        v.put("noFinding", bool(false));
        v.put("cause1", string("竞品在华东区大规模促销"));
        v.put("cause1Type", string("external"));
        v.put("cause1Impact", string("订单少 12 单"));
        v.put("cause1Proposal", string("跨部门抽调 3 名促销员支援华东区"));
        v.put("cause1RequestAmount", string("3 人，2 个月"));
        v.put("cause1RequestFrom", string("committee-chair"));
        v.put("cause1ResponsibleDepartments", string("sales"));
        v.put("cause1Solution", string("华东区反促销 2 个月"));
        v.put("cause1ResponsibleUser", string("sales1"));
        v.put("cause1KpiCode", string("SALES_AMOUNT"));
        v.put("hasCause2", bool(true));
        v.put("cause2", string("生产排期不足，交货延迟 10 天"));
        v.put("cause2Type", string("external"));
        v.put("cause2Impact", string("销售额少 8 万元"));
        v.put("cause2Proposal", string("生产部加开夜班"));
        v.put("cause2RequestAmount", string("每月 2000 台"));
        v.put("cause2RequestFrom", string("production"));
        v.put("cause2ResponsibleDepartments", string("sales"));
        v.put("cause2Solution", string("按周锁定排产"));
        v.put("cause2ResponsibleUser", string("sales.head"));
        return v;
    }

    private static Map<String, Object> productionReport() {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", string("产量 计划 1 万台，实际 8800 台（-12%）"));
        v.put("noFinding", bool(false));
        v.put("cause1", string("产能不足，交付延迟 6 天"));
        v.put("cause1Type", string("internal"));
        v.put("cause1Impact", string("少交 1200 台"));
        v.put("cause1Proposal", string("调整排班"));
        v.put("cause1ResponsibleDepartments", string("production"));
        v.put("cause1Solution", string("两班改三班"));
        v.put("cause1ResponsibleUser", string("production.head"));
        v.put("hasCause2", bool(false));
        return v;
    }

    // --- helpers ---

    /** A cycle of INQ whose meeting has begun: sales and production report (the steps before are the cycle's own tests'). */
    private String cycleAtTheMeeting(String period) {
        return asSecretaryGeneral(() -> runtime.createProcessInstanceByKey("monthly-tracking-cycle").businessKey(period)
                .startBeforeActivity("Task_RecordDepartmentReport#multiInstanceBody")
                .setVariables(meeting(period, Map.of("reportingDepartments", new ArrayList<>(List.of("sales", "production")),
                        "followUpActionIds", new ArrayList<Long>())))
                .execute(true, false).getId());
    }

    /**
     * Starts a cycle part-way as the company's secretary-general would (the instance belongs to INQ's
     * tenant; the steps before are walked by the cycle's own tests), and remembers it for clean-up.
     */
    private String asSecretaryGeneral(Supplier<String> start) {
        identity.setAuthentication("secgen", List.of("secretary-general"), List.of(COMPANY));
        try {
            String id = start.get();
            started.add(id);
            return id;
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, Object> meeting(String period, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("period", period);
        variables.put("companyCode", COMPANY);
        return variables;
    }

    private JsonNode actionOf(long findingId, int round) {
        for (JsonNode a : api.get("/api/actions?period=" + PERIOD, "secgen").json()) {
            if (a.get("findingId").asLong() == findingId && a.get("round").asInt() == round) {
                return a;
            }
        }
        for (JsonNode a : api.get("/api/actions", "secgen").json()) {
            if (a.get("findingId").asLong() == findingId && a.get("round").asInt() == round) {
                return a;
            }
        }
        return null;
    }

    private JsonNode list(String path, int count) {
        JsonNode found = api.get(path, "secgen").json();
        return found.size() == count ? found : null;
    }

    private JsonNode decisionTask(String user, long requestId) {
        return await(() -> {
            JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=resource-request"
                    + "&taskDefinitionKey=Task_DecideResourceRequest&processInstanceBusinessKey=R" + requestId
                    + "&maxResults=5", user).json();
            return tasks.size() == 1 ? tasks.get(0) : null;
        });
    }

    private JsonNode task(String instance, String key, String user) {
        return tasks(instance, key, user, 1).get(0);
    }

    private List<JsonNode> tasks(String instance, String key, String user, int count) {
        return await(() -> {
            List<JsonNode> found = new ArrayList<>();
            api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user).json().forEach(found::add);
            return found.size() >= count ? found : null;
        });
    }

    private void complete(JsonNode task, String user, Map<String, Object> variables) {
        var response = api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
        assertThat(response.status()).as(task.get("taskDefinitionKey").asText() + ": " + response.body()).isEqualTo(204);
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T await(Supplier<T> probe) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not reached within 30 s");
    }
}
