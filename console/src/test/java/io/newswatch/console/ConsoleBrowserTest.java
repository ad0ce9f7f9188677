package io.newswatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real browser: Debian's Chromium, headless, driven through its ChromeDriver by Selenium. Skipped,
 * with the reason, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code .ci/run}
 * installs both). Every test saves a screenshot under {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private ConsoleFixture fixture;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        fixture = new ConsoleFixture();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no background connections: this machine's network is closed, and a test must not reach beyond loopback
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waiting(Duration limit) {
        return new WebDriverWait(browser, limit);
    }

    @Test
    void aNewAlertAppearsWithoutAReloadAndItsProofIsMarked() throws Exception {
        browser.get(fixture.console.url());
        waiting(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Chinese port"));
        waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        fixture.send(ConsoleFixture.alert("b1", "kp-workers", "warning",
                "Workers from North Korea seen at a Russian port", "https://news.example/port-workers",
                "North Korean workers unloaded crates at the port of Vostochny.", List.of("workers")));
        WebElement item = waiting(Duration.ofSeconds(2)).until(d -> d.findElements(By.id("alert-b1-0")).stream()
                .findFirst().orElse(null));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        assertThat(item.findElement(By.cssSelector(".decisive mark")).getText()).isEqualTo("workers");
        assertThat(browser.findElements(By.cssSelector("#alerts > li")).get(0).getAttribute("id"))
                .isEqualTo("alert-b1-0");
        screenshot("live-alerts");
    }

    @Test
    void theHostileAlertIsInert() throws Exception {
        browser.get(fixture.console.url());
        waiting(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("window.pwned"));
        Thread.sleep(500);
        boolean dialog;
        try {
            browser.switchTo().alert();
            dialog = true;
        } catch (NoAlertPresentException e) {
            dialog = false;
        }
        assertThat(dialog).as("a dialog opened").isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;"))
                .isEqualTo(true);
        WebElement hostile = browser.findElement(By.id("alert-a3-0"));
        assertThat(hostile.findElements(By.tagName("a"))).isEmpty();
        assertThat(hostile.findElements(By.tagName("img"))).isEmpty();
        assertThat(hostile.findElement(By.tagName("h3")).getText()).startsWith("<script>");
        screenshot("hostile-alert");
    }

    @Test
    void theFiltersNarrowTheList() throws Exception {
        browser.get(fixture.console.url());
        waiting(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Chinese port"));
        WebElement text = browser.findElement(By.name("q"));
        text.sendKeys("coal");
        waiting(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#alerts > li")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#alerts > li h3")).getText()).contains("Chinese port");
        assertThat(browser.getCurrentUrl()).contains("q=coal");
        screenshot("filtered");
    }
}
