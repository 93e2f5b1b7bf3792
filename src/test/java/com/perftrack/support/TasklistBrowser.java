package com.perftrack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
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
    /** Tasklist texts issue 11 found in English, and the end-of-life banner: none may show. */
    public static final List<String> ENGLISH_CHROME = List.of("Please sign in", "Start process", "Create task",
            "Add Comment", "Set follow-up date", "Set due date", "Keyboard Shortcuts", "Claim", "Powered by",
            "It is time to migrate", "Camunda 8");

    private String signedIn;

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
        signedIn = user;
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

    // ---- form-js form helpers (shared by the browser walks) ----

    /**
     * Opens Tasklist's 发起流程 dialog, picks the process by (part of) its name and waits for its start
     * form to show a field with the label; reloads while Tasklist is still loading.
     */
    public void openStartForm(String processName, String label) {
        boolean shown = false;
        for (int attempt = 0; attempt < 4 && !shown; attempt++) {
            browser.get(url("tasklist"));
            browser.navigate().refresh();
            try {
                waitUpTo(25).until(d -> {
                    var link = d.findElements(By.xpath("//a[normalize-space(.)='发起流程']")).stream()
                            .filter(WebElement::isDisplayed).findFirst();
                    link.ifPresent(WebElement::click);
                    return link.isPresent();
                });
                waitUpTo(15).until(d -> {
                    var process = d.findElements(By.xpath("//a[contains(normalize-space(.), '" + processName + "')]"))
                            .stream().filter(WebElement::isDisplayed).findFirst();
                    process.ifPresent(p -> js("arguments[0].click();", p));
                    return process.isPresent();
                });
                waitUpTo(20).until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).stream()
                        .anyMatch(f -> f.getText().contains(label)));
                shown = true;
            } catch (TimeoutException e) {
                System.out.println("start dialog not ready yet, attempt " + (attempt + 1));
            }
        }
        assertThat(shown).as("the start form of %s is shown", processName).isTrue();
    }

    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait shortWait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        shortWait.ignoring(StaleElementReferenceException.class);
        return shortWait;
    }

    /**
     * A task's form opened in Tasklist by the signed-in user: the task's own form ({@code formId} is
     * its Camunda Form), and a user who gets it (its assignee, or a member of a candidate group);
     * then {@link #checkForm}.
     */
    public String checkTaskForm(TaskService tasks, String taskId, String formId) throws Exception {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        assertThat(task).as(formId + ": the task is open").isNotNull();
        assertThat(task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey())
                .as("the form of " + task.getTaskDefinitionKey()).isEqualTo(formId);
        boolean gets = signedIn.equals(task.getAssignee()) || tasks.createTaskQuery().taskId(taskId)
                .taskCandidateUser(signedIn).includeAssignedTasks().count() == 1;
        assertThat(gets).as(signedIn + " is who gets " + formId + " (assignee or candidate)").isTrue();
        return checkForm(formId);
    }

    /**
     * A start form opened in Tasklist's 发起流程 dialog by the signed-in user: the process's start form
     * is {@code formId}, and the user may start it (a candidate starter of the latest version).
     */
    public String checkStartForm(RepositoryService repository, String processKey, String formId) throws Exception {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().withoutTenantId().singleResult();
        StartEvent start = repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(StartEvent.class)
                .stream().filter(e -> e.getCamundaFormRef() != null).findFirst().orElseThrow();
        assertThat(start.getCamundaFormRef()).as("the start form of " + processKey).isEqualTo(formId);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionId(latest.getId())
                .startableByUser(signedIn).count()).as(signedIn + " may start " + processKey).isEqualTo(1);
        return checkForm(formId);
    }

    /**
     * The form as a person sees it: Tasklist's chrome in Chinese (none of the English texts issue 11
     * found), no raw template text, no "undefined" or "NaN", nothing wider than the form; returns the
     * visible text and leaves a screenshot target/screenshots/form-&lt;formId&gt;.png.
     */
    public String checkForm(String formId) throws Exception {
        String visible = text();
        screenshot("form-" + formId);
        assertThat(visible).as(formId + ": Tasklist in Chinese").contains("任务列表").contains("发起流程");
        assertThat(ENGLISH_CHROME).as(formId + ": English Tasklist texts on the page%n%s", visible)
                .noneMatch(visible::contains);
        assertThat(visible).as(formId + " visible text").doesNotContain("{{").doesNotContain("undefined")
                .doesNotContain("NaN");
        Object overflow = js("var c = document.querySelector('.fjs-container');"
                + "var right = c.getBoundingClientRect().right; var bad = [];"
                + "c.querySelectorAll('*').forEach(function (e) { var r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > right + 2) bad.push(e.tagName + '.' + e.className + ' right=' + r.right); });"
                + "return 'container right=' + right + '\\n' + bad.slice(0, 10).join('\\n') + (bad.length ? '' : 'OK');");
        assertThat((String) overflow).as(formId + " fits the window").endsWith("OK");
        return visible;
    }

    /** The visible form field whose label starts with the text. */
    public WebElement field(String labelStart) {
        return until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).stream()
                .filter(WebElement::isDisplayed)
                .filter(f -> f.findElements(By.cssSelector("label")).stream().findFirst()
                        .map(l -> l.getText().trim().startsWith(labelStart)).orElse(false))
                .findFirst().orElse(null));
    }

    /** Ticks one option of a checklist (its label is the option's label the server put into the task). */
    public void tick(String fieldLabelStart, String option) {
        WebElement checklist = field(fieldLabelStart);
        WebElement label = until(d -> checklist.findElements(By.cssSelector("label")).stream()
                .filter(l -> l.getText().trim().equals(option)).findFirst().orElse(null));
        js("arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
        until(d -> (Boolean) js("var l = arguments[0]; var i = l.querySelector('input')"
                + " || (l.htmlFor && document.getElementById(l.htmlFor)); return !!(i && i.checked);", label));
    }

    /**
     * Chooses an option of a select by typing part of its label (searchable selects) and clicking it
     * in the list.
     */
    public void pick(String fieldLabelStart, String typed, String option) {
        WebElement select = field(fieldLabelStart);
        WebElement input = select.findElement(By.cssSelector("input"));
        js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        if (!Boolean.TRUE.equals(js("return arguments[0].readOnly;", input))) {
            input.sendKeys(typed);
        }
        WebElement item = until(d -> select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null));
        item.click();
        until(d -> select.getText().contains(option)
                || option.equals(select.findElement(By.cssSelector("input")).getAttribute("value")));
    }

    /** Sets the date field whose label starts with the text to an ISO date, through its date picker. */
    public void date(String labelStart, String isoDate) {
        WebElement input = field(labelStart).findElement(By.cssSelector("input.fjs-input"));
        js("var p = arguments[1].split('-');"
                + "arguments[0]._flatpickr.setDate(new Date(+p[0], +p[1] - 1, +p[2]), true);", input, isoDate);
        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }

    /** Clicks the radio option (or checkbox) of the form whose label starts with the text. */
    public void radio(String labelStart) {
        until(d -> {
            WebElement label = d.findElements(By.cssSelector(".fjs-container label")).stream()
                    .filter(l -> l.isDisplayed() && l.getText().trim().startsWith(labelStart)).findFirst().orElse(null);
            if (label == null) {
                return false;
            }
            js("arguments[0].scrollIntoView(true); arguments[0].click();", label);
            return true;
        });
    }

    /** Types into the form's input ("input") or text area ("textarea") whose label starts with the text. */
    public void type(String tag, String labelStart, String value) {
        until(d -> {
            WebElement input = field(d, labelStart, tag);
            if (input == null) {
                return false;
            }
            input.clear();
            input.sendKeys(value);
            return true;
        });
        settle();
    }

    /**
     * Picks the option (by its visible text) of the form-js select whose label starts with the text;
     * returns every option the open list offered.
     */
    public List<String> select(String labelStart, String option) {
        List<String> offered = new java.util.ArrayList<>();
        until(d -> {
            List<WebElement> items = openItems(d);
            if (items.isEmpty()) {
                openSelect(d, labelStart); // looked at again on the next poll
                return false;
            }
            offered.clear();
            items.forEach(i -> offered.add(i.getText().trim()));
            WebElement item = items.stream().filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(item).click().perform();
            return true;
        });
        until(d -> field(d, labelStart, ".fjs-input-group").getText().contains(option));
        settle();
        return List.copyOf(offered);
    }

    /**
     * Adds the option (by its visible text) to the form-js taglist whose label starts with the text;
     * returns every option its open list offered (those already picked are not offered again).
     */
    public List<String> tag(String labelStart, String option) {
        List<String> offered = new java.util.ArrayList<>();
        until(d -> {
            WebElement taglist = formField(d, labelStart, ".fjs-taglist-input");
            if (taglist == null) {
                return false;
            }
            // the list opens under the focused input, inside the field: another open list does not count
            List<WebElement> items = taglist.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                    .filter(WebElement::isDisplayed).toList();
            if (items.isEmpty()) {
                WebElement input = taglist.findElement(By.cssSelector(".fjs-taglist-input"));
                js("arguments[0].scrollIntoView({block: 'center'});", input);
                input.click(); // looked at again on the next poll
                return false;
            }
            offered.clear();
            items.forEach(i -> offered.add(i.getText().trim()));
            WebElement item = items.stream().filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(item).click().perform();
            return true;
        });
        until(d -> formField(d, labelStart, ".fjs-taglist-input").findElements(By.cssSelector(".fjs-taglist-tag-label"))
                .stream().anyMatch(t -> t.getText().trim().equals(option)));
        settle();
        return List.copyOf(offered);
    }

    /** The whole form field (label, input, open list) whose label starts with the text and whose input matches. */
    private static WebElement formField(WebDriver d, String labelStart, String css) {
        for (WebElement field : d.findElements(By.cssSelector(".fjs-container .fjs-form-field"))) {
            List<WebElement> labels = field.findElements(By.cssSelector("label"));
            List<WebElement> inputs = field.findElements(By.cssSelector(css));
            if (!labels.isEmpty() && !inputs.isEmpty() && labels.get(0).getText().trim().startsWith(labelStart)
                    && inputs.get(0).isDisplayed()) {
                return field;
            }
        }
        return null;
    }

    private void openSelect(WebDriver d, String labelStart) {
        WebElement display = field(d, labelStart, ".fjs-input-group");
        if (display != null) {
            js("arguments[0].scrollIntoView({block: 'center'});", display);
            display.click();
        }
    }

    private static List<WebElement> openItems(WebDriver d) {
        return d.findElements(By.cssSelector(".fjs-container .fjs-dropdownlist-item")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    private static WebElement field(WebDriver d, String labelStart, String css) {
        for (WebElement field : d.findElements(By.cssSelector(".fjs-container .fjs-form-field"))) {
            List<WebElement> labels = field.findElements(By.cssSelector("label"));
            List<WebElement> inputs = field.findElements(By.cssSelector(css));
            if (!labels.isEmpty() && !inputs.isEmpty() && labels.get(0).getText().trim().startsWith(labelStart)
                    && inputs.get(0).isDisplayed()) {
                return inputs.get(0);
            }
        }
        return null;
    }

    @Override
    public void close() {
        browser.quit();
    }
}
