package cn.minsheng.ballot.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (both installed by .ci/setup):
 * no browser is downloaded. Waits are generous and only decide when to look, never what passes.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile, the window the size of a tablet or a phone. */
    public static Browser open(int width, int height) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Chromium and chromedriver are missing: run `bash .ci/setup` (it installs "
                    + "Debian's chromium and chromium-driver)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                profile.resolve("downloads").toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** A file the page downloaded, once it is complete. */
    public byte[] downloaded(String prefix) {
        Path dir = profile.resolve("downloads");
        return until(d -> {
            try (var files = Files.list(dir)) {
                Path found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && !p.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
                return found == null ? null : Files.readAllBytes(found);
            } catch (IOException e) {
                return null; // not there yet
            }
        });
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Waits (up to 30 s) until the condition holds, and returns its value. It looks again every 50 ms
     * (Selenium's default is every 500 ms, which made every wait that was not met at once cost half
     * a second).
     */
    public <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "timeout-" + System.currentTimeMillis();
            try {
                screenshot(name);
            } catch (IOException | RuntimeException ignored) {
                // the failure below says enough
            }
            throw new AssertionError("the page never got there (screenshot " + name + ".png); it shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The element, once it is displayed. */
    public WebElement shown(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks the element once it is displayed, finding it again if the page re-rendered it in between (a live refresh). */
    public void click(By by) {
        until(d -> {
            WebElement e = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (e == null) {
                return null;
            }
            e.click(); // a StaleElementReferenceException here is ignored by until: the next try finds the new element
            return true;
        });
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    public String text(By by, String contains) {
        return until(d -> d.findElements(by).stream().map(WebElement::getText).filter(t -> t.contains(contains)).findFirst()
                .orElse(null));
    }

    public void type(By by, String text) {
        WebElement e = shown(by);
        e.clear();
        e.sendKeys(text);
    }

    /**
     * The visible controls that a screen reader could not name: no label, no aria-label or
     * aria-labelledby, no text. Returns their outer HTML (empty when every control has a name).
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> unnamedControls() {
        return (java.util.List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll(
                    'button, input, select, textarea, a[href], [role=checkbox], [role=radio]'))
                  .filter(e => e.offsetParent !== null)
                  .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label')
                    || e.getAttribute('aria-labelledby') || e.textContent.trim()))
                  .map(e => e.outerHTML);""");
    }

    /** The browser console's errors since the last call (SEVERE entries: uncaught exceptions, failed loads). */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /** Saves a screenshot as target/screenshots/{name}.png, kept as a test artifact. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
