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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secretary-general's final word on PostgreSQL through the public REST API: one department's
 * record (production ticked "no findings" by mistake) is sent back and corrected by the standing
 * office, a finding is redefined, a missed one added, a duplicate merged, then all are confirmed:
 * the actions start from the confirmed findings only, the related department gets its notice, and
 * {@code /api/findings} shows every state with who changed what.
 */
@IntegrationTest
class FindingsFinalWordIT {

    static final String COMPANY = "FWD";
    static final String PERIOD = "2025-05";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,FWD,终审测试公司,,gm,,production\n"
            + "department,FWD-SALES,销售部,FWD,sales.head,,sales\n"
            + "department,FWD-MKT,市场部,FWD,marketing.head,,marketing\n"
            + "department,FWD-PROD,生产部,FWD,production.head,,production\n"
            + "department,FWD-QUAL,质量部,FWD,quality.head,,quality\n"
            + "department,FWD-FIN,财务部,FWD,finance.head,,finance\n"
            + "department,FWD-HR,人力资源部,FWD,hr.head,,hr\n"
            + "person,FWD-P1,马芳,FWD-SALES,sales1,,employee\n";
    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;

    @Test
    void a_sent_back_record_is_corrected_and_only_confirmed_findings_start_actions() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        assertThat(api.postFile("/api/imports/organisation", ADMIN, "fwd.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        String cycle = cycleAtTheMeeting();

        // the standing office records the reports through the engine's REST API
        for (JsonNode report : waitForTasks(api, "marketing.head", cycle, "Task_RecordDepartmentReport", 2)) {
            String department = api.get("/engine-rest/task/" + report.get("id").asText() + "/variables/reportDepartment",
                    "marketing.head").json().get("value").asText();
            var body = "sales".equals(department) ? report("华东区拜访量下降 35%", "sales,marketing", "", "sales1")
                    : Map.<String, Object>of("deviation", string("无重大偏差"), "noFinding", bool(true));
            assertThat(complete(api, "marketing.head", report, body).status()).isEqualTo(204);
        }
        waitForTask(api, "secgen", cycle, "Task_ConfirmFindings");
        JsonNode listed = api.get("/api/findings?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen").json();
        assertThat(listed).hasSize(1);
        long visits = listed.get(0).get("findingId").asLong();
        assertThat(listed.get(0).get("status").asText()).isEqualTo("open");
        assertThat(listed.get(0).get("history").get(0).get("changeType").asText()).isEqualTo("recorded");

        // refusals: not the secretary-general, a department that did not report, bad parameters
        var notYours = api.postJson("/api/findings/send-back", "sales.head", Map.of("period", PERIOD,
                "companyCode", COMPANY, "department", "production", "reason", "误勾"));
        assertThat(notYours.status()).isEqualTo(403);
        var unknown = api.postJson("/api/findings/send-back", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY,
                "department", "logistics", "reason", "误勾"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("本次会议汇报过的部门").doesNotContain("ENGINE-");
        assertThat(api.get("/api/findings?period=2025-13&companyCode=" + COMPANY, "secgen").status()).isEqualTo(400);
        assertThat(api.get("/api/findings?period=" + PERIOD + "&companyCode=" + COMPANY, "sales1").status()).isEqualTo(403);
        assertThat(api.postJson("/api/findings/999999/accept", "secgen", Map.of()).status()).isEqualTo(404);

        // production ticked "no findings" by mistake: its record goes back, the cycle waits for the correction
        var sentBack = api.postJson("/api/findings/send-back", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY,
                "department", "production", "reason", "误勾本部门本期无问题：产能不足导致交付延迟"));
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        JsonNode correction = waitForTask(api, "marketing.head", cycle, "Task_CorrectDepartmentReport");
        assertThat(correction.get("description").asText()).contains("生产部").contains("产能不足");
        assertThat(api.postJson("/api/findings/confirm", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY))
                .status()).as("nothing to confirm while the record is out").isEqualTo(409);
        assertThat(complete(api, "marketing.head", correction, report("产能不足，交付延迟 6 天", "production",
                "quality", "production.head")).status()).isEqualTo(204);
        waitForTask(api, "secgen", cycle, "Task_ConfirmFindings");
        long delivery = findingNumbered(api, 2).get("findingId").asLong();

        // the secretary-general redefines #1: sales alone, a deadline; a past deadline is refused first
        var past = api.putJson("/api/findings/" + visits, "secgen", Map.of("responsibleDepartments", List.of("sales"),
                "deadline", "2020-01-01"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("detail").asText()).contains("期限不能早于今天");
        var defined = api.putJson("/api/findings/" + visits, "secgen", Map.of("responsibleDepartments", List.of("sales"),
                "responsibleUserId", "sales1", "solution", "每人每周拜访 12 次", "deadline", "2099-06-30"));
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        assertThat(defined.json().get("status").asText()).isEqualTo("accepted");
        assertThat(defined.json().get("deadline").asText()).isEqualTo("2099-06-30");

        // a finding the standing office missed, added twice by mistake: the second is merged into the first
        Map<String, Object> missed = new HashMap<>(Map.of("period", PERIOD, "companyCode", COMPANY,
                "reportingDepartment", "quality", "cause", "客户投诉处理超时 8 起", "causeType", "internal",
                "responsibleDepartments", List.of("quality"), "responsibleUserId", "quality.head",
                "solution", "投诉 24 小时内响应"));
        var added = api.postJson("/api/findings", "secgen", missed);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long complaints = added.json().get("findingId").asLong();
        long duplicate = api.postJson("/api/findings", "secgen", missed).json().get("findingId").asLong();
        var merged = api.postJson("/api/findings/" + duplicate + "/merge", "secgen", Map.of("intoFindingId", complaints));
        assertThat(merged.json().get("status").asText()).isEqualTo("merged");
        assertThat(api.postJson("/api/findings/" + duplicate + "/merge", "secgen", Map.of("intoFindingId", complaints))
                .status()).isEqualTo(409);

        var accepted = api.postJson("/api/findings/" + delivery + "/accept", "secgen", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");

        var confirmed = api.postJson("/api/findings/confirm", "secgen", Map.of("period", PERIOD, "companyCode", COMPANY));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        Map<Long, String> states = new HashMap<>();
        confirmed.json().forEach(f -> states.put(f.get("findingId").asLong(), f.get("status").asText()));
        assertThat(states).containsEntry(visits, "confirmed").containsEntry(delivery, "confirmed")
                .containsEntry(complaints, "confirmed").containsEntry(duplicate, "merged");

        // one action per confirmed finding and responsible department; none for the merged duplicate
        TreeSet<String> actions = new TreeSet<>();
        for (int i = 0; i < 150 && actions.size() < 3; i++) {
            actions.clear();
            api.get("/api/actions?period=" + PERIOD, "secgen").json().forEach(a -> {
                if (COMPANY.equals(a.get("companyCode").asText())) {
                    actions.add(a.get("findingId").asLong() + "-" + a.get("responsibleDepartment").asText());
                }
            });
            Thread.sleep(200);
        }
        assertThat(actions).containsExactlyInAnyOrder(visits + "-sales", delivery + "-production",
                complaints + "-quality");

        // the action's form opens with the deadline the secretary-general set
        var action = runtimeService.createProcessInstanceQuery().processDefinitionKey("improvement-action")
                .processInstanceBusinessKey("F" + visits + "-sales").singleResult();
        assertThat(runtimeService.getVariable(action.getId(), "deadline")).isEqualTo("2099-06-30");

        // quality, related to the delivery finding, gets its notice and adds its part
        JsonNode notice = waitForTaskOf(api, "quality.head", "Task_AddRelatedPart");
        assertThat(complete(api, "quality.head", notice, Map.of("relatedPart", string("质量部加开夜班检验，缩短放行 2 天"))).status())
                .isEqualTo(204);
        // through REST: only the related department's members, only for a finding it is related to
        assertThat(api.postJson("/api/findings/" + delivery + "/related-parts", "sales.head",
                Map.of("department", "quality", "part", "代写")).status()).isEqualTo(403);
        var notRelated = api.postJson("/api/findings/" + visits + "/related-parts", "quality.head",
                Map.of("department", "quality", "part", "抽检"));
        assertThat(notRelated.status()).isEqualTo(422);
        assertThat(notRelated.json().get("detail").asText()).contains("不是问题 #1 的相关部门");
        JsonNode deliveryNow = findingNumbered(api, 2);
        assertThat(deliveryNow.get("relatedParts").get(0).get("part").asText()).isEqualTo("质量部加开夜班检验，缩短放行 2 天");
        assertThat(deliveryNow.get("relatedParts").get(0).get("addedBy").asText()).isEqualTo("quality.head");

        List<String> log = new ArrayList<>();
        api.get("/api/findings/changes?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen").json()
                .forEach(c -> log.add(c.get("changeType").asText() + ":" + c.get("changedBy").asText()));
        assertThat(log).containsExactly("recorded:marketing.head", "sent_back:secgen", "recorded:marketing.head",
                "edited:secgen", "recorded:secgen", "added:secgen", "recorded:secgen", "added:secgen", "merged:secgen",
                "accepted:secgen", "confirmed:secgen", "related_part:quality.head");
    }

    /** A cycle of company FWD whose meeting has begun: sales and production report. */
    private String cycleAtTheMeeting() {
        identityService.setAuthentication("secgen", List.of("secretary-general"), List.of(COMPANY));
        try {
            return runtimeService.createProcessInstanceByKey("monthly-tracking-cycle").businessKey(PERIOD)
                    .setVariable("period", PERIOD).setVariable("companyCode", COMPANY)
                    .setVariable("reportingDepartments", new ArrayList<>(List.of("sales", "production")))
                    .setVariable("followUpActionIds", new ArrayList<Long>())
                    .startBeforeActivity("Task_RecordDepartmentReport#multiInstanceBody").execute().getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private JsonNode findingNumbered(Api api, int number) {
        for (JsonNode f : api.get("/api/findings?period=" + PERIOD + "&companyCode=" + COMPANY, "secgen").json()) {
            if (f.get("number").asInt() == number) {
                return f;
            }
        }
        throw new AssertionError("no finding #" + number);
    }

    static Map<String, Object> report(String cause, String responsible, String related, String person) {
        Map<String, Object> v = new HashMap<>();
        v.put("deviation", string("偏差 -12.5%"));
        v.put("noFinding", bool(false));
        v.put("cause1", string(cause));
        v.put("cause1Type", string("internal"));
        v.put("cause1Impact", string("销售额少 25 万元"));
        v.put("cause1Proposal", string("恢复周计划"));
        v.put("cause1RelatedDepartments", string(related));
        v.put("cause1ResponsibleDepartments", string(responsible));
        v.put("cause1Solution", string("按周复盘"));
        v.put("cause1ResponsibleUser", string(person));
        v.put("cause1KpiCode", string("SALES_AMOUNT"));
        v.put("hasCause2", bool(false));
        return v;
    }

    static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    static Api.Response complete(Api api, String user, JsonNode task, Map<String, Object> variables) {
        return api.postJson("/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                Map.of("variables", variables));
    }

    static JsonNode waitForTask(Api api, String user, String instance, String key) throws InterruptedException {
        return waitForTasks(api, user, instance, key, 1).get(0);
    }

    static JsonNode waitForTaskOf(Api api, String user, String key) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode found = api.get("/engine-rest/task?taskDefinitionKey=" + key + "&processVariables=companyCode_eq_"
                    + COMPANY + "&firstResult=0&maxResults=5", user).json();
            if (found.size() > 0) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw " + key);
    }

    static List<JsonNode> waitForTasks(Api api, String user, String instance, String key, int count)
            throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            found.clear();
            api.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
                    + "&firstResult=0&maxResults=50", user).json().forEach(found::add);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " never saw " + count + " task(s) " + key + " (saw " + found.size() + ")");
    }
}
