package com.perftrack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
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

/**
 * The Chromium a browser test drives against the Camunda webapps: Debian's headless Chromium with a
 * Chinese locale (zh-CN), sign-in, opening a task until its form is there, claiming, screenshots
 * (target/screenshots). Shared by the browser ITs.
 */
public final class TasklistBrowser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Tasklist's claim link: Chinese since the webapps speak it (认领), English kept for ?lang=en. */
    public static final String CLAIM = "//*[normalize-space(text())='认领' or normalize-space(text())='Claim']";

    private final int port;
    public final WebDriver browser;
    public final WebDriverWait wait;

    public TasklistBrowser(int port, int width, int height) {
        assertThat(new File(CHROMIUM)).as("apt-get install chromium chromium-driver fonts-wqy-zenhei").exists();
        this.port = port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Tasklist re-renders while it loads: an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
    }

    public String url(String app) {
        return "http://127.0.0.1:" + port + "/camunda/app/" + app + "/default/";
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    /** The text a person sees: hidden elements (the banner, closed menus) do not count. */
    public String text() {
        return (String) js("return document.body.innerText");
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Signs in to a webapp, opening the page again while RequireJS (7 s time-out) gives up on a busy machine. */
    public void login(String app, String user, String password) {
        browser.manage().deleteAllCookies();
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
    public void openTask(String taskId, String label) {
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

    public void claim() {
        wait.until(d -> {
            WebElement claim = d.findElements(By.xpath(CLAIM)).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (claim == null) {
                return false;
            }
            claim.click();
            return true;
        });
        wait.until(d -> d.findElements(By.xpath(CLAIM)).stream().noneMatch(WebElement::isDisplayed));
    }

    /**
     * Lets the form take in what was typed: form-js hands a field's input to the form after a 300 ms
     * debounce, so a click right after typing (seen on a loaded CI machine) submitted the field empty.
     * A timer of 600 ms queued in the page runs after every earlier, shorter one, whatever the load.
     */
    public void settle() {
        ((ChromeDriver) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "if (document.activeElement) { document.activeElement.blur(); }"
                        + "setTimeout(done, 600);");
    }

    /** Clicks the first visible, enabled button whose text matches (scrolled into view first). */
    public void clickButton(String textRegex) {
        settle();
        wait.until(d -> {
            WebElement button = d.findElements(By.tagName("button")).stream()
                    .filter(b -> b.isDisplayed() && b.isEnabled() && b.getText().trim().matches(textRegex))
                    .findFirst().orElse(null);
            if (button == null) {
                return false;
            }
            js("arguments[0].scrollIntoView(true); arguments[0].click();", button);
            return true;
        });
    }

    public void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
