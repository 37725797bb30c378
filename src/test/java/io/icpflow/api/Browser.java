package io.icpflow.api;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (no download at test time). Without
 * Chromium the browser tests are skipped on a developer's machine, but fail where
 * {@code ICP_BROWSER_REQUIRED} is set (CI installs Chromium and sets it), so they cannot silently
 * stop running there. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        return open(port, "en-US");
    }

    /** A browser whose user reads {@code language} first (navigator.languages, Accept-Language). */
    static Browser open(int port, String language) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("ICP_BROWSER_REQUIRED") != null) {
            throw new IllegalStateException("ICP_BROWSER_REQUIRED is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        Assumptions.assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1600", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** A staff page: its form login (session and CSRF token), then the page. */
    void goAs(String user, String password, String path) {
        driver.get(base + path);
        await(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        screenshot("login-" + user);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        until(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("error")).isEmpty() ? Boolean.TRUE : null);
        if (!driver.getCurrentUrl().endsWith(path)) {
            driver.get(base + path);
        }
    }

    WebElement await(By by) {
        try {
            return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page showed instead, for whoever reads the failure
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            throw new org.openqa.selenium.TimeoutException("no " + by + " on " + driver.getCurrentUrl() + " (screenshot " + shot + ")", e);
        }
    }

    /** Scrolled to the middle first: Tasklist's fixed bars would otherwise take the click. */
    void click(By by) {
        WebElement element = await(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        until(d -> {
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** Brings the element to the middle of the window, for a screenshot of it. */
    WebElement show(By by) {
        WebElement element = await(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    <T> T until(ExpectedCondition<T> condition) {
        // a page that redraws itself (the console) may replace an element between finding and reading it
        return new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
