package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TestCompanies;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in Debian's headless Chromium (packages chromium, chromium-driver,
 * fonts-wqy-zenhei), driven by Selenium with the driver at /usr/bin/chromedriver: nothing is
 * downloaded. Logs in through /login, picks company, month and quarter with the slicers, reads the numbers
 * the panels show from the DOM and leaves a screenshot at target/screenshots/dashboard.png.
 */
@IntegrationTest
class DashboardBrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        TestCompanies.joinDemoCommittee(companies, DashboardData.COMPANY);
        DashboardData.importInto(new Api(port));
        assertThat(new File(CHROMIUM)).as("apt-get install chromium chromium-driver fonts-wqy-zenhei").exists();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // after the login redirect the old page's elements go stale while the dashboard loads
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void committee_member_slices_by_company_and_month_and_sees_cards_trend_funnel_and_ranks() throws Exception {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.name("username")).sendKeys("secgen");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null
                || !d.findElement(By.id("status-line")).getText().isEmpty());
        assertThat(browser.findElement(By.id("status-line")).getText()).isEmpty();

        new Select(browser.findElement(By.id("company"))).selectByValue("DASHCO");
        waitForLoaded("|DASHCO");
        new Select(browser.findElement(By.id("period"))).selectByValue("2024-05");
        waitForLoaded("2024-05|DASHCO");
        assertThat(card("SALES_AMOUNT").getDomAttribute("data-actual")).isEqualTo("420"); // 130 + 200 + 90
        assertThat(browser.findElement(By.id("funnel-winrate")).getText()).isEqualTo("50.0%"); // 5 / 10

        new Select(browser.findElement(By.id("period"))).selectByValue("2024-06");
        waitForLoaded("2024-06|DASHCO");
        WebElement sales = card("SALES_AMOUNT");
        assertThat(sales.getDomAttribute("data-actual")).isEqualTo("430");
        assertThat(sales.getDomAttribute("data-status")).isEqualTo("green");
        assertThat(sales.findElement(By.className("value")).getText()).isEqualTo("430");
        assertThat(sales.findElement(By.className("attainment")).getText()).isEqualTo("107.5%"); // 430 / 400
        assertThat(card("NEW_CUSTOMERS").getDomAttribute("data-status")).isEqualTo("amber");
        assertThat(card("COMPLAINTS").getDomAttribute("data-status")).isEqualTo("red");

        WebElement trend = browser.findElement(By.id("trend"));
        assertThat(trend.getDomAttribute("data-forecast")).isEqualTo("440,450,460"); // 380 + 10t, t = 12..14 from 2023-07
        assertThat(browser.findElement(By.id("forecast-method")).getText()).isEqualTo("线性最小二乘趋势");
        assertThat(trend.findElements(By.tagName("canvas"))).isNotEmpty();

        assertThat(browser.findElement(By.id("funnel")).getDomAttribute("data-counts")).isEqualTo("200,120,60,30,12");
        assertThat(browser.findElement(By.cssSelector("#funnel-rates tr[data-kpi=FUNNEL_CONTACTS] .conversion")).getText())
                .isEqualTo("60.0%");
        assertThat(browser.findElement(By.id("funnel-winrate")).getText()).isEqualTo("57.1%"); // 12 / 21

        assertThat(browser.findElement(By.cssSelector("#breakdown tr[data-unit=DR-EAST]")).getDomAttribute("data-rank"))
                .isEqualTo("1");
        new Select(browser.findElement(By.id("breakdown-type"))).selectByValue("person");
        wait.until(d -> !d.findElements(By.cssSelector("#breakdown tr[data-unit=DP1]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#breakdown tr[data-unit]")).stream()
                .map(e -> e.getDomAttribute("data-unit")).toList()).containsExactly("DP1", "DP2", "DP3");

        // a quarter (SPEC.md section 7): the slicer offers it beside the months; every panel aggregates its months
        new Select(browser.findElement(By.id("period"))).selectByValue("2024-Q2");
        waitForLoaded("2024-Q2|DASHCO");
        WebElement quarter = card("SALES_AMOUNT");
        assertThat(quarter.getDomAttribute("data-target")).isEqualTo("1200"); // 400 × 3
        assertThat(quarter.getDomAttribute("data-actual")).isEqualTo("1260"); // 410 + 420 + 430
        assertThat(quarter.findElement(By.className("attainment")).getText()).isEqualTo("105.0%"); // 1260 / 1200
        assertThat(quarter.getDomAttribute("data-status")).isEqualTo("green");
        WebElement quarters = browser.findElement(By.id("trend"));
        // eight quarters up to 2024-Q2; only 2024-Q1 (380 + 390 + 400) and 2024-Q2 have figures
        assertThat(quarters.getDomAttribute("data-actuals")).isEqualTo(",,,,,,1170,1260");
        assertThat(quarters.getDomAttribute("data-forecast")).isEqualTo("1350,1440,1530"); // + 90 a quarter
        assertThat(browser.findElement(By.id("funnel-winrate")).getText()).isEqualTo("54.8%"); // (5 + 12) / (17 + 5 + 9)
        // people over the quarter: DP1 390 / 300 = 130%, DP2 600 / 600, DP3 270 / 300
        assertThat(browser.findElements(By.cssSelector("#breakdown tr[data-unit]")).stream()
                .map(e -> e.getDomAttribute("data-unit") + ":" + e.getDomAttribute("data-rank")).toList())
                .containsExactly("DP1:1", "DP2:2", "DP3:3");
        assertThat(browser.findElement(By.id("export")).isDisplayed()).as("the tracking sheet is a month's").isFalse();

        assertThat(browser.findElements(By.cssSelector("#actions tr"))).hasSizeGreaterThan(1); // header + rows or "暂无"
        assertThat(browser.findElement(By.id("gaps")).getText()).isNotEmpty();

        browser.findElement(By.id("lang")).click();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Performance tracking dashboard");
        browser.findElement(By.id("lang")).click();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("业绩跟踪看板");

        Thread.sleep(800); // let ECharts finish its entry animation before the picture
        Path screenshot = Path.of("target", "screenshots", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private void waitForLoaded(String suffixOrKey) {
        wait.until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && loaded.endsWith(suffixOrKey)
                    && "false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loading"));
        });
    }

    private WebElement card(String kpi) {
        return browser.findElement(By.cssSelector("#cards .card[data-kpi=" + kpi + "]"));
    }
}
