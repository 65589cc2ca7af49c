package org.pangeagraph.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.jayway.jsonpath.JsonPath;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, as closed-network flags and a fresh profile
 * leave it: no background requests of its own, so every request in its network log is the page's. Signs
 * in as the browser does (credentials in the address, answered to the application's Basic challenge),
 * downloads into a directory of its own, and saves screenshots under {@code target/browser/}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    private final ChromeDriver driver;

    private final Path downloads;

    private final Path profile;

    private final String host;

    private final int port;

    Browser(int port) throws IOException {
        this.port = port;
        this.host = "localhost";
        this.downloads = Files.createTempDirectory("explorer-downloads");
        this.profile = Files.createTempDirectory("explorer-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + this.profile, "--window-size=1400,900");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
    }

    /** Opens a page of the application signed in as this user (the browser answers the Basic challenge). */
    void open(String path, String user, String password) {
        this.driver.get("http://" + user + ":" + password + "@" + this.host + ":" + this.port + path);
    }

    WebElement find(String css) {
        return this.driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return this.driver.findElements(By.cssSelector(css));
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) this.driver).executeScript(script, arguments);
    }

    @SuppressWarnings("unchecked")
    <T> T jsAsync(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(this.driver, timeout);
    }

    Actions actions() {
        return new Actions(this.driver);
    }

    ChromeDriver driver() {
        return this.driver;
    }

    /** The URLs of every request the page sent since the last call (Chrome's performance log). */
    List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                urls.add(JsonPath.read(message, "$.message.params.request.url"));
            }
        }
        return urls;
    }

    /**
     * Checks that every request since the last check went to the application, none to another host. The
     * browser's own pages (its empty first tab) and the page's data and blob URLs never leave it.
     */
    void assertOnlyTheApplicationWasAsked() {
        List<String> urls = requestedUrls();
        assertThat(urls).as("requests of the page").anyMatch(url -> url.startsWith("http:"));
        for (String url : urls) {
            if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("chrome:") || url.startsWith("about:")) {
                continue;
            }
            URI uri = URI.create(url);
            assertThat(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).as(url)
                .isEqualTo("http://" + this.host + ":" + this.port);
        }
    }

    /** What the page's console said since the last call, for errors of scripts and of the security policy. */
    List<String> console() {
        return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** A screenshot of the page under target/browser/. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A file the page downloaded, once it is complete. */
    Path downloaded(String name) {
        Path file = this.downloads.resolve(name);
        waiting(Duration.ofSeconds(30)).until(d -> Files.exists(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")));
        return file;
    }

    @Override
    public void close() {
        this.driver.quit();
    }

}
