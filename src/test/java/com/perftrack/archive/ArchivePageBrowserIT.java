package com.perftrack.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive page (/archive.html, issue 17) in a Chinese headless Chromium: an employee (arc.p1,
 * person ARC-P1) reads their own archive, one panel per kind, newest first, and is refused another
 * person's politely; their department head (sales.head) reads it as a manager; HR (hr.head) reads
 * everyone's of the company and picks people from the list. The print style hides the navigation.
 */
@IntegrationTest
class ArchivePageBrowserIT {

    static final String COMPANY = "ARC";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    TasklistBrowser browser;

    @BeforeEach
    void archive() {
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        if (jdbc.sql("select count(*) from org_unit where code = ?").param(COMPANY).query(Integer.class).single() == 0) {
            var imported = new Api(port).postFile("/api/imports/organisation", "admin:it-admin-secret", "arc.csv",
                    ("unit_type,code,name,parent_code,user_id,email,role\ncompany,ARC,档案公司,,gm,,production\n"
                            + "department,ARC-SALES,销售部,ARC,sales.head,,sales\nperson,ARC-P1,林晓,ARC-SALES,arc.p1,,employee\n"
                            + "person,ARC-P2,周航,ARC-SALES,arc.p2,,employee\n").getBytes(StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            for (String id : List.of("arc.p1", "arc.p2")) {
                var user = identity.createUserQuery().userId(id).singleResult();
                user.setPassword("demo");
                identity.saveUser(user);
            }
            // ARC-P1's cycle, oldest first (recorded_at): the page shows each panel newest first
            entry("ARC-P1", "2026-04", "KPI_RESULT", "2026-04 KPI：SALES_AMOUNT 92% red", "2026-05-02T10:00:00Z");
            entry("ARC-P1", "2026-05", "KPI_RESULT", "2026-05 KPI：SALES_AMOUNT 95% amber", "2026-06-02T10:00:00Z");
            entry("ARC-P1", "2026-05", "FINDING", "质询问题 #3：华东区回款慢；方案：每周对账", "2026-06-05T10:00:00Z");
            entry("ARC-P1", "2026-06", "ACTION_OUTCOME", "改进行动 #7 结果：已改善 improved", "2026-07-03T10:00:00Z");
            entry("ARC-P1", "2026-Q2", "SCORE", "季度得分 Score 0.9500，排名 rank 2/2，连续未达标 quarters below 2",
                    "2026-07-05T10:00:00Z");
            entry("ARC-P1", "2026-Q2", "PENALTY", "WARNING；书面警告并提供改进指导", "2026-07-05T10:00:01Z");
            entry("ARC-P1", "2026-Q2", "IMPROVEMENT_PLAN", "书面警告后启动改进计划 Improvement plan started",
                    "2026-07-05T10:00:02Z");
            entry("ARC-P1", "2026-Q2", "APPEAL", "提出申诉 Appeal opened: 五月回款漏记", "2026-07-06T10:00:00Z");
            entry("ARC-P1", "2026-Q2", "IMPROVEMENT_PLAN", "改进计划月度评估 Monthly assessment 2026-07-31：落后 behind",
                    "2026-07-31T10:00:00Z");
            entry("ARC-P2", "2026-Q2", "REWARD", "BONUS，金额 sum ¥2,000.00", "2026-07-05T10:00:00Z");
        }
        browser = new TasklistBrowser(port, 1280, 1400);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.screenshot("archive-last");
            browser.close();
        }
    }

    @Test
    void an_employee_reads_only_their_own_archive_a_manager_their_people_and_hr_everyone() throws Exception {
        signIn("arc.p1", "/archive.html?person=ARC-P1", "ARC-P1");
        assertThat(rows("kpi")).containsExactly("2026-05 KPI：SALES_AMOUNT 95% amber", "2026-04 KPI：SALES_AMOUNT 92% red");
        assertThat(rows("score")).containsExactly("季度得分 Score 0.9500，排名 rank 2/2，连续未达标 quarters below 2");
        assertThat(rows("finding")).containsExactly("质询问题 #3：华东区回款慢；方案：每周对账");
        assertThat(rows("action")).containsExactly("改进行动 #7 结果：已改善 improved");
        assertThat(rows("plan")).as("newest first").containsExactly(
                "改进计划月度评估 Monthly assessment 2026-07-31：落后 behind", "书面警告后启动改进计划 Improvement plan started");
        assertThat(rows("reward")).containsExactly("WARNING；书面警告并提供改进指导");
        assertThat(rows("appeal")).containsExactly("提出申诉 Appeal opened: 五月回款漏记");
        assertThat(browser.text()).contains("业绩跟踪档案", "季度得分与排名", "改进计划", "奖励与处罚", "申诉")
                .doesNotContain("¥2,000.00");
        // the picker offers the employee's own person units only
        assertThat(options()).isNotEmpty().allMatch(o -> o.endsWith("（本人 me）")).noneMatch(o -> o.contains("ARC-P2"));
        browser.screenshot("archive-employee");
        // printable: the print style hides navigation and picker, and names the person instead
        ((ChromeDriver) browser.browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.browser.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
        assertThat(browser.browser.findElement(By.id("person-name")).getText()).contains("ARC-P1");
        ((ChromeDriver) browser.browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // another person's archive: a polite refusal, no entries
        open("/archive.html?person=ARC-P2", "refused:ARC-P2");
        WebElement message = browser.browser.findElement(By.id("message"));
        assertThat(message.isDisplayed()).isTrue();
        assertThat(message.getText()).contains("无权查看 ARC-P2 的档案").contains("只能查看本人或本人所管理人员的业绩跟踪档案");
        assertThat(browser.browser.findElements(By.cssSelector(".archive-section"))).isEmpty();

        // the department head reads the people of the department
        signIn("sales.head", "/archive.html?person=ARC-P1", "ARC-P1");
        assertThat(rows("plan")).hasSize(2);
        assertThat(options()).contains("ARC-P1", "ARC-P2");

        // HR reads everyone of the company and switches people with the picker
        signIn("hr.head", "/archive.html?person=ARC-P1", "ARC-P1");
        assertThat(rows("appeal")).containsExactly("提出申诉 Appeal opened: 五月回款漏记");
        assertThat(options()).contains("ARC-P1", "ARC-P2");
        new org.openqa.selenium.support.ui.Select(browser.browser.findElement(By.id("person"))).selectByValue("ARC-P2");
        browser.until(d -> "ARC-P2".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertThat(rows("reward")).containsExactly("BONUS，金额 sum ¥2,000.00");
        assertThat(rows("plan")).isEmpty();
        browser.screenshot("archive-hr");
    }

    private void signIn(String user, String path, String loaded) {
        var driver = browser.browser;
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + path);
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.getCurrentUrl().contains("/archive.html"));
        if (!loaded.equals(browser.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded")))) {
            open(path, loaded);
        }
    }

    private void open(String path, String loaded) {
        browser.browser.get("http://127.0.0.1:" + port + path);
        browser.until(d -> loaded.equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    /** The summaries of one panel, top to bottom; a panel without entries has none. */
    private List<String> rows(String section) {
        return browser.browser.findElements(By.cssSelector("#section-" + section + " tr[data-type] td.summary")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> options() {
        return browser.browser.findElements(By.cssSelector("#person option")).stream()
                .map(o -> o.getDomAttribute("value") + (o.getText().endsWith("（本人 me）") ? "（本人 me）" : "")).toList();
    }

    private void entry(String person, String cycle, String type, String summary, String at) {
        jdbc.sql("insert into archive_entry (entry_key, person_code, cycle, entry_type, summary, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, 'system', ?)")
                .params(type + ":" + person + ":" + at, person, cycle, type, summary, Timestamp.from(Instant.parse(at)))
                .update();
    }
}
