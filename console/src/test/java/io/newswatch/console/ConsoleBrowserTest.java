package io.newswatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.Evidence;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.report.ReplayHtmlReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The console's pages, and a replay report opened from disk (its chart is drawn as the console's), in a real
 * browser: Debian's Chromium, headless, driven through its ChromeDriver by Selenium. Skipped, with the reason, where
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code .ci/run} installs both). Every test
 * saves a screenshot under {@code target/screenshots/}.
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
                "--disable-dev-shm-usage", "--window-size=1280,800");
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
        waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#alerts > li")).isEmpty());
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
        browser.get(fixture.console.url() + "?rule=ru-kp-arms");
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
        // the console's own links (article, silence) stay; the alert's javascript: address never becomes one
        assertThat(hostile.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("href"))
                .allMatch(href -> href.startsWith(fixture.console.url()));
        assertThat(hostile.findElements(By.tagName("img"))).isEmpty();
        assertThat(hostile.findElement(By.tagName("h3")).getText()).startsWith("<script>");
        screenshot("hostile-alert");
    }

    @Test
    void theFiltersNarrowTheList() throws Exception {
        // warnings only: the other tests' bursts are information, and would push these off the first page
        browser.get(fixture.console.url() + "?severity=warning");
        waiting(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Chinese port"));
        WebElement text = browser.findElement(By.name("q"));
        text.sendKeys("coal");
        waiting(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("q=coal")
                && d.findElements(By.cssSelector("#alerts > li h3")).stream()
                .noneMatch(h -> h.getText().contains("Workers from North Korea")));
        assertThat(browser.findElements(By.cssSelector("#alerts > li"))).isNotEmpty()
                .allMatch(li -> li.getText().toLowerCase(java.util.Locale.ROOT).contains("coal"));
        assertThat(browser.findElements(By.cssSelector("#alerts > li h3"))).extracting(WebElement::getText)
                .contains("Chinese port handled coal from Nampo");
        assertThat(browser.getCurrentUrl()).contains("q=coal").contains("severity=warning");
        screenshot("filtered");
    }

    private boolean dialogOpen() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Painted pixels of the chart's canvas: zero when uPlot drew nothing. */
    private long paintedPixels(String chartId) {
        return ((Number) js("var c = document.querySelector('#' + arguments[0] + ' canvas');"
                + "if (!c) { return 0; } var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;",
                chartId)).longValue();
    }

    @Test
    void theArticlePageMarksDecisiveAndContextEvidenceAndShowsTheEvents() throws Exception {
        browser.get(fixture.console.url() + "article/a1");
        waiting(Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("mark.ev.decisive")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector("article.text mark.ev.decisive")).getText())
                .startsWith("Satellite images show trains carried artillery shells");
        assertThat(browser.findElement(By.cssSelector("article.text mark.ev.context")).getText())
                .contains("resolution 1718");
        WebElement events = browser.findElement(By.cssSelector("table.events"));
        assertThat(events.getText()).contains("munitions").contains("KP → RU").contains("Tumangang");
        assertThat(browser.findElement(By.cssSelector("table.mentions")).getText()).contains("Pyongyang");
        assertThat(browser.findElement(By.cssSelector("a.original")).getAttribute("href"))
                .isEqualTo("https://news.example/trains");
        screenshot("article");
    }

    @Test
    void theHostileArticleIsInert() throws Exception {
        browser.get(fixture.console.url() + "article/a3");
        waiting(Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.getPageSource().contains("Ammunition went north");
        });
        Thread.sleep(500);
        assertThat(dialogOpen()).as("a dialog opened").isFalse();
        assertThat(js("return window.pwned === undefined;")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main a"))).extracting(a -> a.getAttribute("href"))
                .noneMatch(href -> href == null || href.startsWith("javascript"));
        assertThat(browser.findElement(By.cssSelector("article.text")).getText()).contains("<script>");
        screenshot("hostile-article");
    }

    @Test
    void theLedgerDrawsItsChartAndItsVesselsLinkToTheirEvents() throws Exception {
        browser.get(fixture.console.url() + "ledger");
        waiting(Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("table.ledger tbody tr")).size() == 7;
        });
        waiting(Duration.ofSeconds(5)).until(d -> paintedPixels("ledger-chart") > 500);
        WebElement angara = browser.findElement(By.linkText("Angara"));
        assertThat(angara.findElement(By.xpath("..")).getText()).endsWith("2");
        screenshot("ledger");
        angara.click();
        waiting(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("vessel=Angara"));
        assertThat(browser.findElements(By.cssSelector("table.ledger tbody tr"))).hasSize(2);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("commodity")))
                .selectByVisibleText("petroleum");
        browser.findElement(By.cssSelector("form.filters button")).click();
        waiting(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("commodity=petroleum"));
        assertThat(browser.findElements(By.cssSelector("table.ledger tbody tr"))).hasSize(1);
    }

    @Test
    void aReplayReportOpenedFromDiskDrawsItsChartWithTheUplotItCarries() throws Exception {
        // eleven rules and one whose id tries to end the page's script, over five days: the 11th and 12th are dashed
        String hostile = "</script><script>window.pwned=1</script>";
        Map<String, String> rules = new TreeMap<>();
        List<ReplayMatch> matches = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            String rule = r == 11 ? hostile : "rule-%02d".formatted(r);
            rules.put(rule, "Rule " + r);
            for (int m = 0; m <= r % 4; m++) {
                Instant at = Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofHours(13L * (r + m)));
                matches.add(new ReplayMatch(rule, "Rule " + r, "a" + r + "-" + m, at, "harbour-wire",
                        "Bulletin " + r + "." + m, "https://harbour.example/" + r + "/" + m,
                        List.of(new Evidence(rule, "Closed.", 0, 7, List.of()))));
            }
        }
        Path report = Path.of("target", "replay-report", "report.html").toAbsolutePath();
        ReplayHtmlReport.write(new ReplayResult("browser-check", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-10T00:00:00Z"), "2026.03.1", rules, 40, 30, 0, matches, List.of(),
                Duration.ofSeconds(2)), report);

        browser.get(report.toUri().toString());
        waiting(Duration.ofSeconds(10)).until(d -> paintedPixels("match-chart") > 500);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return Array.from(document.querySelectorAll("
                + "'#match-chart .u-legend .u-series .u-label')).map(function (e) { return e.textContent; });");
        assertThat(labels).as("uPlot's legend: the days, then every rule in rule-id order")
                .containsExactlyElementsOf(concat("day", rules.keySet()));
        @SuppressWarnings("unchecked")
        List<String> borders = (List<String>) js("return Array.from(document.querySelectorAll("
                + "'#match-chart .u-legend .u-series .u-marker')).map(function (e) { return e.style.borderStyle; });");
        assertThat(borders.subList(1, 11)).as("the first ten rules: ten colours, solid").allMatch("solid"::equals);
        assertThat(borders.subList(11, 13)).as("the 11th and 12th reuse colours, dashed").allMatch("dashed"::equals);
        assertThat(dialogOpen()).as("a dialog opened").isFalse();
        assertThat(js("return window.pwned === undefined;")).isEqualTo(true);
        screenshot("replay-report");
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void theTrendsPageChartsATag() throws Exception {
        browser.get(fixture.console.url() + "trends?key=tag:sanctions-violation");
        waiting(Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("p.count")).getText().equals("1 articles");
        });
        waiting(Duration.ofSeconds(5)).until(d -> paintedPixels("trend-chart") > 500);
        screenshot("trends");
    }

    @Test
    void aBrokenRuleDraftShowsItsLineAndColumn() throws Exception {
        browser.get(fixture.console.url() + "rules");
        WebElement draft = browser.findElement(By.id("draft"));
        js("arguments[0].value = arguments[1];", draft, "version: 2\nrules:\n  - id: broken\n    title: Broken\n"
                + "    query: SENTENCE(@RU AND (@KP\n");
        browser.findElement(By.xpath("//button[text()='Check']")).click();
        WebElement result = waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                "#draft-result .rule-error")).stream().findFirst().orElse(null));
        assertThat(result.getText()).containsPattern("draft:5:\\d+");
        js("arguments[0].scrollIntoView();", result);
        screenshot("rules-broken-draft");
    }

    @Test
    void aBacktestOfTheDraftDrawsItsChart() throws Exception {
        browser.get(fixture.console.url() + "rules");
        js("document.querySelector('input[name=from]').value = '2026-11-01';"
                + "document.querySelector('input[name=to]').value = '2026-11-30';");
        browser.findElement(By.xpath("//button[text()='Backtest']")).click();
        waiting(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("backtest-chart")).isEmpty());
        assertThat(browser.findElement(By.id("draft-result")).getText()).contains("3 matches");
        waiting(Duration.ofSeconds(5)).until(d -> paintedPixels("backtest-chart") > 500);
        js("document.getElementById('draft-result').scrollIntoView();");
        screenshot("rules-backtest");
    }

    @Test
    void aSilenceSetFromAnAlertKeepsLaterMatchingAlertsFromBeingDelivered() throws Exception {
        Path delivered = Files.createTempFile("console-delivered", ".jsonl");
        Properties kafkaProps = fixture.clientProperties();
        try (AlertsService service = new AlertsService(NewswatchConfig.defaults().with(ConfigKeys.ALERTS_GROUP_ID,
                "console-browser-test"), kafkaProps, List.of(new JsonlFileReceiver(delivered)))) {
            service.start();
            browser.get(fixture.console.url() + "?rule=cn-kp-trade");
            waiting(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Chinese port"));
            browser.findElement(By.id("alert-a2-0")).findElement(By.linkText("silence…")).click();
            waiting(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/silences?alert=a2"));
            assertThat(browser.findElement(By.name("rule")).getAttribute("value")).isEqualTo("cn-kp-trade");
            assertThat(browser.findElement(By.name("source")).getAttribute("value")).isEqualTo("outlet-a2");
            browser.findElement(By.name("comment")).sendKeys("coal reports from this outlet are known");
            browser.findElement(By.xpath("//button[text()='Silence']")).click();
            try {
                waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".notice.ok")).size() == 1);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no confirmation; the page says: " + browser.findElement(By.tagName("main"))
                        .getText(), e);
            }
            assertThat(browser.findElement(By.cssSelector("table.silences")).getText()).contains("active")
                    .contains("rule=cn-kp-trade");
            screenshot("silences");
            long silencedBefore = service.silencedCount();
            fixture.send(ConsoleFixture.alert("a2-later", "outlet-a2", "cn-kp-trade", "warning", "More coal at the port",
                    "https://news.example/coal-2", "The port handled more coal.", List.of("coal")));
            fixture.send(ConsoleFixture.alert("c9", "ru-kp-arms", "critical", "Another convoy",
                    "https://news.example/convoy", "A convoy crossed the bridge.", List.of("convoy")));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> service.silencedCount() > silencedBefore
                            && Files.readString(delivered).contains("Another convoy"));
            assertThat(Files.readString(delivered)).doesNotContain("More coal at the port");
            // and it can be ended from the list
            browser.findElement(By.cssSelector("table.silences tr.active button")).click();
            waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("expired=")
                    && d.findElement(By.cssSelector("table.silences")).getText().contains("ended"));
        }
    }

    @Test
    void aBurstOfAHundredAlertsASecondIsShownWithoutLossInFewerFrames() throws Exception {
        browser.get(fixture.console.url() + "?rule=burst");
        waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        int total = 300;
        long begin = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long wait = begin + n * 10_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            fixture.send(ConsoleFixture.alert("burst-" + n, "burst", "info", "Burst item " + n,
                    "https://news.example/burst/" + n, "Item " + n + " of a burst.", List.of("burst")));
        }
        waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#alerts > li")).size() == total);
        WebElement list = browser.findElement(By.id("alerts"));
        assertThat(list.getAttribute("data-received")).isEqualTo(String.valueOf(total));
        int frames = Integer.parseInt(list.getAttribute("data-frames"));
        assertThat(frames).as("frames drawn for %d alerts", total).isLessThan(total);
        assertThat(list.findElements(By.cssSelector("li")).get(0).getAttribute("id")).isEqualTo("alert-burst-"
                + (total - 1) + "-0");
        System.out.printf("burst: %d alerts at 100/s shown in %d frames%n", total, frames);
    }

    @Test
    void theSourcesPageListsBothDeadLetterTopics() throws Exception {
        browser.get(fixture.console.url() + "sources");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Dead letters on news.dlq")
                .contains("Dead letters on news.alerts.dlq");
        screenshot("sources");
    }

    @Test
    void everyControlHasALabelAndTheSkipLinkComesFirst() {
        for (String page : List.of("", "ledger", "trends", "rules", "silences")) {
            browser.get(fixture.console.url() + page);
            Object unlabelled = js("var bad = [];"
                    + "document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (e) {"
                    + "  if (!e.closest('label') && !(e.id && document.querySelector('label[for=\"' + e.id + '\"]')))"
                    + "  { bad.push(e.name); } }); return bad.join(',');");
            assertThat(unlabelled).as("unlabelled controls on /" + page).isEqualTo("");
            browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        }
    }

    @Test
    void withATokenTheBrowserSignsInOnceAndNeverSeesTheToken() throws Exception {
        String secret = "s3cret-" + System.nanoTime();
        try (Console guarded = Console.start(new ConsoleOptions(ConsoleOptions.LOOPBACK, 0, secret),
                fixture.kafka.bootstrapServers())) {
            browser.get(guarded.url() + "ledger");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            assertThat(browser.findElements(By.cssSelector("table.ledger"))).isEmpty();
            screenshot("sign-in");
            browser.findElement(By.name("token")).sendKeys(secret);
            browser.findElement(By.xpath("//button[text()='Open']")).click();
            // the heading found may belong to the page being left, so a stale one is looked for again
            waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("Live alerts"));
            org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("newswatch_session");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            assertThat(js("return document.cookie;")).isEqualTo("");
            for (String page : List.of("", "ledger", "rules", "silences", "sources")) {
                browser.get(guarded.url() + page);
                assertThat(browser.getPageSource()).as("/" + page).doesNotContain(secret);
                assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Sign in");
            }
        }
    }

    @Test
    void itFitsAPhoneScreen() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of("", "ledger")) {
                browser.get(fixture.console.url() + page);
                waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.tagName("main")).size() == 1);
                assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                        .as("page width of /" + page).isLessThanOrEqualTo(390);
                screenshot("phone-" + (page.isEmpty() ? "live" : page));
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }
}
