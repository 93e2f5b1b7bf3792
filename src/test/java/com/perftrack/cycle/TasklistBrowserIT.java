package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department head works the cycle's task in Camunda Tasklist (Debian's headless Chromium): the
 * form renders in Chinese, and the server-side refusal (figures still missing) appears in Tasklist
 * with its message. Leaves target/screenshots/tasklist-*.png.
 */
@IntegrationTest
class TasklistBrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Tasklist's claim link: Chinese since the webapps speak it (认领), English kept for ?lang=en. */
    static final String CLAIM = "//*[normalize-space(text())='认领' or normalize-space(text())='Claim']";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    com.perftrack.security.CompanyAccess companies;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assertThat(new File(CHROMIUM)).as("apt-get install chromium chromium-driver fonts-wqy-zenhei").exists();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1100", "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Tasklist re-renders while it loads: an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            screenshot("tasklist-last");
            browser.manage().logs().get("browser").forEach(e -> System.out.println("BROWSER " + e));
            System.out.println("URL " + browser.getCurrentUrl());
            browser.quit();
        }
    }

    @Test
    void sales_head_sees_the_chinese_form_and_the_servers_refusal_while_figures_are_missing() throws Exception {
        Api api = new Api(port);
        com.perftrack.support.TestCompanies.joinDemoCommittee(companies, "TLC");
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2024-03", "type", "String"),
                        "companyCode", Map.of("value", "TLC", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String taskId = MonthlyCycleIT.waitForTask(api, "sales.head", started.json().get("id").asText(),
                "Task_SubmitSalesInformation").get("id").asText();

        String tasklist = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";
        browser.get(tasklist);
        wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        browser.findElement(By.cssSelector("input[type=text]")).sendKeys("sales.head");
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).isEmpty());

        // Tasklist loads its plugins with RequireJS (7 s time-out): on a busy machine the first load
        // can give up, so the page is opened again until the form is there
        boolean shown = false;
        for (int attempt = 0; attempt < 4 && !shown; attempt++) {
            browser.get(tasklist + "#/?task=" + taskId);
            browser.navigate().refresh();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(25)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.getPageSource().contains("本月销售完成情况说明"));
                shown = true;
            } catch (org.openqa.selenium.TimeoutException e) {
                System.out.println("Tasklist not ready yet, attempt " + (attempt + 1));
            }
        }
        assertThat(shown).as("the task form is shown in Tasklist").isTrue();
        assertThat(browser.getPageSource()).contains("销售信息").contains("已到数据");
        // Tasklist lets the assignee complete: claim the department's task first
        wait.until(d -> {
            WebElement claim = d.findElements(By.xpath(CLAIM)).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (claim == null) {
                return false;
            }
            claim.click();
            return true;
        });
        wait.until(d -> d.findElements(By.xpath(CLAIM)).stream()
                .noneMatch(WebElement::isDisplayed));
        wait.until(d -> {
            // the summary by its label; typed again if the form re-rendered and dropped it (its tables load
            // with it)
            WebElement summary = d.findElements(By.xpath("//label[starts-with(normalize-space(.), '本月销售完成情况说明')]"
                    + "/following::textarea[1]")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (summary == null) {
                return false;
            }
            if (summary.getDomProperty("value").isEmpty()) {
                summary.sendKeys("本月完成 87.5%，华东区拜访量下降");
                return false;
            }
            return summary.getDomProperty("value").contains("87.5%");
        });
        screenshot("tasklist-form");

        wait.until(d -> {
            WebElement complete = d.findElements(By.tagName("button")).stream()
                    .filter(b -> b.isDisplayed() && b.isEnabled() && b.getText().trim().matches("(?i)complete|完成"))
                    .findFirst().orElse(null);
            if (complete == null) {
                return false;
            }
            ((ChromeDriver) d).executeScript("arguments[0].scrollIntoView(true); arguments[0].click();", complete);
            return true;
        });
        wait.until(d -> d.getPageSource().contains("尚缺以下数据"));
        assertThat(browser.getPageSource()).contains("SALES_AMOUNT @ company TLC");
        screenshot("tasklist-refused");
        var stillOpen = api.get("/engine-rest/task/" + taskId, "sales.head");
        assertThat(stillOpen.status()).as("the refused task stays open").isEqualTo(200);
    }

    @Test
    void the_secretary_general_and_the_standing_office_see_the_meeting_forms_in_chinese() throws Exception {
        Api api = new Api(port);
        com.perftrack.support.TestCompanies.joinDemoCommittee(companies, "CYC");
        assertThat(api.postFile("/api/imports/organisation", MonthlyCycleIT.ADMIN, "cyc.csv",
                MonthlyCycleIT.bytes(MonthlyCycleIT.ORGANISATION)).status()).isEqualTo(200);
        assertThat(api.postFile("/api/imports/figures", MonthlyCycleIT.ADMIN, "2026-09.csv",
                MonthlyCycleIT.bytes(MonthlyCycleIT.figures().replace("2026-09", "2024-08"))).status()).isEqualTo(200);
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2024-08", "type", "String"),
                        "companyCode", Map.of("value", "CYC", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String cycle = started.json().get("id").asText();
        for (String[] department : new String[][] {{"sales.head", "Task_SubmitSalesInformation", "sales_salesSummary"},
                {"marketing.head", "Task_SubmitMarketInformation", "market_marketInformation"},
                {"production.head", "Task_SubmitProductionInformation", "production_outputPlanVsActual"},
                {"quality.head", "Task_SubmitQualityInformation", "quality_qualityChanges"},
                {"finance.head", "Task_SubmitFinanceInformation", "finance_financeSummary"}}) {
            var task = MonthlyCycleIT.waitForTask(api, department[0], cycle, department[1]);
            assertThat(MonthlyCycleIT.complete(api, department[0], task,
                    Map.of(department[2], MonthlyCycleIT.string("说明"))).status()).isEqualTo(204);
        }
        String agendaTask = MonthlyCycleIT.waitForTask(api, "secgen", cycle, "Task_ConfirmAgenda").get("id").asText();

        login("secgen");
        openTask(agendaTask, "会议时长（分钟）");
        assertThat(browser.getPageSource()).contains("会议议程").contains("销售部汇报").contains("自由讨论")
                .contains("开始时间");
        screenshot("tasklist-agenda");

        Map<String, Object> agenda = new java.util.HashMap<>();
        agenda.put("meetingDate", MonthlyCycleIT.string("2030-01-15"));
        var confirmed = MonthlyCycleIT.complete(api, "secgen", MonthlyCycleIT.waitForTask(api, "secgen", cycle,
                "Task_ConfirmAgenda"), agenda);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        MonthlyCycleIT.recordAttendance(api, cycle, "gm", "secgen");
        String reportTask = MonthlyCycleIT.waitForTasks(api, "marketing.head", cycle, "Task_RecordDepartmentReport", 5)
                .get(0).get("id").asText();
        browser.manage().deleteAllCookies();
        login("marketing.head");
        openTask(reportTask, "汇报三步曲");
        assertThat(browser.getPageSource()).contains("原因1（量化）").contains("责任部门（秘书长确定）");
        screenshot("tasklist-report");
        // "no problem this period" hides the cause and inquiry fields (form-js conditional)
        claim();
        wait.until(d -> {
            var box = d.findElements(By.cssSelector("input[type=checkbox]")).stream()
                    .filter(e -> e.isDisplayed()).findFirst().orElse(null);
            if (box == null) {
                return false;
            }
            ((ChromeDriver) d).executeScript("arguments[0].scrollIntoView(true); arguments[0].click();", box);
            return true;
        });
        wait.until(d -> !d.getPageSource().contains("原因1（量化）"));
        screenshot("tasklist-report-no-finding");
    }

    private void claim() {
        wait.until(d -> {
            WebElement claim = d.findElements(By.xpath(CLAIM)).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (claim == null) {
                return false;
            }
            claim.click();
            return true;
        });
        wait.until(d -> d.findElements(By.xpath(CLAIM)).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    private void login(String user) {
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).isEmpty());
    }

    /** Opens the task in Tasklist until the form shows the given label (Tasklist may need a reload). */
    private void openTask(String taskId, String label) {
        String tasklist = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";
        boolean shown = false;
        for (int attempt = 0; attempt < 4 && !shown; attempt++) {
            browser.get(tasklist + "#/?task=" + taskId);
            browser.navigate().refresh();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(25)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.getPageSource().contains(label));
                shown = true;
            } catch (org.openqa.selenium.TimeoutException e) {
                System.out.println("Tasklist not ready yet, attempt " + (attempt + 1));
            }
        }
        assertThat(shown).as("the task form is shown in Tasklist").isTrue();
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
