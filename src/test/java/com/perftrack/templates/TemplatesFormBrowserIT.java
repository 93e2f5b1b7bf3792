package com.perftrack.templates;

import static com.perftrack.templates.TemplatesIT.ADMIN;
import static com.perftrack.templates.TemplatesIT.bytes;
import static com.perftrack.templates.TemplatesIT.ok;
import static com.perftrack.templates.TemplatesIT.waitForTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: the sales head uploads a customer survey and next month's regional plan, then opens the sales
 * collection form in Chinese Tasklist and reads both in its tables (company TPB, 2010-07); the templates page shows
 * June's plan and its review; the dashboard's panel 客户与市场 shows July's survey mean and August's plan against
 * its result (TPB-EAST sold 400000 of the planned 500000: 80.0%).
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class TemplatesFormBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;

    @Test
    void the_sales_collection_form_shows_the_uploaded_survey_and_plan() throws Exception {
        Api api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "TPB");
        ok(api.postFile("/api/imports/organisation", ADMIN, "tpb.csv", bytes("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,TPB,表单测试公司,,gm,,production\n"
                + "department,TPB-SALES,销售部,TPB,sales.head,,sales\n"
                + "region,TPB-EAST,华东区,TPB-SALES,,,\n")));
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2010-07", "type", "String"),
                        "companyCode", Map.of("value", "TPB", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String task = waitForTask(api, "sales.head", started.json().get("id").asText(), "Task_SubmitSalesInformation");
        // uploaded while the task is open: the form shows them all the same
        ok(api.postFile("/api/imports/customer-survey", "sales.head", "survey.csv", bytes(
                "period,unit_code,customer,survey_date,comment,product,delivery,service,price\n"
                        + "2010-07,TPB-EAST,华东重工,2010-07-08,交期需改进,5,3,4,4\n")));
        ok(api.postFile("/api/imports/regional-plan", "sales.head", "plan.csv", bytes(
                "period,region_code,kpi_code,target,activity,owner,due_date,budget\n"
                        + "2010-08,TPB-EAST,SALES_AMOUNT,500000,,,,\n"
                        + "2010-08,TPB-EAST,,,苏州客户答谢会,李明,2010-08-18,20000\n")));

        ok(api.postFile("/api/imports/figures", ADMIN, "tpb-figures.csv", bytes("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2010-07,region,TPB-EAST,SALES_AMOUNT,450000,430000\n"
                + "2010-08,region,TPB-EAST,SALES_AMOUNT,450000,400000\n")));

        try (TasklistBrowser tasklist = new TasklistBrowser(port, 1280, 1400)) {
            tasklist.login("tasklist", "sales.head", "demo");
            tasklist.openTask(task, "客户调查 Customer surveys");
            String page = tasklist.until(d -> {
                String text = tasklist.text();
                return text.contains("华东重工") && text.contains("苏州客户答谢会") ? text : null;
            });
            // one survey: (5 + 3 + 4 + 4) / 4 = 4, 4 / 5 = 80%
            assertThat(page).contains("客户调查 Customer surveys", "交期需改进", "产品 Product 5", "80%",
                    "销售区域营销工作月度计划", "目标 SALES_AMOUNT", "500000", "李明");
            tasklist.screenshot("templates-sales-form");
        }

        // the same month on the templates page: survey means and the plan's items, export links set
        try (TasklistBrowser page = new TasklistBrowser(port, 1280, 1400)) {
            var driver = page.browser;
            driver.get("http://127.0.0.1:" + port + "/templates.html");
            page.until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys("sales.head");
            driver.findElement(By.name("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            page.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            driver.findElement(By.id("period")).sendKeys("2010-08");
            driver.findElement(By.id("company")).sendKeys("TPB");
            driver.findElement(By.id("show")).click();
            page.until(d -> d.findElement(By.id("items")).getText().contains("苏州客户答谢会"));
            assertThat(driver.findElement(By.id("review")).getText()).contains("TPB-EAST", "SALES_AMOUNT", "500000");
            assertThat(driver.findElement(By.cssSelector("a.export[data-name=regional-plan]")).getDomAttribute("href"))
                    .isEqualTo("/api/templates/regional-plan/export?period=2010-08");
            page.screenshot("templates-page");
        }

        // the dashboard: the templates' numbers of the month beside the results (issue 16)
        try (TasklistBrowser dashboard = new TasklistBrowser(port, 1280, 1400)) {
            var driver = dashboard.browser;
            driver.get("http://127.0.0.1:" + port + "/");
            dashboard.until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys("secgen");
            driver.findElement(By.name("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            dashboard.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("company"))).selectByValue("TPB");
            loaded(dashboard, "|TPB");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("period"))).selectByValue("2010-07");
            loaded(dashboard, "2010-07|TPB");
            var panel = driver.findElement(By.id("templates-panel"));
            dashboard.until(d -> "listed".equals(panel.getDomAttribute("data-state")));
            // one survey of 华东区: mean 4.00, 80.0%
            assertThat(driver.findElement(By.id("template-surveys")).getText()).contains("客户调查", "平均分", "华东区", "4.00", "80.0%");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("period"))).selectByValue("2010-08");
            loaded(dashboard, "2010-08|TPB");
            dashboard.until(d -> d.findElement(By.id("template-plan")).getText().contains("区域计划与结果"));
            assertThat(driver.findElement(By.id("template-plan")).getText()).contains("华东区", "销售额", "80.0%");
            dashboard.js("arguments[0].scrollIntoView({block: 'start'});", panel);
            dashboard.screenshot("templates-dashboard");
        }
    }

    private static void loaded(TasklistBrowser browser, String suffix) {
        browser.until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && loaded.endsWith(suffix)
                    && "false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loading"));
        });
    }
}
