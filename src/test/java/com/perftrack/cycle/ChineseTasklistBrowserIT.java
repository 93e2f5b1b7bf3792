package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A committee member with a Chinese browser (Debian's headless Chromium, zh-CN) sees Camunda's own
 * webapp texts in Chinese: the sign-in page, the task list, an open task, Admin and Cockpit carry no
 * English chrome from issue 11 and no "migrate to Camunda 8" banner. Our locale files and styles
 * live under src/main/resources/META-INF/resources/webjars/camunda/app/. Leaves
 * target/screenshots/zh-*.png.
 */
@IntegrationTest
class ChineseTasklistBrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Tasklist texts the issue found in English, and the end-of-life banner. */
    static final List<String> ENGLISH_CHROME = List.of("Please sign in", "Please Log in", "Log in", "Username",
            "Password", "Start process", "Create task", "Add Comment", "Set follow-up date", "Set due date",
            "Keyboard Shortcuts", "Claim", "Created", " ago", "Powered by", "It is time to migrate", "Camunda 8",
            "migration guide");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    com.perftrack.security.CompanyAccess companies;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assertThat(new File(CHROMIUM)).as("apt-get install chromium chromium-driver fonts-wqy-zenhei").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            screenshot("zh-last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.quit();
        }
    }

    @Test
    void the_sign_in_page_speaks_chinese() throws Exception {
        browser.get(url("tasklist"));
        wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        wait.until(d -> d.findElement(By.cssSelector("button[type=submit]")).getText().contains("登录"));
        screenshot("zh-signin");
        assertThat(browser.findElement(By.cssSelector("input[type=text]")).getAttribute("placeholder")).isEqualTo("用户名");
        assertThat(browser.findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder"))
                .isEqualTo("密码");
        assertNoEnglishChrome();
    }

    @Test
    void english_stays_available_as_a_switch_that_this_browser_remembers() throws Exception {
        browser.get(url("tasklist") + "?lang=en");
        wait.until(d -> d.findElements(By.cssSelector("button[type=submit]")).stream()
                .anyMatch(b -> b.getText().contains("Log in")));
        // the choice holds for the other webapps too, until switched back
        browser.get(url("admin"));
        wait.until(d -> d.findElements(By.cssSelector("button[type=submit]")).stream()
                .anyMatch(b -> b.getText().contains("Log in")));
        screenshot("en-signin-admin");
        browser.get(url("admin") + "?lang=zh");
        wait.until(d -> d.findElements(By.cssSelector("button[type=submit]")).stream()
                .anyMatch(b -> b.getText().contains("登录")));
    }

    @Test
    void a_department_head_works_the_task_list_and_an_open_task_in_chinese() throws Exception {
        Api api = new Api(port);
        com.perftrack.support.TestCompanies.joinDemoCommittee(companies, "ZHC");
        var started = api.postJson("/engine-rest/process-definition/key/monthly-tracking-cycle/start", "secgen",
                Map.of("variables", Map.of("period", Map.of("value", "2024-06", "type", "String"),
                        "companyCode", Map.of("value", "ZHC", "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String taskId = MonthlyCycleIT.waitForTask(api, "sales.head", started.json().get("id").asText(),
                "Task_SubmitSalesInformation").get("id").asText();

        login("tasklist", "sales.head", "demo");
        wait.until(d -> text().contains("发起流程"));
        // the header shows the user family name first: 刘军, stored as firstName 军, lastName 刘
        wait.until(d -> text().contains("刘军"));
        assertThat(text()).contains("新建任务").contains("键盘快捷键").doesNotContain("军 刘");
        screenshot("zh-tasklist");
        assertNoEnglishChrome();

        openTask(taskId, "本月销售完成情况说明");
        wait.until(d -> text().contains("认领") && text().contains("添加评论") && text().contains("设置跟进日期"));
        assertThat(text()).contains("表单").contains("历史").contains("流程图");
        // the open task and its card in the department's filter say which process they belong to
        wait.until(d -> d.findElements(By.cssSelector("h4.process-definition")).stream()
                .anyMatch(e -> e.getText().contains("月度业绩跟踪周期")));
        screenshot("zh-task");
        assertNoEnglishChrome();
        wait.until(d -> {
            WebElement filter = d.findElements(By.xpath("//a[starts-with(normalize-space(.), '本部门任务')]")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (filter != null) {
                ((ChromeDriver) d).executeScript("arguments[0].click();", filter);
            }
            return filter != null;
        });
        wait.until(d -> d.findElements(By.cssSelector("h6.process-definition")).stream()
                .anyMatch(e -> e.isDisplayed() && e.getText().contains("月度业绩跟踪周期")));
        screenshot("zh-task-cards");
    }

    @Test
    void admin_and_cockpit_carry_no_end_of_life_banner() throws Exception {
        // the IT profile's administrator (application-it.yaml)
        login("admin", "admin", "it-admin-secret");
        wait.until(d -> text().contains("用户") && text().contains("授权"));
        screenshot("zh-admin");
        assertNoEnglishChrome();

        browser.get(url("cockpit"));
        // Cockpit is translated where its texts are shared with the other apps; the rest stays English
        wait.until(d -> text().contains("流程定义") || text().contains("部署"));
        screenshot("zh-cockpit");
        assertThat(text()).doesNotContain("It is time to migrate").doesNotContain("Camunda 8");
    }

    private void assertNoEnglishChrome() {
        String visible = text();
        assertThat(ENGLISH_CHROME).as("English texts on the page:%n%s", visible)
                .noneMatch(visible::contains);
    }

    /** The text a person sees: hidden elements (the banner, closed menus) do not count. */
    private String text() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
    }

    private String url(String app) {
        return "http://127.0.0.1:" + port + "/camunda/app/" + app + "/default/";
    }

    private void login(String app, String user, String password) {
        // a webapp loads its plugins with RequireJS (7 s time-out): on a busy machine the first load
        // can give up and leave an empty page, so the page is opened again
        boolean shown = false;
        for (int attempt = 0; attempt < 3 && !shown; attempt++) {
            browser.get(url(app));
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                        .until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
                shown = true;
            } catch (TimeoutException e) {
                System.out.println(app + " sign-in page not ready yet, attempt " + (attempt + 1));
            }
        }
        assertThat(shown).as("the %s sign-in page is shown", app).isTrue();
        browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).isEmpty());
    }

    /** Opens the task until its form shows the label (Tasklist's plugin loading may need a reload). */
    private void openTask(String taskId, String label) {
        boolean shown = false;
        for (int attempt = 0; attempt < 4 && !shown; attempt++) {
            browser.get(url("tasklist") + "#/?task=" + taskId);
            browser.navigate().refresh();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(25)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.getPageSource().contains(label));
                shown = true;
            } catch (TimeoutException e) {
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
