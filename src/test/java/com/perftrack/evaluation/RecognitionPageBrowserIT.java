package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.CompanyAccess;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import com.perftrack.support.TasklistBrowser;
import com.perftrack.support.TestCompanies;
import jakarta.mail.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Public recognition (公开表彰, issue 17): company RCG's 2012-Q1, RCG-P1 at 150% (the one BONUS place of
 * ⌈10% × 3⌉), RCG-P2 at 100%, RCG-P3 at 90%. When HR's confirmation is published the bonus is announced
 * by mail to the company and shown on /recognition.html; RCG-P1 opts out and is shown no more.
 * Runs in Debian's chromium (ChromeDriver, Chinese locale) through TasklistBrowser.
 */
@IntegrationTest
class RecognitionPageBrowserIT {

    static final String ADMIN = "admin:it-admin-secret";

    /** The IT profile's spring.mail (localhost:2525). */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    CompanyAccess companies;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    IdentityService identity;
    TasklistBrowser browser;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestCompanies.joinDemoCommittee(companies, "RCG");
        var org = api.postFile("/api/imports/organisation", ADMIN, "rcg.csv", ("unit_type,code,name,parent_code,user_id,email,role\n"
                + "company,RCG,表彰演练公司,,gm,,production\n"
                + "department,RCG-SALES,销售部,RCG,sales.head,,sales\n"
                + "person,RCG-P1,韩梅,RCG-SALES,rcg.p1,rcg.p1@test.example,employee\n"
                + "person,RCG-P2,李雷,RCG-SALES,rcg.p2,rcg.p2@test.example,employee\n"
                + "person,RCG-P3,王芳,RCG-SALES,rcg.p3,rcg.p3@test.example,employee\n").getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        for (String id : List.of("rcg.p1", "rcg.p2", "rcg.p3")) {
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
        StringBuilder figures = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (String month : List.of("2012-01", "2012-02", "2012-03")) {
            figures.append(month).append(",person,RCG-P1,SALES_AMOUNT,100,150\n")
                    .append(month).append(",person,RCG-P2,SALES_AMOUNT,100,100\n")
                    .append(month).append(",person,RCG-P3,SALES_AMOUNT,100,90\n");
        }
        var imported = api.postFile("/api/imports/figures", ADMIN, "rcg.csv", figures.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        browser = new TasklistBrowser(port, 1280, 1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.screenshot("recognition-last");
            browser.close();
        }
    }

    @Test
    void the_quarter_s_bonus_is_announced_and_shown_and_a_person_may_opt_out() throws Exception {
        evaluations.evaluate(Quarter.parse("2012-Q1"), "RCG");
        evaluations.publish(Quarter.parse("2012-Q1"), "RCG", "hr.head", "gm");
        // published twice (a retried publication): recorded and announced once
        evaluations.publish(Quarter.parse("2012-Q1"), "RCG", "hr.head", "gm");

        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        List<Message> announcements = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains("公开表彰")).map(Message.class::cast).toList();
        assertThat(announcements).as("one mail to the company's members").hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(m -> assertThat(subject(m)).contains("2012-Q1"));
        assertThat(recipients(announcements)).contains("rcg.p2@test.example", "rcg.p3@test.example");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(announcements.get(0))).isNotBlank();

        assertThat(api.get("/api/recognition?companyCode=RCG", "sales1").status()).as("not a member of RCG").isEqualTo(403);

        signIn("rcg.p2");
        WebElement occasion = browser.until(d -> d.findElements(By.cssSelector(".occasion[data-period='2012-Q1']"))
                .stream().findFirst().orElse(null));
        assertThat(occasion.getText()).contains("2012-Q1", "季度奖金 Quarterly bonus", "韩梅", "得分 score 150%");
        assertThat(browser.browser.findElement(By.id("opt-out-box")).isDisplayed()).isTrue();
        browser.screenshot("recognition-page");

        // the recognised person chooses not to be shown
        signIn("rcg.p1");
        browser.until(d -> !d.findElements(By.cssSelector("li[data-person='RCG-P1']")).isEmpty());
        browser.browser.findElement(By.id("opt-out")).click();
        browser.until(d -> d.findElement(By.id("opt-out-status")).getText().contains("不公开"));
        browser.until(d -> d.findElements(By.cssSelector("li[data-person='RCG-P1']")).isEmpty());
        assertThat(api.get("/api/recognition?companyCode=RCG", "rcg.p2").json().findValuesAsText("personCode"))
                .doesNotContain("RCG-P1");
        assertThat(api.putJson("/api/recognition/opt-out", "sales.head", java.util.Map.of("optedOut", true)).status())
                .as("a department head without a person unit has nothing to opt out").isEqualTo(403);
    }

    private void signIn(String user) {
        var driver = browser.browser;
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/recognition.html");
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.getCurrentUrl().contains("/recognition.html"));
        browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private static String subject(Message m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(List<Message> messages) {
        return messages.stream().flatMap(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
