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
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookReceiverTest {
    private static final String SECRET_PATH = "/hooks/T0SECRET/B0TOKEN";
    private static final String SECRET_QUERY = "sig=abc123";
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    private record Received(String method, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What the loopback server answers: status, headers, body. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer answer = new Answer(200, Map.of(), "");
    private volatile boolean hang;
    private HttpServer server;
    private URI url;
    private final Alert alert = TestAlerts.sanctions("story-hook");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH + "?" + SECRET_QUERY);
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()),
                exchange.getRequestBody().readAllBytes()));
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer a = answer;
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = a.body().getBytes(UTF_8);
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The test server is on loopback, which the default policy refuses. */
    private static final OutboundUrlPolicy LOOPBACK_ALLOWED = OutboundUrlPolicy.defaults().allowingLoopback();
    private static final byte[] SIGNING_KEY = "receiver-test-signing-key-0001".getBytes(UTF_8);

    private WebhookReceiver receiver() {
        return new WebhookReceiver(url, Duration.ofSeconds(5), LOOPBACK_ALLOWED);
    }

    @Test
    void postsTheAlertJsonWithItsIdAsIdempotencyKey() throws Exception {
        receiver().deliver(alert);
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Idempotency-Key")).isEqualTo(alert.id());
        assertThat(SERDE.fromBytes(r.body())).isEqualTo(alert);
        assertThat(new String(r.body(), UTF_8)).isEqualTo(SERDE.toJson(alert));
    }

    @Test
    void theBodyCarriesTheEventsAndEachEvidenceItemsRole() throws Exception {
        Alert proof = TestAlerts.withProof("story-hook-events", List.of(TestAlerts.munitions()));
        receiver().deliver(proof);
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(received.get(0).body());
        assertThat(body.path("evidence").get(0).path("role").asText()).isEqualTo("context");
        assertThat(body.path("evidence").get(1).path("role").asText()).isEqualTo("decisive");
        com.fasterxml.jackson.databind.JsonNode event = body.path("events").get(0);
        assertThat(body.path("events")).hasSize(1);
        assertThat(event.path("commodity").asText()).isEqualTo("munitions");
        assertThat(event.path("from").asText()).isEqualTo("KP");
        assertThat(event.path("to").asText()).isEqualTo("RU");
        assertThat(event.path("amount").asLong()).isEqualTo(1000);
        assertThat(event.path("unit").asText()).isEqualTo("container");
        assertThat(event.path("status").asText()).isEqualTo("asserted");
        assertThat(event.path("attribution").asText()).isEqualTo("the White House");
        assertThat(event.path("evidence").path("text").asText()).isEqualTo(TestAlerts.DECISIVE_SENTENCE);
        assertThat(event.has("vessels")).isTrue();
        assertThat(SERDE.fromBytes(received.get(0).body())).isEqualTo(proof);
    }

    @Test
    void serviceUnavailableWithRetryAfterIsRetryableWithThatWait() {
        answer = new Answer(503, Map.of("Retry-After", "7"), "down for maintenance");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("503").contains("down for maintenance");
    }

    @Test
    void tooManyRequestsWithAnHttpDateIsRetryableWithTheWaitUntilThen() {
        String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        answer = new Answer(429, Map.of("Retry-After", inOneMinute), "");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61)));
    }

    @ParameterizedTest
    @CsvSource({
            "400, false", "401, false", "404, false", "410, false", "301, false",
            "408, true", "429, true", "500, true", "502, true", "503, true", "504, true"})
    void statusDecidesWhetherToRetry(int status, boolean retryable) {
        answer = new Answer(status, status == 301 ? Map.of("Location", "http://127.0.0.1:1/elsewhere") : Map.of(),
                "");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("answered " + status);
        assertThat(received).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"200", "201", "202", "204"})
    void everyTwoHundredIsDelivered(int status) throws Exception {
        answer = new Answer(status, Map.of(), status == 204 ? "" : "{\"ok\":true}");
        receiver().deliver(alert);
        assertThat(received).hasSize(1);
    }

    @Test
    void badRequestIsNotRetryableAndHidesTheSecretUrl() {
        answer = new Answer(400, Map.of(), "unknown field at " + SECRET_PATH);
        WebhookReceiver receiver = receiver();
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isFalse();
        assertThat(e.retryAfter()).isEmpty();
        String port = String.valueOf(server.getAddress().getPort());
        assertThat(e.getMessage()).contains("http://127.0.0.1:" + port + "/…")
                .doesNotContain("T0SECRET").doesNotContain("B0TOKEN").doesNotContain(SECRET_QUERY);
        assertThat(receiver.name()).isEqualTo("webhook(http://127.0.0.1:" + port + "/…)");
    }

    @Test
    void anUnreachableEndpointIsRetryableAndHidesTheSecretUrl() {
        WebhookReceiver receiver = receiver();
        server.stop(0);
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("unreachable").doesNotContain("T0SECRET").doesNotContain(SECRET_QUERY);
    }

    @Test
    void anEndpointThatNeverAnswersTimesOutAsRetryable() {
        hang = true;
        WebhookReceiver receiver = new WebhookReceiver(url, Duration.ofMillis(300), LOOPBACK_ALLOWED);
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("did not answer").doesNotContain("T0SECRET");
    }

    @ParameterizedTest
    @CsvSource({
            "ftp://files.example.org/drop/T0SECRET, ftp://files.example.org/…",
            "file:///etc/T0SECRET, file://?/…",
            "mailto:ops@example.org, mailto://?/…"})
    void refusesSchemesOtherThanHttpWithoutQuotingTheUrl(String raw, String shown) {
        assertThatThrownBy(() -> new WebhookReceiver(URI.create(raw), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(shown)
                .hasMessageNotContaining("T0SECRET")
                .hasMessageNotContaining("ops@");
    }

    @ParameterizedTest
    @CsvSource({
            "https://hooks.example.org/services/T0SECRET,  https://hooks.example.org/…",
            "https://user:pw@hooks.example.org:8443,       https://hooks.example.org:8443/…",
            "http://hooks.example.org/,                    http://hooks.example.org/",
            "http://hooks.example.org?token=T0SECRET,      http://hooks.example.org/…"})
    void redactionKeepsSchemeHostAndPortOnly(String raw, String expected) {
        assertThat(WebhookReceiver.redact(URI.create(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "0, 0", "120, 120", "' 15 ', 15", "-3, NONE", "soon, NONE", "1.5, NONE",
            "'Thu, 01 Jan 1970 00:00:00 GMT', 0"})
    void parsesRetryAfter(String header, String seconds) {
        Optional<Duration> expected = seconds == null ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
        assertThat(WebhookReceiver.parseRetryAfter(header)).isEqualTo(expected);
    }

    @Test
    void aSignedRequestCarriesStandardWebhooksHeadersTheReceiverCanVerify() throws Exception {
        Alert update = alert.updated(List.of("other-feed"), Instant.parse("2025-03-14T10:00:00Z"));
        long before = Instant.now().getEpochSecond();
        new WebhookReceiver(url, Duration.ofSeconds(5), LOOPBACK_ALLOWED, new WebhookSigner(SIGNING_KEY))
                .deliver(update);
        long after = Instant.now().getEpochSecond();

        Received r = received.get(0);
        String id = r.header("webhook-id");
        String timestamp = r.header("webhook-timestamp");
        String signature = r.header("webhook-signature");
        assertThat(id).as("the message id is the Idempotency-Key").isEqualTo(r.header("Idempotency-Key"));
        assertThat(Long.parseLong(timestamp)).isBetween(before, after);
        assertThat(signature).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(WebhookSigner.verify(SIGNING_KEY, id, timestamp, signature, r.body(), Instant.now(),
                WebhookSigner.DEFAULT_TOLERANCE)).isTrue();
        assertThat(WebhookSigner.verify("another-signing-key-of-length".getBytes(UTF_8), id, timestamp, signature,
                r.body(), Instant.now(), WebhookSigner.DEFAULT_TOLERANCE)).isFalse();
        assertThat(r.header("X-Newswatch-Signature")).as("one scheme only").isNull();
        assertThat(r.header("Idempotency-Key")).isEqualTo(update.deliveryKey()).isEqualTo(update.id() + "/1");
        assertThat(SERDE.fromBytes(r.body())).isEqualTo(update);
    }

    @Test
    void eachAttemptIsSignedAfresh() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(url, Duration.ofSeconds(5), LOOPBACK_ALLOWED,
                WebhookSigner.ofSecret("whsec_" + java.util.Base64.getEncoder().encodeToString(SIGNING_KEY)));
        receiver.deliver(alert);
        receiver.deliver(TestAlerts.sanctions("story-other"));
        assertThat(received).hasSize(2);
        for (Received r : received) {
            assertThat(WebhookSigner.verify(SIGNING_KEY, r.header(WebhookSigner.ID_HEADER),
                    r.header(WebhookSigner.TIMESTAMP_HEADER), r.header(WebhookSigner.SIGNATURE_HEADER), r.body(),
                    Instant.now(), WebhookSigner.DEFAULT_TOLERANCE)).isTrue();
        }
        assertThat(received.get(0).header(WebhookSigner.SIGNATURE_HEADER))
                .isNotEqualTo(received.get(1).header(WebhookSigner.SIGNATURE_HEADER));
    }

    @Test
    void anUnsignedRequestHasNoSignatureHeaders() throws Exception {
        receiver().deliver(alert);
        assertThat(received.get(0).header(WebhookSigner.ID_HEADER)).isNull();
        assertThat(received.get(0).header(WebhookSigner.TIMESTAMP_HEADER)).isNull();
        assertThat(received.get(0).header(WebhookSigner.SIGNATURE_HEADER)).isNull();
    }

    @Test
    void theDefaultPolicyRefusesALoopbackUrlWhenTheReceiverIsBuilt() {
        assertThatThrownBy(() -> new WebhookReceiver(url, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook http://127.0.0.1:" + server.getAddress().getPort() + "/…: ")
                .hasMessageContaining("host resolves to a loopback address, which is not allowed "
                        + "(set alerts.webhook.allow.loopback, or the receiver's allow_loopback, to true to permit)")
                .hasMessageNotContaining("T0SECRET").hasMessageNotContaining(SECRET_QUERY);
        assertThat(received).isEmpty();
    }

    @Test
    void aHostThatNowResolvesToAForbiddenAddressIsRefusedBeforeSendingAsPermanent() {
        Map<String, String> dns = new ConcurrentHashMap<>(Map.of("hooks.example.test", "8.8.8.8"));
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().withResolver(host -> {
            String address = dns.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
        URI named = URI.create("http://hooks.example.test:" + server.getAddress().getPort() + SECRET_PATH + "?"
                + SECRET_QUERY);
        WebhookReceiver receiver = new WebhookReceiver(named, Duration.ofSeconds(5), policy);
        dns.put("hooks.example.test", "127.0.0.1");

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("webhook http://hooks.example.test:" + server.getAddress().getPort()
                + "/…: host resolves to a loopback address, which is not allowed (set alerts.webhook.allow.loopback, or the receiver's allow_loopback, to true to permit)");
        assertThat(received).isEmpty();

        dns.remove("hooks.example.test");
        DeliveryException unresolved = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(unresolved.retryable()).isTrue();
        assertThat(unresolved.getMessage()).contains("does not resolve").doesNotContain("T0SECRET");
    }

    @Test
    void aHostThatDoesNotResolveYetIsAcceptedWhenTheReceiverIsBuilt() {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().withResolver(host -> {
            throw new UnknownHostException(host);
        });
        WebhookReceiver receiver = new WebhookReceiver(URI.create("https://hooks.example.test" + SECRET_PATH),
                Duration.ofSeconds(1), policy);
        assertThat(receiver.name()).isEqualTo("webhook(https://hooks.example.test/…)");
    }

    @Test
    void anErrorBodyEchoingOnlyTheTokenSegmentDoesNotLeakIt() {
        answer = new Answer(403, Map.of(), "token B0TOKEN revoked; query sig=abc123 rejected");
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver().deliver(alert));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("answered 403").contains("revoked")
                .doesNotContain("B0TOKEN").doesNotContain("abc123").doesNotContain("T0SECRET");
    }

    @Test
    void aUserInfoPasswordNeverAppearsInMessages() {
        URI withPassword = URI.create("http://alerts:pa55w0rd-T0KEN@127.0.0.1:" + server.getAddress().getPort()
                + "/hook");
        answer = new Answer(401, Map.of(), "bad credentials pa55w0rd-T0KEN");
        WebhookReceiver receiver = new WebhookReceiver(withPassword, Duration.ofSeconds(5), LOOPBACK_ALLOWED);
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.getMessage()).contains("answered 401").doesNotContain("pa55w0rd");
        assertThat(receiver.name()).doesNotContain("pa55w0rd");
    }

    @Test
    void aGroupIsOneSignedPostListingEveryAlertKeyedByTheNotification() throws Exception {
        List<Alert> alerts = TestNotifications.threeAlerts();
        Notification group = TestNotifications.group(alerts);
        new WebhookReceiver(url, Duration.ofSeconds(5), LOOPBACK_ALLOWED, new WebhookSigner(SIGNING_KEY))
                .deliver(group);

        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.header("Idempotency-Key")).isEqualTo(group.key()).isNotEqualTo(alerts.get(0).deliveryKey());
        assertThat(r.header(WebhookSigner.ID_HEADER)).isEqualTo(group.key());
        assertThat(WebhookSigner.verify(SIGNING_KEY, r.header(WebhookSigner.ID_HEADER),
                r.header(WebhookSigner.TIMESTAMP_HEADER), r.header(WebhookSigner.SIGNATURE_HEADER), r.body(),
                Instant.now(), WebhookSigner.DEFAULT_TOLERANCE)).isTrue();
        String body = new String(r.body(), UTF_8);
        assertThat(body).startsWith("{\"schemaVersion\":1,\"kind\":\"group\",\"key\":\"" + group.key()
                + "\",\"group\":\"rule=ru-kp\",\"alerts\":[" + SERDE.toJson(alerts.get(0)) + ",");
        JsonNode listed = new ObjectMapper().readTree(r.body()).path("alerts");
        assertThat(listed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(SERDE.fromBytes(listed.get(i).toString().getBytes(UTF_8))).isEqualTo(alerts.get(i));
            assertThat(body).contains(alerts.get(i).title());
        }
    }

    @Test
    void aReminderSaysSoInItsKind() throws Exception {
        Notification reminder = TestNotifications.reminder(TestNotifications.threeAlerts().subList(0, 2));
        receiver().deliver(reminder);
        JsonNode body = new ObjectMapper().readTree(received.get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("reminder");
        assertThat(body.path("group").asText()).isEqualTo(TestNotifications.GROUP_LABEL);
        assertThat(body.path("alerts")).hasSize(2);
        assertThat(received.get(0).header("Idempotency-Key")).isEqualTo(reminder.key());
    }

    @Test
    void aSingleAlertNotificationIsTheSameRequestAsDeliveringTheAlert() throws Exception {
        WebhookReceiver receiver = receiver();
        receiver.deliver(alert);
        receiver.deliver(Notification.of(alert));
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(received.get(1).header("Idempotency-Key")).isEqualTo(received.get(0).header("Idempotency-Key"))
                .isEqualTo(alert.deliveryKey());
        assertThat(received.get(1).header("Content-Type")).isEqualTo(received.get(0).header("Content-Type"));
    }
}
