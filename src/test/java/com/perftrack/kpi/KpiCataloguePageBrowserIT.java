package com.perftrack.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The KPI catalogue and weights page (/kpi-catalogue.html, issue 14) as HR uses it: sees the
 * catalogue and the demo company's weights, downloads both, uploads a catalogue file with a new KPI
 * and sees it listed, and reads every bad line of a refused weights file in Chinese.
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class KpiCataloguePageBrowserIT {

    @LocalServerPort
    int port;
    TasklistBrowser browser;

    @BeforeEach
    void open() {
        browser = new TasklistBrowser(port, 1280, 1400);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.screenshot("kpi-catalogue-last");
            browser.close();
        }
    }

    @Test
    void hr_sees_downloads_and_changes_the_catalogue_and_reads_a_refused_weights_file() throws Exception {
        var driver = browser.browser;
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/kpi-catalogue.html");
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.name("username")).sendKeys("hr.head");
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.getCurrentUrl().contains("/kpi-catalogue.html"));
        browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        assertThat(browser.text()).contains("KPI 目录与权重", "销售额", "越低越好 lower", "下载当前目录");
        assertThat(codes()).contains("SALES_AMOUNT", "SALES_CYCLE_DAYS", "COMPLAINTS");
        // the demo company's weights: the built-in section 4 defaults, with their shares
        assertThat(driver.findElement(By.cssSelector("#weights tr[data-role=employee][data-kpi=SALES_AMOUNT]")).getText())
                .contains("默认 default", "50", "50.0%", "内置默认 built-in");
        assertThat(driver.findElement(By.id("weights-export")).getDomAttribute("href")).startsWith("/api/kpi-weights/export");

        // upload a catalogue file with a new KPI: it is listed at once
        Path catalogue = Files.createTempFile("catalogue", ".csv");
        Files.writeString(catalogue, "code,name_zh,name_en,unit,aggregation,direction,decimals,source_role\n"
                + "PAGE_MARKET_SHARE,市场份额,Market share,%,last,higher,4,page-check\n", StandardCharsets.UTF_8);
        upload("kpi-catalogue", catalogue);
        browser.until(d -> d.findElement(By.cssSelector("#catalogue-section .outcome")).getText().contains("已导入"));
        browser.until(d -> !d.findElements(By.cssSelector("#catalogue tr[data-code=PAGE_MARKET_SHARE]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#catalogue tr[data-code=PAGE_MARKET_SHARE]")).getText())
                .contains("市场份额", "%", "last", "越高越好 higher", "page-check");

        // a weights file with bad lines (an unknown company): every line named, in Chinese, nothing stored
        Path weights = Files.createTempFile("weights", ".csv");
        Files.writeString(weights, "company_code,role,kpi_code,weight,valid_from\n"
                + "NOCO,employee,NO_SUCH_KPI,10,2026-Q3\nNOCO,employee,SALES_AMOUNT,-3,2026-Q9\n", StandardCharsets.UTF_8);
        upload("kpi-weights", weights);
        browser.until(d -> !d.findElements(By.cssSelector("#weights-section .outcome table")).isEmpty());
        String refusal = driver.findElement(By.cssSelector("#weights-section .outcome")).getText();
        assertThat(refusal).contains("未知公司 'NOCO'", "未知 KPI 'NO_SUCH_KPI'", "权重应为不小于 0 的数字", "生效季度应为 YYYY-Qn");
        // a header and five errors: the company on both lines, the KPI on the first, weight and quarter on the second
        assertThat(driver.findElements(By.cssSelector("#weights-section .outcome table tr"))).as(refusal).hasSize(6);
        assertThat(driver.findElement(By.cssSelector("#weights tr[data-role=employee][data-kpi=SALES_AMOUNT]")).getText())
                .as("nothing stored").contains("内置默认 built-in");
        browser.screenshot("kpi-catalogue-page");
    }

    private void upload(String kind, Path file) {
        WebElement form = browser.browser.findElement(By.cssSelector("form[data-kind='" + kind + "']"));
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.tagName("button")).click();
    }

    private List<String> codes() {
        return browser.browser.findElements(By.cssSelector("#catalogue tr[data-code]")).stream()
                .map(r -> r.getDomAttribute("data-code")).toList();
    }
}
