package io.newswatch.alerts.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.model.Alert;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackReceiverTest {
    private static final String SECRET_PATH = "/services/T0SECRET/B0SECRET/xoxSECRETTOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The test server is on loopback, which the default policy refuses. */
    private static final OutboundUrlPolicy LOOPBACK_ALLOWED = OutboundUrlPolicy.defaults().allowingLoopback();

    /** What the loopback server answers. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, Map.of(), "ok");
    private HttpServer server;
    private URI url;
    private final Alert alert = TestAlerts.sanctions("story-slack");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        received.add(exchange.getRequestBody().readAllBytes());
        Answer a = answer;
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = a.body().getBytes(UTF_8);
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private SlackReceiver receiver() {
        return new SlackReceiver("#sanctions", url, Duration.ofSeconds(5), AlertTemplates.defaults(),
                LOOPBACK_ALLOWED);
    }

    private JsonNode deliverAndRead(Alert a) throws Exception {
        receiver().deliver(a);
        assertThat(received).hasSize(1);
        assertThat(contentTypes.get(0)).startsWith("application/json");
        return JSON.readTree(received.get(0));
    }

    @Test
    void postsABlockKitMessageWithHeaderFactsQuoteContextAndButton() throws Exception {
        JsonNode message = deliverAndRead(alert);

        assertThat(message.path("text").asText()).isEqualTo("[critical] Sanctions breach reported: Tanker seen "
                + "transferring fuel to North Korean ship off Vladivostok " + alert.url());
        JsonNode blocks = message.path("blocks");
        List<String> types = new ArrayList<>();
        blocks.forEach(b -> types.add(b.path("type").asText()));
        assertThat(types).containsExactly("header", "section", "section", "context", "actions");

        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(alert.title());
        JsonNode fields = blocks.get(1).path("fields");
        assertThat(fields.get(0).path("type").asText()).isEqualTo("mrkdwn");
        assertThat(fields.get(0).path("text").asText())
                .isEqualTo("*Rule*\nSanctions breach reported (`sanctions-violation`)");
        assertThat(fields.get(1).path("text").asText()).isEqualTo("*Severity*\ncritical");
        assertThat(blocks.get(3).path("elements").get(0).path("text").asText())
                .isEqualTo("Source: test-feed · published 2025-03-14 08:30 UTC");
        JsonNode button = blocks.get(4).path("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo(alert.url());
        assertThat(button.path("text").path("type").asText()).isEqualTo("plain_text");
    }

    @Test
    void theEvidenceIsAQuoteWithTheMatchedWordsInBold() throws Exception {
        JsonNode quote = deliverAndRead(alert).path("blocks").get(2).path("text");
        assertThat(quote.path("type").asText()).isEqualTo("mrkdwn");
        assertThat(quote.path("text").asText()).isEqualTo(">Port records show a *Russian-flagged* tanker moored "
                + "beside a *North Korean* vessel for two nights, a transfer the UN *sanctions* forbid.");
    }

    @Test
    void anUpdateSaysHowManyOtherOutletsReportedIt() throws Exception {
        Alert update = alert.updated(List.of("wire-a", "wire-b", "wire-c"), alert.raisedAt().plusSeconds(90));
        JsonNode context = deliverAndRead(update).path("blocks").get(3).path("elements");
        assertThat(context).hasSize(2);
        assertThat(context.get(1).path("text").asText())
                .isEqualTo("*Update:* also reported by 3 outlets (wire-a, wire-b, wire-c)");
    }

    @Test
    void scrapedTextCannotPingTheChannelAndABadUrlGetsNoButton() throws Exception {
        Alert hostile = TestAlerts.with(alert, "warning", "Hi <!channel> & <https://evil.example|click>",
                "Read <!here> now");
        hostile = new Alert(hostile.schemaVersion(), hostile.id(), hostile.ruleId(), hostile.ruleTitle(),
                hostile.ruleVersion(), hostile.severity(), hostile.storyId(), hostile.articleId(), hostile.title(),
                "javascript:alert(1)", hostile.sourceId(), null, hostile.entities(), hostile.tags(),
                hostile.evidence(), hostile.raisedAt());

        JsonNode message = deliverAndRead(hostile);

        assertThat(message.path("text").asText()).isEqualTo("[warning] Sanctions breach reported: Hi &lt;!channel&gt; "
                + "&amp; &lt;https://evil.example|click&gt;");
        List<String> types = new ArrayList<>();
        message.path("blocks").forEach(b -> types.add(b.path("type").asText()));
        assertThat(types).doesNotContain("actions");
        assertThat(message.path("blocks").get(2).path("text").path("text").asText())
                .isEqualTo(">Read &lt;!here&gt; now");
        assertThat(message.path("blocks").get(3).path("elements").get(0).path("text").asText())
                .endsWith("published unknown");
    }

    @Test
    void tooManyRequestsIsRetryableWithTheRetryAfterWait() {
        answer = new Answer(429, Map.of("Retry-After", "30"), "rate_limited");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("slack(#sanctions)").contains("429").contains("rate_limited")
                .doesNotContain(SECRET_PATH).doesNotContain("SECRET");
    }

    @Test
    void aServerErrorIsRetryable() {
        answer = new Answer(500, Map.of(), "rollup_error");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).contains("500").doesNotContain("SECRET");
    }

    @Test
    void aBadRequestIsPermanentAndNeverShowsTheUrl() {
        answer = new Answer(400, Map.of(), "invalid_payload for " + SECRET_PATH);
        SlackReceiver receiver = receiver();
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("400").contains("invalid_payload")
                .doesNotContain(url.toString()).doesNotContain("SECRET");
        assertThat(receiver.name()).isEqualTo("slack(#sanctions)").doesNotContain("127.0.0.1");
    }

    @Test
    void anUnreachableWebhookIsRetryableAndNeverShowsTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + closedPort + SECRET_PATH);
        SlackReceiver receiver = new SlackReceiver("#ops", down, Duration.ofSeconds(2), AlertTemplates.defaults(),
                LOOPBACK_ALLOWED);
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("slack(#ops) unreachable").doesNotContain("SECRET")
                .doesNotContain(String.valueOf(closedPort));
    }

    @Test
    void aUrlThatIsNotHttpIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> new SlackReceiver("#x", URI.create("ftp://hooks.example/T0SECRET"),
                Duration.ofSeconds(1), AlertTemplates.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("SECRET");
    }

    private JsonNode deliverAndRead(Notification notification) throws Exception {
        receiver().deliver(notification);
        assertThat(received).hasSize(1);
        return JSON.readTree(received.get(0));
    }

    private static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.forEach(b -> {
            texts.add(b.path("text").path("text").asText());
            b.path("elements").forEach(e -> texts.add(e.path("text").asText()));
        });
        return texts;
    }

    @Test
    void aGroupIsOneMessageWithAHeaderAndASectionPerAlert() throws Exception {
        List<Alert> alerts = TestNotifications.threeAlerts();
        JsonNode message = deliverAndRead(TestNotifications.group(alerts));

        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("3 alerts · rule=ru-kp");
        List<JsonNode> sections = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.path("type").asText().equals("section")) {
                sections.add(b);
            }
        });
        assertThat(sections).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Alert a = alerts.get(i);
            assertThat(sections.get(i).path("text").path("text").asText())
                    .contains("*[" + a.severity() + "]* Sanctions breach reported")
                    .contains("*<" + a.url() + "|" + a.title() + ">*")
                    .contains(">" + a.evidence().get(0).text())
                    .contains("Source: test-feed · published 2025-03-14 08:30 UTC");
        }
        assertThat(message.path("text").asText()).startsWith("3 alerts · rule=ru-kp: [critical]");
        assertThat(texts(blocks)).noneMatch(t -> t.contains("more"));
    }

    @Test
    void aReminderOfThirtyAlertsListsTenAndCountsTheRestWithinSlacksBlockLimit() throws Exception {
        JsonNode message = deliverAndRead(TestNotifications.reminder(TestNotifications.numberedAlerts(30)));

        JsonNode blocks = message.path("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("Reminder: 30 open alerts · rule=ru-kp");
        String all = String.join("\n", texts(blocks));
        assertThat(all).contains("|Story 1>").contains("|Story 10>").doesNotContain("|Story 11>");
        JsonNode last = blocks.get(blocks.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("context");
        assertThat(last.path("elements").get(0).path("text").asText()).isEqualTo("and 20 more");
    }

    @Test
    void scrapedTextInAGroupIsEscaped() throws Exception {
        Alert hostile = TestAlerts.with(alert, "warning", "Hi <!channel> & co", "Read <!here> now");
        String section = deliverAndRead(TestNotifications.group(List.of(hostile, alert))).path("blocks").get(1)
                .path("text").path("text").asText();
        assertThat(section).contains("Hi &lt;!channel&gt; &amp; co").contains(">Read &lt;!here&gt; now")
                .doesNotContain("<!channel>").doesNotContain("<!here>");
    }

    @Test
    void aSingleAlertNotificationIsTheSameMessageAsDeliveringTheAlert() throws Exception {
        SlackReceiver receiver = receiver();
        receiver.deliver(alert);
        receiver.deliver(Notification.of(alert));
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0));
    }

    @Test
    void theDefaultPolicyRefusesALoopbackWebhookWithoutShowingIt() {
        assertThatThrownBy(() -> new SlackReceiver("#x", url, Duration.ofSeconds(1), AlertTemplates.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slack(#x)").hasMessageContaining("loopback")
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("127.0.0.1");
        assertThat(received).isEmpty();
    }

    @Test
    void theQuoteIsTheFirstDecisiveSentenceAndTheEventsFollowItOneALine() throws Exception {
        Alert proof = TestAlerts.withProof("story-slack-proof", List.of(TestAlerts.munitions()));
        JsonNode blocks = deliverAndRead(proof).path("blocks");
        assertThat(blocks.get(2).path("text").path("text").asText()).isEqualTo(">The White House said North Korea "
                + "*shipped* more than 1,000 containers of *munitions* to Russia through Najin.");
        assertThat(blocks.get(3).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(3).path("text").path("text").asText())
                .isEqualTo("*Events*\n• " + TestAlerts.MUNITIONS_SUMMARY);
    }

    @Test
    void aHostileEventSummaryIsEscapedForMrkdwnAndTheListIsCapped() throws Exception {
        List<io.newswatch.model.ViolationEvent> events = new ArrayList<>(TestAlerts.coalEvents(6));
        events.add(0, TestAlerts.hostileEvent());
        JsonNode message = deliverAndRead(TestAlerts.withProof("story-slack-hostile", events));
        String text = message.path("blocks").get(3).path("text").path("text").asText();
        assertThat(text).contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp; =cmd")
                .doesNotContain("<!channel>").doesNotContain("<script>").endsWith("\n_+2 more events_");
        assertThat(text.split("\n")).hasSize(1 + 5 + 1);
        assertThat(message.toString()).doesNotContain("<!channel>");
    }

    @Test
    void aGroupShowsEachAlertsDecisiveSentenceAndEvents() throws Exception {
        Alert proof = TestAlerts.withProof("story-slack-group", List.of(TestAlerts.munitions()));
        receiver().deliver(TestNotifications.group(List.of(proof, alert)));
        String section = JSON.readTree(received.get(0)).path("blocks").get(1).path("text").path("text").asText();
        assertThat(section).contains(">The White House said North Korea *shipped*")
                .doesNotContain(TestAlerts.CONTEXT_SENTENCE).contains("\n• " + TestAlerts.MUNITIONS_SUMMARY);
    }
}
