package io.shequn.analytics.dashboard;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium, driven through its chromedriver (both from /usr/bin, or the
 * {@code dashboard.chromium} and {@code dashboard.chromedriver} system properties), one per test
 * JVM. Where they are not installed the browser tests are skipped, saying why; on CI (the CI
 * variable is set) that is a failure instead, since .ci/run installs them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static Browser shared;

    final ChromeDriver driver;
    private URL dashboard;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The JVM's browser, opened at the dashboard's address; skips (or on CI fails) the calling test without Chromium. */
    static synchronized Browser get(URL dashboard) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                Assertions.fail(why + ", but CI must run them");
            }
            System.err.println(why);
            Assumptions.abort(why);
        }
        if (shared == null) {
            shared = new Browser(start());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.driver::quit, "chromium-quit"));
        }
        shared.dashboard = dashboard;
        shared.driver.manage().window().setSize(DESKTOP);
        return shared;
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US",
                // The machine has no network beyond its package registries: nothing in the background may try.
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-default-apps", "--disable-extensions", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox");     // Chromium refuses to start its sandbox as root
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Opens the dashboard afresh (a new document, empty storage) with a token in the address, as the link ./shequn up prints. */
    Browser signInByLink(String token, String route) {
        freshDocument();
        driver.get(dashboard + "#token=" + token);
        awaitSettled();
        if (route != null) {
            go(route);
        }
        return this;
    }

    /** A new document with nothing stored: no token, the default language. */
    Browser freshDocument() {
        driver.get(dashboard.toString());
        script("sessionStorage.clear(); localStorage.clear();");
        driver.get("about:blank");
        return this;
    }

    /** Loads the dashboard's address with {@code fragment} as a new document. */
    Browser load(String fragment) {
        driver.get(dashboard + fragment);
        awaitSettled();
        return this;
    }

    /** Moves to another route within the page, as a link would. */
    Browser go(String route) {
        script("document.getElementById('page').dataset.state = 'navigating'; location.hash = arguments[0];", route.replaceFirst("^#", ""));
        awaitSettled();
        return this;
    }

    Browser click(WebElement element) {
        script("document.getElementById('page').dataset.state = 'navigating';");
        element.click();
        awaitSettled();
        return this;
    }

    /** Until the page is ready or asks to sign in. */
    void awaitSettled() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            Object state = ((JavascriptExecutor) d).executeScript("const p = document.getElementById('page'); return p && p.dataset.state;");
            return "ready".equals(state) || "sign-in".equals(state);
        });
    }

    String state() {
        return find("#page").getAttribute("data-state");
    }

    String page() {
        return find("#page").getAttribute("data-page");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement test(String id) {
        return find("[data-test='" + id + "']");
    }

    String text(String testId) {
        return test(testId).getText();
    }

    /**
     * The rows marked {@code data-test=rowTest}, read in one call: each row's data-* attributes
     * ({@code data-group-id}, ...), the text of each cell by its {@code data-col}, and the stages of
     * its badges as {@code stages} (comma-separated).
     */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> rows(String rowTest) {
        return (List<Map<String, String>>) script("""
                return [...document.querySelectorAll(`[data-test='${arguments[0]}']`)].map(row => {
                  const read = {};
                  for (const attribute of row.attributes) {
                    if (attribute.name.startsWith('data-')) read[attribute.name] = attribute.value;
                  }
                  row.querySelectorAll('[data-col]').forEach(cell => { read[cell.dataset.col] = cell.innerText.trim(); });
                  read.stages = [...row.querySelectorAll('[data-stage]')].map(badge => badge.dataset.stage).join(',');
                  return read;
                });""", rowTest);
    }

    /** The data of each series of a chart, as ECharts holds it. */
    @SuppressWarnings("unchecked")
    List<List<Object>> series(String chart) {
        return (List<List<Object>>) script("return window.shequnDashboard.charts[arguments[0]].getOption().series.map(s => s.data);", chart);
    }

    @SuppressWarnings("unchecked")
    List<String> seriesNames(String chart) {
        return (List<String>) script("return window.shequnDashboard.charts[arguments[0]].getOption().series.map(s => s.name);", chart);
    }

    boolean hasChart(String chart) {
        return (Boolean) script("return !!window.shequnDashboard.charts[arguments[0]];", chart);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** JavaScript errors and failed requests the console reported since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The whole page (not only the window) as target/dashboard-screenshots/{name}.png. */
    Path screenshot(String name) {
        Number width = (Number) script("return document.documentElement.scrollWidth;");
        Number height = (Number) script("return document.documentElement.scrollHeight;");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }
}
