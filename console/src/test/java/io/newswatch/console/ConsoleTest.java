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
import java.util.Properties;
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
 * Content-Security-Policy; every action needs the form's CSRF token and refuses another origin; a rules push
 * asks first and then writes {@code news.rules}. These are HTTP-level checks; {@link ConsoleBrowserTest} drives
 * the pages in Chromium.
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
        listUntil("/alerts?severity=critical", "Trains carried");
        HttpResponse<String> page = get("/?severity=critical");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Console.CSP);
        assertThat(page.body()).contains("Trains carried shells from North Korea to Russia",
                "Satellite images show trains carried <mark>artillery shells</mark> from North Korea to Russia in "
                        + "September.",
                "/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/static/console.js").statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/static/charts.js\" defer></script>");
        HttpResponse<String> charts = get("/static/charts.js");
        assertThat(charts.statusCode()).isEqualTo(200);
        assertThat(charts.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(charts.body()).as("the chart script the replay report carries inline")
                .isEqualTo(io.newswatch.streams.charts.UplotCharts.glueScript());
    }

    @Test
    void hostileTextIsEscapedAndAScriptLinkIsNoLink() throws Exception {
        String body = listUntil("/alerts?rule=ru-kp-arms", "pwned");
        assertThat(body).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
                "&lt;b onmouseover=alert(3)&gt;<mark>Ammunition</mark>&lt;/b&gt;")
                .doesNotContain("<script>", "<img", "href=\"javascript", "<b onmouseover");
    }

    @Test
    void filtersNarrowTheListOnTheServer() throws Exception {
        listUntil("/alerts?severity=warning", "Chinese port");
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
        listUntil("/alerts?severity=warning", "Chinese port");
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

    private HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfFrom(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"")
                .matcher(page);
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void everyActionNeedsTheFormTokenAndItsOwnOrigin() throws Exception {
        String token = csrfFrom(get("/silences").body());
        String form = "rule=ru-kp-arms&hours=1&comment=" + enc("testing the token");
        assertThat(post("/silences", form, null).statusCode()).as("no token").isEqualTo(403);
        assertThat(post("/silences", form + "&csrf=" + "0".repeat(64), null).statusCode()).as("a wrong token")
                .isEqualTo(403);
        assertThat(post("/silences", form + "&csrf=" + token, "http://evil.example").statusCode())
                .as("another origin").isEqualTo(403);
        assertThat(post("/dead-letters/redrive", "topic=news.dlq&offset=0", null).statusCode()).isEqualTo(403);
        assertThat(post("/rules/push", "draft=x", null).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/silences", form + "&csrf=" + token, console.url().replaceAll("/$", ""));
        assertThat(ok.statusCode()).isEqualTo(303);
        String location = ok.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/silences?set=");
        assertThat(get(location).body()).contains("notice ok").contains("testing the token");
    }

    @Test
    void aSilenceWithoutConditionsIsRefusedWithTheReason() throws Exception {
        String token = csrfFrom(get("/silences").body());
        HttpResponse<String> r = post("/silences", "hours=1&comment=why&csrf=" + token, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("give at least one condition");
    }

    @Test
    void aRulesPushAsksFirstThenWritesTheRuleBesideTheOthers() throws Exception {
        String token = csrfFrom(get("/rules").body());
        String draft = "version: 2\nrules:\n  - id: rason-port\n    title: Ships at Rason\n    severity: info\n"
                + "    query: SENTENCE(Rason AND port)\n    examples:\n      match:\n"
                + "        - \"The ship left the port of Rason.\"\n";
        HttpResponse<String> ask = post("/rules/push", "draft=" + enc(draft) + "&csrf=" + token, null);
        assertThat(ask.body()).contains("Push to news.rules?").contains("add: rason-port");
        assertThat(io.newswatch.model.topics.CompactedTopicReader.read(fixture.clientProperties(), "test-rules",
                io.newswatch.model.topics.Topics.RULES)).isEmpty();
        HttpResponse<String> pushed = post("/rules/push", "draft=" + enc(draft) + "&confirm=yes&csrf=" + token, null);
        assertThat(pushed.body()).contains("Pushed to news.rules");
        Map<String, String> records = io.newswatch.model.topics.CompactedTopicReader.read(
                fixture.clientProperties(), "test-rules", io.newswatch.model.topics.Topics.RULES);
        assertThat(records).containsKey("rason-port").containsKey("ru-kp").hasSizeGreaterThan(5);
    }

    @Test
    void aRuleDraftWhoseExampleFailsIsNotPushed() throws Exception {
        String token = csrfFrom(get("/rules").body());
        String draft = "version: 2\nrules:\n  - id: never\n    title: Never\n    severity: info\n"
                + "    query: SENTENCE(Rason AND port)\n    examples:\n      match:\n"
                + "        - \"Nothing about it here.\"\n";
        HttpResponse<String> r = post("/rules/push", "draft=" + enc(draft) + "&confirm=yes&csrf=" + token, null);
        assertThat(r.body()).contains("1 example(s) fail; nothing was pushed").contains("FAIL");
    }

    @Test
    void theLedgerFiltersOnTheServerAndPages() throws Exception {
        String all = listUntil("/ledger", "7 of 7 events");
        assertThat(all).contains("id=\"ledger-chart\"").contains("Angara");
        assertThat(get("/ledger?commodity=petroleum").body()).contains("2 of 7 events");
        assertThat(get("/ledger?from=KP&to=RU").body()).contains("4 of 7 events");
        assertThat(get("/ledger?resolution=2397&outlet=outlet-0").body()).contains("2 of 7 events");
        assertThat(get("/ledger?resolution=2397&outlet=outlet-1").body()).contains("1 of 7 events");
    }

    @Test
    void anUnknownArticleIsNotFound() throws Exception {
        HttpResponse<String> r = get("/article/no-such-article");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No tagged article no-such-article");
    }

    @Test
    void aDeadLetterIsReDrivenToItsTopicAfterAConfirmation() throws Exception {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        io.newswatch.model.topics.DeadLetterHeaders.add(headers, new IllegalArgumentException("not an article"),
                io.newswatch.model.topics.Topics.ARTICLES.name(), 0, 42, "test");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(
                fixture.clientProperties(), new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    io.newswatch.model.topics.Topics.DLQ.name(), null, "poison-1".getBytes(StandardCharsets.UTF_8),
                    "{<script>broken".getBytes(StandardCharsets.UTF_8), headers)).get(10, TimeUnit.SECONDS);
        }
        String page = listUntil("/sources", "not an article");
        assertThat(page).contains("{&lt;script&gt;broken").doesNotContain("{<script>");
        String token = csrfFrom(page);
        HttpResponse<String> ask = post("/dead-letters/redrive", "topic=news.dlq&offset=0&csrf=" + token, null);
        assertThat(ask.body()).contains("Send the record at offset 0 of news.dlq back to news.articles?");
        HttpResponse<String> done = post("/dead-letters/redrive", "topic=news.dlq&offset=0&confirm=yes&csrf="
                + token, null);
        assertThat(done.body()).contains("Sent back to news.articles");
        Properties p = fixture.clientProperties();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> parts = consumer.partitionsFor(
                    io.newswatch.model.topics.Topics.ARTICLES.name()).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            String redriven = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (redriven == null && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals("poison-1")) {
                        redriven = new String(r.headers().lastHeader(
                                io.newswatch.model.topics.DeadLetters.REDRIVEN_FROM).value(), StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(redriven).isEqualTo("news.dlq@0");
        }
    }

    @Test
    void theLiveListIsPagedOnTheServer() throws Exception {
        for (int n = 0; n < 150; n++) {
            fixture.send(ConsoleFixture.alert("page-" + n, "paging", "info", "Paged item " + n,
                    "https://news.example/paged/" + n, "Item " + n + " of many.", List.of("item")));
        }
        java.util.regex.Pattern older = java.util.regex.Pattern.compile("href=\"(/\\?rule=paging&amp;before=\\d+)\"");
        java.util.regex.Pattern title = java.util.regex.Pattern.compile(">(Paged item \\d+)<");
        java.util.Set<String> seen = new java.util.HashSet<>();
        String first = "";
        String second = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.size() < 150 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen.clear();
            first = get("/?rule=paging").body();
            java.util.regex.Matcher more = older.matcher(first);
            second = more.find() ? get(more.group(1).replace("&amp;", "&")).body() : "";
            for (java.util.regex.Matcher m = title.matcher(first + second); m.find(); ) {
                seen.add(m.group(1));
            }
        }
        assertThat(seen).as("every alert on one of the two pages, once").hasSize(150);
        assertThat(first.split("class=\"alert ", -1)).hasSize(101);
        assertThat(second.split("class=\"alert ", -1)).hasSize(51);
        assertThat(second).doesNotContain("older alerts");
    }
}
