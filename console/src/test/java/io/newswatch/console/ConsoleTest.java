package io.newswatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console against a real broker: alerts produced to {@code news.alerts} are listed, filtered on the server,
 * pushed live over server-sent events, and rendered inert when their text is hostile; every page carries the
 * Content-Security-Policy. A browser drives none of this yet: these are HTTP-level checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConsoleFixture fixture;
    private Console console;

    @BeforeAll
    void start() throws Exception {
        fixture = new ConsoleFixture();
        console = fixture.console;
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String listUntil(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(path).body();
            if (body.contains(expected)) {
                return body;
            }
            Thread.sleep(100);
        }
        return body;
    }

    @Test
    void theLivePageListsAlertsWithTheDecisiveSentenceMarkedAndAStrictPolicy() throws Exception {
        listUntil("/alerts", "Chinese port");
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Console.CSP);
        assertThat(page.body()).contains("Trains carried shells from North Korea to Russia",
                "Trains carried <mark>artillery shells</mark> from North Korea to Russia.",
                "/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/static/console.js").statusCode()).isEqualTo(200);
    }

    @Test
    void hostileTextIsEscapedAndAScriptLinkIsNoLink() throws Exception {
        String body = listUntil("/alerts", "pwned");
        assertThat(body).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
                "&lt;b onmouseover=alert(3)&gt;<mark>Ammunition</mark>&lt;/b&gt;")
                .doesNotContain("<script>", "<img", "href=\"javascript", "<b onmouseover");
    }

    @Test
    void filtersNarrowTheListOnTheServer() throws Exception {
        listUntil("/alerts", "Chinese port");
        assertThat(get("/alerts?rule=cn-kp-trade").body()).contains("Chinese port").doesNotContain("Trains carried");
        assertThat(get("/alerts?q=shells").body()).contains("Trains carried").doesNotContain("Chinese port");
        assertThat(get("/alerts?severity=warning&source=outlet-a2").body()).contains("Chinese port")
                .doesNotContain("Trains");
        assertThat(get("/alerts?tag=cn-kp-trade").body()).contains("Chinese port").doesNotContain("Trains");
        assertThat(get("/alerts?entity=CN").body()).doesNotContain("Chinese port", "Trains");
        assertThat(get("/alerts?entity=KP&q=coal").body()).contains("Chinese port").doesNotContain("Trains");
        assertThat(get("/").body()).contains("<select name=\"tag\">", "<option value=\"cn-kp-trade\">",
                "<select name=\"entity\">", "<option value=\"KP\">");
    }

    @Test
    void aNewAlertIsPushedToAnOpenStreamWithinTwoSeconds() throws Exception {
        listUntil("/alerts", "Chinese port");
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(
                        URI.create(console.url() + "alerts/stream?rule=kp-workers"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data:") && line.contains("alert-")) {
                        return line;
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                return "closed: " + e.getMessage();
            }
        });
        Thread.sleep(300); // the stream is registered before the alert is produced
        long sent = System.nanoTime();
        fixture.send(ConsoleFixture.alert("a4", "kp-workers", "warning",
                "Workers from North Korea seen on Russian building sites",
                "https://news.example/workers", "North Korean workers were seen on building sites near Vladivostok.",
                List.of("workers")));
        String data = event.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
        assertThat(data).contains("Workers from North Korea", "<mark>workers</mark>").doesNotContain("Trains");
    }

    @Test
    void aConsoleOthersCanReachNeedsAToken() {
        assertThatThrownBy(() -> new ConsoleOptions("0.0.0.0", 8080, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("console.token");
        assertThatThrownBy(() -> ConsoleOptions.of("192.0.2.10", 8080, "plain-secret"))
                .hasMessageContaining("env:NAME or file:PATH");
        assertThatThrownBy(() -> ConsoleOptions.of("192.0.2.10", 8080, "env:NW_TOKEN", Map.<String, String>of()::get))
                .hasMessageContaining("holds no token");
        assertThat(ConsoleOptions.of("192.0.2.10", 8080, "env:NW_TOKEN", Map.of("NW_TOKEN", "s3cret")::get).token())
                .isEqualTo("s3cret");
    }

    @Test
    void withATokenNothingButTheSignInIsServedWithoutIt() throws Exception {
        try (Console guarded = Console.start(new ConsoleOptions("127.0.0.1", 0, "s3cret"),
                fixture.kafka.bootstrapServers())) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(guarded.url() + "alerts"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("Access token").doesNotContain("s3cret");
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(guarded.url() + "alerts"))
                    .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(guarded.url() + "login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=s3cret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .contains("HttpOnly", "SameSite=Strict").doesNotContain("s3cret"));
        }
    }
}
