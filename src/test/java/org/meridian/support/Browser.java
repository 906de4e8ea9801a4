package org.meridian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromedriver}, installed by
 * {@code scripts/install-browser.sh}) for journeys against a Meridian on a random port. Selenium
 * Manager never runs: the driver and browser paths are given explicitly. Screenshots go to
 * {@code target/screenshots/<name>.png}; look at them.
 *
 * <p>Starting Chromium and its driver costs 2–3 s on the 2-core test machine, and the journeys open a browser for
 * each person they play, so a closed browser is kept for the next {@link #open}: {@link #close} leaves it as a new
 * one would be — one fresh tab (the pages, their history, session storage and any DevTools emulation gone with the
 * old tabs), no cookie, no cache, and no storage or service worker of the origins it visited. A browser that cannot
 * be cleaned so (a dialog still open, a crash) is quit instead. The kept browsers are quit when the JVM ends.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 900);
    /** An iPhone-sized viewport: 375 CSS pixels wide. */
    public static final Dimension PHONE = new Dimension(375, 812);

    /** Browsers closed by their test, ready for the next {@link #open}. */
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(WebDriver::quit);
                IDLE.clear();
            }
        }, "quit-idle-browsers"));
    }

    private final ChromeDriver driver;
    private final String baseUrl;
    /** The origins whose storage {@link #close} clears (those of the base address and of the last page). */
    private final Set<String> origins = new LinkedHashSet<>();

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        origins.add(origin(baseUrl));
    }

    public static Browser open(int port) {
        return open("http://localhost:" + port);
    }

    /**
     * A browser whose {@link #go} paths are relative to this address (e.g. {@code http://127.0.0.1:PORT}): one kept
     * from an earlier test, or a new one.
     */
    public static Browser open(String baseUrl) {
        ChromeDriver driver;
        synchronized (IDLE) {
            driver = IDLE.pollFirst();
        }
        if (driver == null) {
            driver = start();
        }
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, baseUrl);
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--lang=zh-CN", "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + tempDir("meridian-chromium-").toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN",
                        "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser resize(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /**
     * Signs in through the login form and waits until the browser has left it (for the home page, or the page the
     * sign-in leads to: the form again with its error, the second step): a {@link #go} right after the click could
     * otherwise be sent before the sign-in, and find the person still signed out.
     */
    public Browser signIn(String username, String password) {
        go("/login");
        field("username").sendKeys(username);
        field("password").sendKeys(password);
        WebElement submit = driver.findElement(By.id("login-submit"));
        submit.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(submit));
        return this;
    }

    public WebElement field(String id) {
        WebElement e = waitFor(By.id(id));
        e.clear();
        return e;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public String text(By by) {
        return waitFor(by).getText();
    }

    /**
     * The label of the main navigation's entry marked as the page shown ({@code aria-current="page"}), also when
     * it sits in a closed drop-down group of the desktop navigation (where {@link #text(By)} would see nothing).
     */
    public String activeNav() {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".mainnav [aria-current='page']"))
                        .getDomProperty("textContent").trim());
    }

    /** Waits until the element's text contains {@code part}; see {@link #waitForText(By, String)}. */
    public String waitForTextContaining(By by, String part) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(by).getText().contains(part));
            return driver.findElement(by).getText();
        } catch (org.openqa.selenium.TimeoutException e) {
            String actual;
            try {
                actual = driver.findElement(by).getText();
            } catch (RuntimeException gone) {
                actual = "<" + gone.getClass().getSimpleName() + ">";
            }
            throw new AssertionError("expected text containing '" + part + "' at " + by + " but found '" + actual + "'", e);
        }
    }

    /**
     * Waits until the element's text is exactly {@code expected}. Use it after a click that reloads or swaps
     * the page: {@link #text(By)} could still read the element of the page before.
     */
    public String waitForText(By by, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> expected.equals(d.findElement(by).getText()));
            return expected;
        } catch (org.openqa.selenium.TimeoutException e) {
            String actual;
            try {
                actual = driver.findElement(by).getText();
            } catch (RuntimeException gone) {
                actual = "<" + gone.getClass().getSimpleName() + ">";
            }
            throw new AssertionError("expected text '" + expected + "' at " + by + " but found '" + actual + "'", e);
        }
    }

    /** Saves a full-window screenshot to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.documentElement.setAttribute('data-no-animation','');"
                            // charts drawn before this moment are drawn again, finished, not caught mid-animation
                            // (a chart kept would finish the animations it had begun, e.g. a line's symbols)
                            + " if (window.meridianCharts) { document.querySelectorAll('[data-chart]').forEach("
                            + "function (el) { var c = echarts.getInstanceByDom(el); if (c) { c.dispose(); } });"
                            + " window.meridianCharts.init(document); }");
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Horizontal overflow in CSS pixels (0 when the page fits the viewport's width). */
    public long horizontalOverflow() {
        Object v = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                        + " - document.documentElement.clientWidth;");
        return ((Number) v).longValue();
    }

    /** The computed CSS {@code display} of the first element the selector finds (e.g. "grid" for a phone card). */
    public String display(String cssSelector) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).display;", cssSelector);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves the browser as a new one would be, and keeps it for the next {@link #open}; quits it when that fails.
     */
    @Override
    public void close() {
        try {
            clean();
        } catch (RuntimeException e) {
            driver.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.push(driver);
        }
    }

    private void clean() {
        String current = driver.getCurrentUrl();
        if (current != null && current.startsWith("http")) {
            origins.add(origin(current));
        }
        Set<String> old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
    }

    /** {@code http://localhost:8080} of {@code http://localhost:8080/a/b?c}. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
