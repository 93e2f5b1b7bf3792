package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, imports: the attacks of the report, replayed on PostgreSQL. Each refused file must
 * change nothing — no group membership, no org_unit row, no figure.
 */
@IntegrationTest
class ImportRemitIT {

    static final String ORG_HEADER = "unit_type,code,name,parent_code,user_id,email,role\n";
    static final String FIGURES_HEADER = "period,unit_type,unit_code,kpi_code,target,actual\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    CompanyAccess companies;
    Api api;

    @BeforeEach
    void companies() {
        api = new Api(port);
        DemoCompanyFixture.ensure(api, companies, identity);
    }

    @Test
    void marketing_head_promoting_themselves_through_the_organisation_import_is_refused_and_changes_nothing() {
        List<String> groupsBefore = groups("marketing.head");
        List<Map<String, Object>> unitsBefore = units();

        var response = api.postFile("/api/imports/organisation", "marketing.head", "evil.csv", bytes(ORG_HEADER
                + "company,EVIL,Evil Co,,marketing.head,,production\n"
                + "department,EVIL-FIN,Evil Finance,EVIL,marketing.head,,finance\n"));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asText()).contains("hr");
        assertThat(groups("marketing.head")).isEqualTo(groupsBefore).doesNotContain("committee-chair", "finance");
        assertThat(units()).isEqualTo(unitsBefore);
    }

    @Test
    void hr_making_themselves_a_department_head_is_refused_and_changes_nothing() {
        List<String> groupsBefore = groups("hr.head");
        List<Map<String, Object>> unitsBefore = units();

        var response = api.postFile("/api/imports/organisation", "hr.head", "self.csv", bytes(ORG_HEADER
                + "department,DEMO-FIN2,第二财务部,DEMO,hr.head,,finance\n"));

        assertThat(response.status()).as(response.body()).isIn(403, 422);
        assertThat(lines(response)).containsExactly(2);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("finance");
        assertThat(groups("hr.head")).isEqualTo(groupsBefore).doesNotContain("finance");
        assertThat(units()).isEqualTo(unitsBefore);
    }

    @Test
    void hr_creating_a_company_is_refused() {
        var response = api.postFile("/api/imports/organisation", "hr.head", "new.csv", bytes(ORG_HEADER
                + "company,HRCO,人事公司,,gm,,production\n"));
        assertThat(response.status()).as(response.body()).isIn(403, 422);
        assertThat(lines(response)).containsExactly(2);
        assertThat(jdbc.sql("select count(*) from org_unit where code = 'HRCO'").query(Integer.class).single()).isZero();
    }

    @Test
    void hr_head_re_pointing_a_salesperson_to_himself_is_refused() {
        String userBefore = unit("DEMO-P1").get("user_id").toString();

        var response = api.postFile("/api/imports/organisation", "hr.head", "p1.csv", bytes(ORG_HEADER
                + "person,DEMO-P1,马芳,DEMO-EAST,hr.head,,employee\n"));

        assertThat(response.status()).as(response.body()).isIn(403, 422);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("field").asText()).isEqualTo("user_id");
        assertThat(error.get("message").asText()).contains("DEMO-P1");
        assertThat(unit("DEMO-P1").get("user_id")).isEqualTo(userBefore).isNotEqualTo("hr.head");
    }

    @Test
    void another_companys_hr_moving_a_demo_person_into_their_company_is_refused() {
        Map<String, Object> before = unit("DEMO-P2");

        var response = api.postFile("/api/imports/organisation", DemoCompanyFixture.OTHER_HR, "move.csv", bytes(ORG_HEADER
                + "person,DEMO-P2,朱超,OTHERCO-HR,sales2,,employee\n"));

        assertThat(response.status()).as(response.body()).isIn(403, 422);
        assertThat(lines(response)).containsExactly(2);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("DEMO-P2");
        assertThat(unit("DEMO-P2")).isEqualTo(before);
        assertThat(before.get("company_code")).isEqualTo("DEMO");
    }

    @Test
    void hr_within_its_company_imports_and_the_summary_reports_every_membership_it_made() {
        String newcomer = "newcomer." + UUID.randomUUID().toString().substring(0, 8);

        var response = api.postFile("/api/imports/organisation", "hr.head", "newcomer.csv", bytes(ORG_HEADER
                + "person,DEMO-N" + newcomer.substring(9) + ",新员工,DEMO-SOUTH," + newcomer + ",,employee\n"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rows").asInt()).isEqualTo(1);
        List<String> memberships = new ArrayList<>();
        response.json().get("memberships").forEach(m -> memberships.add(m.get("userId").asText() + ":" + m.get("group").asText()));
        assertThat(memberships).containsExactly(newcomer + ":employee");
        assertThat(groups(newcomer)).containsExactly("employee");
    }

    @Test
    void quality_head_overwriting_a_salespersons_sales_amount_is_refused_while_sales_head_imports_his_own() {
        var own = api.postFile("/api/imports/figures", "sales.head", "sales.csv", bytes(FIGURES_HEADER
                + "2031-02,person,DEMO-P1,SALES_AMOUNT,500000,480000\n"
                + "2031-02,region,DEMO-EAST,NEW_CUSTOMERS,10,9\n"));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        BigDecimal stored = salesAmount("DEMO-P1", "2031-02");
        assertThat(stored).isEqualByComparingTo("480000");

        var foreign = api.postFile("/api/imports/figures", "quality.head", "overwrite.csv", bytes(FIGURES_HEADER
                + "2031-02,company,DEMO,COMPLAINTS,5,4\n"
                + "2031-02,person,DEMO-P1,SALES_AMOUNT,500000,1\n"));

        assertThat(foreign.status()).as(foreign.body()).isIn(403, 422);
        JsonNode errors = foreign.json().get("errors");
        assertThat(lines(foreign)).contains(3);
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.get("message").asText()));
        assertThat(messages).anyMatch(m -> m.contains("DEMO-P1"));
        assertThat(salesAmount("DEMO-P1", "2031-02")).isEqualByComparingTo(stored);
        assertThat(jdbc.sql("select count(*) from figure where period = '2031-02' and kpi_code = 'COMPLAINTS'")
                .query(Integer.class).single()).as("nothing of the refused file is stored").isZero();
    }

    private BigDecimal salesAmount(String unit, String period) {
        var response = api.get("/api/figures?period=" + period + "&unitCode=" + unit, DemoCompanyFixture.ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode f : response.json()) {
            if ("SALES_AMOUNT".equals(f.get("kpiCode").asText())) {
                return new BigDecimal(f.get("actual").asText());
            }
        }
        throw new AssertionError("no SALES_AMOUNT of " + unit + " in " + response.body());
    }

    private List<Integer> lines(Api.Response response) {
        List<Integer> lines = new ArrayList<>();
        response.json().get("errors").forEach(e -> lines.add(e.get("line").asInt()));
        return lines;
    }

    private List<String> groups(String userId) {
        return identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
    }

    private List<Map<String, Object>> units() {
        return jdbc.sql("select code, unit_type, name, parent_code, company_code, user_id, role from org_unit order by code")
                .query().listOfRows();
    }

    private Map<String, Object> unit(String code) {
        return jdbc.sql("select code, parent_code, company_code, user_id, role from org_unit where code = ?")
                .param(code).query().singleRow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
