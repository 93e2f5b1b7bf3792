package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard on a phone (390 × 844, issue 15): one column without sideways scrolling, status shapes
 * with Chinese words, YoY beside MoM, a drill-down from the company to a person by breakdown rows and a
 * bar with the crumbs leading back, and a figure imported while the page is open showing up without a
 * reload. Company DPH of its own:
 *
 * <pre>
 * DPH 手机看板公司 → DPH-SALES 手机销售部 → DPH-EAST 东区 (DPH-P1 韩雪, DPH-P2 陈亮), DPH-WEST 西区 (DPH-P3 林静)
 * SALES_AMOUNT target / actual   2023-06    2024-05    2024-06
 *   DPH-P1                       100 / 100  100 / 110  100 / 120   → 120%, MoM 120/110 − 1 = +9.1%, YoY 120/100 − 1 = +20.0%
 *   DPH-P2                       200 / 200  200 / 200  200 / 190   →  95% amber
 *   DPH-P3                       100 / 100  100 / 100  100 /  80   →  80% red
 *   company (rolled up)          400 / 400  400 / 410  400 / 390   → 97.5% amber, MoM 390/410 − 1 = −4.9%, YoY 390/400 − 1 = −2.5%
 * </pre>
 *
 * NEW_CUSTOMERS of DPH-P3 (林静): 2024-05 10 / 5, 2024-06 10 / 6 — April has none, so as of June two
 * months count: forecast (5 + 6) × 3 / 2 = 16.5 against (10 + 10) × 3 / 2 = 30 = 55.0%, so far 11 / 20 =
 * 55.0%, below the amber threshold: an early warning (预警) for 林静 and, rolled up from her alone, for the
 * west region, the department and the company. DPH-P1's June sales by product (parts beside her total
 * row 100 / 120): 产品甲 60 / 70, 产品乙 40 / 50 → shares 70 / 120 = 58.3% and 41.7%, attainment 116.7% and
 * 125.0% (the company has no parts of its own: its breakdown is its people's).
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class DashboardPhoneBrowserIT {

    static final String COMPANY = "DPH";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,DPH,手机看板公司,,dph.gm,,production\n"
            + "department,DPH-SALES,手机销售部,DPH,dph.sales,,sales\n"
            + "region,DPH-EAST,东区,DPH-SALES,,,\n"
            + "region,DPH-WEST,西区,DPH-SALES,,,\n"
            + "person,DPH-P1,韩雪,DPH-EAST,dph.p1,,employee\n"
            + "person,DPH-P2,陈亮,DPH-EAST,dph.p2,,employee\n"
            + "person,DPH-P3,林静,DPH-WEST,dph.p3,,employee\n";
    static final String FIGURES = "period,unit_type,unit_code,kpi_code,target,actual\n"
            + "2023-06,person,DPH-P1,SALES_AMOUNT,100,100\n2023-06,person,DPH-P2,SALES_AMOUNT,200,200\n"
            + "2023-06,person,DPH-P3,SALES_AMOUNT,100,100\n"
            + "2024-05,person,DPH-P1,SALES_AMOUNT,100,110\n2024-05,person,DPH-P2,SALES_AMOUNT,200,200\n"
            + "2024-05,person,DPH-P3,SALES_AMOUNT,100,100\n"
            + "2024-06,person,DPH-P1,SALES_AMOUNT,100,120\n2024-06,person,DPH-P2,SALES_AMOUNT,200,190\n"
            + "2024-06,person,DPH-P3,SALES_AMOUNT,100,80\n"
            + "2024-05,person,DPH-P3,NEW_CUSTOMERS,10,5\n2024-06,person,DPH-P3,NEW_CUSTOMERS,10,6\n";
    static final String PRODUCTS = "period,unit_type,unit_code,kpi_code,target,actual,product\n"
            + "2024-06,person,DPH-P1,SALES_AMOUNT,60,70,产品甲\n2024-06,person,DPH-P1,SALES_AMOUNT,40,50,产品乙\n";

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    FindingService findings;
    @Autowired
    RuntimeService runtime;
    Api api;
    TasklistBrowser browser;
    String action;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, COMPANY);
        importFile("/api/imports/organisation", ORGANISATION);
        importFile("/api/imports/figures", FIGURES); // the figures as above again, whatever an earlier run changed
        importFile("/api/imports/figures", PRODUCTS);
        // one improvement action being written, for the action list's icon
        long finding = findings.create(new Finding(null, COMPANY, "2024-06", "sales", "SALES_AMOUNT", "西区销售额低于计划 20%",
                "-20%", "客户流失", "internal", "-20", "回访老客户", null, "sales", "每周回访", null, "secgen", null));
        action = runtime.startProcessInstanceByKey("improvement-action", "F" + finding + "-sales", Map.of("findingId", finding,
                "responsibleDepartment", "sales", "companyCode", COMPANY, "period", "2024-06")).getId();
        awaitActionRow(); // the action's row is written by an asynchronous service task
        browser = new TasklistBrowser(port, 390, 844);
        // exactly a phone's viewport, as a phone lays the page out (the meta viewport counts)
        ((ChromeDriver) browser.browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.screenshot("dashboard-phone-last");
            browser.close();
        }
        if (action != null && runtime.createProcessInstanceQuery().processInstanceId(action).count() > 0) {
            runtime.deleteProcessInstance(action, "test ends"); // no timers left for the other ITs
        }
    }

    @Test
    void on_a_phone_the_committee_drills_from_the_company_to_a_person_and_sees_an_import_arrive() throws Exception {
        signIn("secgen");
        new Select(el("company")).selectByValue(COMPANY);
        waitForLoaded("|" + COMPANY);
        new Select(el("period")).selectByValue("2024-06");
        waitForLoaded("2024-06|" + COMPANY);

        // one column, nothing sideways
        assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).isEqualTo(390);
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);
        List<WebElement> cards = browser.browser.findElements(By.cssSelector("#cards .card"));
        assertThat(cards).hasSizeGreaterThan(3);
        assertThat(cards.stream().map(c -> c.getRect().getX()).distinct()).as("cards stacked").hasSize(1);
        for (int i = 1; i < cards.size(); i++) {
            assertThat(cards.get(i).getRect().getY()).isGreaterThan(cards.get(i - 1).getRect().getY());
        }
        assertThat(browser.browser.findElements(By.cssSelector(".grid > .panel")).stream().filter(WebElement::isDisplayed)
                .map(p -> p.getRect().getX()).distinct()).as("panels stacked").hasSize(1);
        browser.screenshot("dashboard-phone");
        assertThat(Files.size(Path.of("target", "screenshots", "dashboard-phone.png"))).isGreaterThan(10_000);
        wholePage("dashboard-phone-full");

        // the company: amber shown as ▲ with its words, YoY beside MoM
        WebElement company = card("SALES_AMOUNT");
        assertThat(company.getDomAttribute("data-actual")).isEqualTo("390");
        assertIcon(company.findElement(By.cssSelector(".status-icon")), "▲", "状态：预警");
        assertThat(company.findElement(By.className("mom")).getText()).isEqualTo("环比 -4.9%");
        assertThat(company.findElement(By.className("yoy")).getText()).isEqualTo("同比 -2.5%");
        assertThat(el("status-line").getText()).isEmpty();
        // the early warning (预警): its card in Chinese, worst first, and the flag on the KPI card
        assertThat(el("warnings-panel").isDisplayed()).isTrue();
        assertThat(el("warnings-panel").getDomAttribute("data-state")).isEqualTo("listed");
        assertThat(el("warnings-panel").getText()).contains("季度预警", "单位", "指标", "已过月数", "至今达成率", "预测季度达成率");
        WebElement warning = browser.until(d -> d.findElements(By.cssSelector("#warnings tr[data-unit=DPH-P3]")).stream()
                .findFirst().orElse(null));
        assertThat(warning.getText()).contains("林静", "新客户数", "2", "55.0%");
        assertThat(warning.findElement(By.cssSelector(".forecast")).getText()).isEqualTo("55.0%");
        assertThat(card("NEW_CUSTOMERS").findElements(By.cssSelector(".warn-flag"))).as("flag on the card").hasSize(1);
        assertThat(card("SALES_AMOUNT").findElements(By.cssSelector(".warn-flag"))).as("no flag without a warning").isEmpty();
        // products of the selected KPI: a pie of shares and a bar of attainment
        assertThat(el("dimensions-panel").getDomAttribute("data-state")).isEqualTo("listed");
        assertThat(el("dimension-pie").isDisplayed()).isTrue();
        assertThat(el("dimension-bar").isDisplayed()).isTrue();
        browser.js("arguments[0].scrollIntoView({block: 'start'});", el("warnings-panel"));
        browser.screenshot("dashboard-phone-warnings");
        // the action being written: ✎ and its words
        WebElement actionRow = browser.until(d -> d.findElements(By.cssSelector("#actions tr[data-timeliness]")).stream()
                .findFirst().orElse(null));
        assertIcon(actionRow.findElement(By.cssSelector(".action-icon")), "✎", "状态：起草与审核中");

        // company → department, by its row
        new Select(el("breakdown-type")).selectByValue("department");
        WebElement sales = browser.until(d -> d.findElements(By.cssSelector("#breakdown tr[data-unit=DPH-SALES]")).stream()
                .findFirst().orElse(null));
        assertIcon(sales.findElement(By.cssSelector(".status-icon")), "▲", "状态：预警");
        sales.click();
        waitForLoaded("2024-06|DPH-SALES");
        assertThat(new Select(el("unit")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("DPH-SALES");
        assertThat(new Select(el("breakdown-type")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("region");
        assertThat(el("crumb-path").getText()).isEqualTo("手机看板公司 › 手机销售部");
        // department → region, by its bar: east 310 / 300, west 80 / 100
        assertThat(breakdownUnits()).containsExactly("DPH-EAST:1", "DPH-WEST:2");
        assertIcon(row("DPH-WEST").findElement(By.cssSelector(".status-icon")), "✖", "状态：未达标");
        clickBar("DPH-EAST");
        waitForLoaded("2024-06|DPH-EAST");
        // region → person, by its row: the east's people only, ranked among the company's three
        assertThat(breakdownUnits()).containsExactly("DPH-P1:1", "DPH-P2:2");
        row("DPH-P1").click();
        waitForLoaded("2024-06|DPH-P1");

        WebElement person = card("SALES_AMOUNT");
        assertThat(person.getDomAttribute("data-actual")).isEqualTo("120");
        assertThat(person.findElement(By.className("attainment")).getText()).isEqualTo("120.0%");
        assertIcon(person.findElement(By.cssSelector(".status-icon")), "✔", "状态：达标");
        assertThat(person.findElement(By.className("mom")).getText()).isEqualTo("环比 +9.1%");
        assertThat(person.findElement(By.className("yoy")).getText()).isEqualTo("同比 +20.0%");
        assertThat(el("crumb-path").getText()).isEqualTo("手机看板公司 › 手机销售部 › 东区 › 韩雪");
        assertThat(el("breakdown").getText()).contains("个人为最底层");
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);

        // a corrected figure arrives while the page is open: the card follows, the page is the same page
        browser.js("window.samePage = 'yes';");
        importFile("/api/imports/figures", "period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2024-06,person,DPH-P1,SALES_AMOUNT,100,130\n");
        new WebDriverWait(browser.browser, Duration.ofSeconds(45)).ignoring(StaleElementReferenceException.class)
                .until(d -> "130".equals(card("SALES_AMOUNT").getDomAttribute("data-actual")));
        assertThat(browser.js("return window.samePage;")).as("no reload").isEqualTo("yes");
        assertThat(card("SALES_AMOUNT").findElement(By.className("yoy")).getText()).isEqualTo("同比 +30.0%"); // 130 / 100 − 1
        assertThat(el("refresh-line").getText()).startsWith("数据已自动更新");
        assertThat(new Select(el("unit")).getFirstSelectedOption().getDomAttribute("value")).as("the choices stay")
                .isEqualTo("DPH-P1");
        assertThat(new Select(el("period")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("2024-06");

        // and back up: 返回上级 leads to the region, the unit slicer follows
        el("up").click();
        waitForLoaded("2024-06|DPH-EAST");
        assertThat(new Select(el("unit")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("DPH-EAST");
        browser.screenshot("dashboard-phone-region");
    }

    private void signIn(String user) {
        var driver = browser.browser;
        driver.get("http://127.0.0.1:" + port + "/");
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null
                || !d.findElement(By.id("status-line")).getText().isEmpty());
        assertThat(el("status-line").getText()).isEmpty();
    }

    private void waitForLoaded(String suffix) {
        browser.until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && loaded.endsWith(suffix)
                    && "false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loading"));
        });
    }

    /** The whole page as the phone lays it out, for a person to look at (target/screenshots). */
    private void wholePage(String name) throws Exception {
        long height = ((Number) browser.js("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> shot = ((ChromeDriver) browser.browser).executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 390, "height", height, "scale", 1)));
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    /** Clicks the middle of a unit's bar in the breakdown chart, where a finger would. */
    private void clickBar(String unitCode) {
        WebElement chart = el("breakdown-chart");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", chart);
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.js(
                "var units = Array.from(document.querySelectorAll('#breakdown tr[data-unit]')).map(function (r) { return r.dataset.unit; });"
                        + "var i = units.indexOf(arguments[0]);"
                        + "var c = echarts.getInstanceByDom(document.getElementById('breakdown-chart'));"
                        + "return c.convertToPixel({ seriesIndex: 0 }, [c.getOption().series[0].data[i].value / 2, i]);",
                unitCode);
        var size = chart.getSize();
        new Actions(browser.browser).moveToElement(chart, point.get(0).intValue() - size.getWidth() / 2,
                point.get(1).intValue() - size.getHeight() / 2).click().perform();
    }

    private List<String> breakdownUnits() {
        return browser.browser.findElements(By.cssSelector("#breakdown tr[data-unit]")).stream()
                .map(e -> e.getDomAttribute("data-unit") + ":" + e.getDomAttribute("data-rank")).toList();
    }

    private static void assertIcon(WebElement icon, String shape, String words) {
        assertThat(icon.getText()).isEqualTo(shape);
        assertThat(icon.getDomAttribute("title")).isEqualTo(words);
        assertThat(icon.getDomAttribute("aria-label")).isEqualTo(words);
        assertThat(icon.getDomAttribute("role")).isEqualTo("img");
    }

    private WebElement el(String id) {
        return browser.browser.findElement(By.id(id));
    }

    private WebElement row(String unitCode) {
        return browser.browser.findElement(By.cssSelector("#breakdown tr[data-unit=" + unitCode + "]"));
    }

    private WebElement card(String kpi) {
        return browser.browser.findElement(By.cssSelector("#cards .card[data-kpi=" + kpi + "]"));
    }

    private void awaitActionRow() {
        long until = System.currentTimeMillis() + 30_000;
        while (api.get("/api/dashboard/actions?status=open&companyCode=" + COMPANY, "secgen").json().isEmpty()) {
            assertThat(System.currentTimeMillis()).as("the action's row within 30 s").isLessThan(until);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void importFile(String path, String csv) {
        var response = api.postFile(path, DashboardData.ADMIN, "dph.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
