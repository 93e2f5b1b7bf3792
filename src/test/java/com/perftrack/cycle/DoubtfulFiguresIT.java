package com.perftrack.cycle;

import static com.perftrack.cycle.MonthlyCycleIT.bytes;
import static com.perftrack.cycle.MonthlyCycleIT.complete;
import static com.perftrack.cycle.MonthlyCycleIT.waitForTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, must-show 3: an import with one tenfold figure answers 200 with the warning naming its line,
 * and the sales department's collection task shows it and refuses completion until 已核实 is ticked.
 * Company DBT, person DBT-P1 sold 100 a month (target 100) from 2015-01 to 2015-06; 2015-07 says 1000.
 * A REST client is refused with the sentence; the sales head then opens the form in Tasklist, reads the
 * warning, is refused again without the tick and completes with it.
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class DoubtfulFiguresIT {

    static final String ADMIN = "admin:it-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;

    @Test
    void a_tenfold_figure_is_warned_about_and_the_collection_task_waits_for_the_tick() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "DBT");
        var org = api.postFile("/api/imports/organisation", ADMIN, "dbt.csv", bytes("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,DBT,核实测试公司,,gm,,production\n"
                + "department,DBT-SALES,销售部,DBT,sales.head,,sales\n"
                + "person,DBT-P1,马芳,DBT-SALES,,,employee\n"));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        StringBuilder history = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (int m = 1; m <= 6; m++) {
            history.append("2015-0").append(m).append(",person,DBT-P1,SALES_AMOUNT,100,100\n");
        }
        assertThat(api.postFile("/api/imports/figures", ADMIN, "history.csv", bytes(history.toString())).status())
                .isEqualTo(200);
        var month = api.postFile("/api/imports/figures", "sales.head", "2015-07.csv", bytes(
                "period,unit_type,unit_code,kpi_code,target,actual\n2015-07,person,DBT-P1,SALES_AMOUNT,100,1000\n"));
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        JsonNode warning = month.json().get("warnings").get(0);
        assertThat(warning.get("line").asInt()).isEqualTo(2);
        assertThat(warning.get("field").asText()).isEqualTo("actual");
        assertThat(warning.get("message").asText()).contains("DBT-P1", "SALES_AMOUNT", "1000", "中位数 100");

        // the sales department's company-level figures, so that nothing is missing
        StringBuilder company = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String kpi : MonthlyCycleIT.COMPANY_KPIS) {
            if (!kpi.startsWith("CUSTOMER_SATISFACTION") && !kpi.startsWith("COMPLAINTS")) {
                company.append("2015-07,company,DBT,").append(kpi).append('\n');
            }
        }
        var companyRows = api.postFile("/api/imports/figures", ADMIN, "company.csv", bytes(company.toString()));
        assertThat(companyRows.status()).as(companyRows.body()).isEqualTo(200);
        assertThat(companyRows.json().get("warnings")).as("nothing doubtful there").isEmpty();

        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2015-07", "type", "String"),
                        "companyCode", Map.of("value", "DBT", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode task = waitForTask(api, "sales.head", started.json().get("id").asText(), "Task_SubmitSalesInformation");
        String shown = api.get("/engine-rest/task/" + task.get("id").asText() + "/localVariables/figureWarnings", "sales.head")
                .json().get("value").asText();
        assertThat(shown).startsWith("- DBT-P1 SALES_AMOUNT 2015-07").contains("中位数 100");

        var refused = complete(api, "sales.head", task, Map.of("sales_salesSummary", Map.of("value", "七月大单", "type", "String")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("1 条可疑数据", "已核实").doesNotContain("ENGINE-");

        try (TasklistBrowser tasklist = new TasklistBrowser(port, 1280, 1000)) {
            tasklist.login("tasklist", "sales.head", "demo");
            tasklist.openTask(task.get("id").asText(), "本月销售完成情况说明");
            tasklist.claim();
            assertThat(tasklist.text()).contains("可疑数据，请核实", "DBT-P1 SALES_AMOUNT 2015-07", "已核实");
            tasklist.type("textarea", "本月销售完成情况说明", "七月签下一笔大单，数字无误");
            tasklist.clickButton("完成");
            tasklist.until(d -> d.getPageSource().contains("条可疑数据"));
            tasklist.screenshot("doubtful-figures-refused");
            tasklist.radio("已核实");
            tasklist.clickButton("完成");
            String taskId = task.get("id").asText();
            tasklist.until(d -> api.get("/engine-rest/task/" + taskId, "sales.head").status() == 404);
        }
    }
}
