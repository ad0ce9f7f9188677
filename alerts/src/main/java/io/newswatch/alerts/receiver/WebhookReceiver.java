package io.newswatch.alerts.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.alerts.receiver.internal.BodyPrefixSubscriber;
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * POSTs each alert to a URL as {@code application/json} (the {@link JsonSerde} form of {@link Alert}: every
 * evidence item with its {@code role}, decisive or context, and the {@code events}) with the
 * header {@code Idempotency-Key: }{@link Alert#deliveryKey()} (draft-ietf-httpapi-idempotency-key-header), so the
 * receiving end can drop a re-delivery of the same alert revision. A group or reminder notification is one POST of
 * {@code {"schemaVersion":1,"kind":"group"|"reminder","key":..,"group":..,"alerts":[..]}} whose alerts are written
 * exactly as single alerts are, with {@code Idempotency-Key: }{@link Notification#key()}.
 *
 * <p>Signing (optional), as the Standard Webhooks specification says: with a {@link WebhookSigner}, each attempt
 * carries {@code webhook-id} (the Idempotency-Key, a {@code .} or {@code %} in it percent-encoded because the
 * specification keeps full stops out of ids), {@code webhook-timestamp} (Unix seconds at that attempt) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256>} over id, ".", timestamp, ".", body; the receiving end checks
 * them with a Standard Webhooks library or {@link WebhookSigner#verify}.
 *
 * <p>Where it may send: the URL must pass an {@link OutboundUrlPolicy} (by default public addresses only) when the
 * receiver is built, so a bad configuration fails at start-up, and again before every attempt, because what the host
 * resolves to can change. A host that does not resolve at construction is accepted then and judged at each attempt.
 * A refusal is a non-retryable failure.
 *
 * <p>Outcome by status (RFC 9110 section 15): 2xx is delivered. 429 and 503 are retryable, with the wait from
 * {@code Retry-After} (delta-seconds or an HTTP-date, RFC 9110 section 10.2.3) when present; 408 and every other
 * 5xx are retryable; connection errors and timeouts are retryable. Any other status, redirects included (they are
 * not followed: an alert must not be re-sent to a host nobody configured), is a non-retryable failure.
 *
 * <p>Secrets: webhook URLs often carry a token in their path or query, so the full URL never appears in
 * {@link #name()}, in exception messages or in logs: only {@code scheme://host[:port]/…} ({@link #redact(URI)}).
 * Error bodies are quoted in the exception message up to 200 characters, with any copy of the URL's path, query,
 * user info or their longer parts masked. The signing key never leaves the signer.
 */
public final class WebhookReceiver implements AlertReceiver {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GROUP_SCHEMA_VERSION = 1;
    private static final int MAX_ERROR_BODY_BYTES = 200;
    private static final int MIN_SECRET_PART = 6;

    private final URI url;
    private final String redacted;
    private final Duration timeout;
    private final OutboundUrlPolicy policy;
    private final WebhookSigner signer;
    private final List<String> secretParts;
    private final HttpClient client;

    /**
     * An unsigned webhook under {@link OutboundUrlPolicy#defaults()}: public addresses only.
     *
     * @param url     the endpoint; http or https with a host
     * @param timeout connect timeout, and the limit for the whole exchange of one attempt
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host, or the policy refuses
     *                                  it (the message shows the redacted URL only)
     */
    public WebhookReceiver(URI url, Duration timeout) {
        this(url, timeout, OutboundUrlPolicy.defaults());
    }

    /**
     * An unsigned webhook.
     *
     * @param policy which addresses the URL may resolve to, checked now and before each attempt
     * @throws IllegalArgumentException as {@link #WebhookReceiver(URI, Duration)}
     */
    public WebhookReceiver(URI url, Duration timeout, OutboundUrlPolicy policy) {
        this(url, timeout, policy, null);
    }

    /**
     * A webhook whose requests are signed by {@code signer}.
     *
     * @param signer signs each attempt; null sends unsigned requests
     * @throws IllegalArgumentException as {@link #WebhookReceiver(URI, Duration)}
     */
    public WebhookReceiver(URI url, Duration timeout, OutboundUrlPolicy policy, WebhookSigner signer) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(policy, "policy");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhook URL must be http or https, not " + redact(url));
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("webhook URL has no host: " + redact(url));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive, not " + timeout);
        }
        this.url = url;
        this.redacted = redact(url);
        this.timeout = timeout;
        this.policy = policy;
        this.signer = signer;
        this.secretParts = secretPartsOf(url);
        try {
            Optional<String> refusal = policy.refusal(url);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException("webhook " + redacted + ": " + refusal.get());
            }
        } catch (UnknownHostException e) {
            // DNS may be down at start-up, or the name not published yet: each attempt checks again
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * {@code scheme://host[:port]/…}: enough to tell an operator which endpoint failed, nothing of the path, query
     * or user info where tokens live. The ellipsis is left out when the URL has nothing after the host.
     */
    public static String redact(URI url) {
        if (url == null) {
            return "null";
        }
        String scheme = url.getScheme() == null ? "?" : url.getScheme();
        String host = url.getHost() == null ? "?" : url.getHost();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        boolean hasMore = (url.getRawPath() != null && url.getRawPath().length() > 1) || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null
                || (url.getHost() == null && url.getRawSchemeSpecificPart() != null);
        return scheme + "://" + host + port + (hasMore ? "/…" : "/");
    }

    @Override
    public String name() {
        return "webhook(" + redacted + ")";
    }


    /**
     * POSTs a single alert as {@link #deliver(Alert)} does; a group or reminder as one body
     * {@code {"schemaVersion":1,"kind":"group"|"reminder","key":..,"group":..,"alerts":[..]}}, each alert in it
     * exactly as a single alert's body, with {@code Idempotency-Key: }{@link Notification#key()}. Signing, policy
     * and outcome as for a single alert.
     */
    @Override
    public void deliver(Notification notification) throws DeliveryException {
        checkPolicy();
        byte[] body;
        String idempotencyKey;
        if (notification.isSingle()) {
            Alert alert = notification.first();
            body = alertJson(alert);
            idempotencyKey = alert.id() == null || alert.id().isBlank() ? null : alert.deliveryKey();
        } else {
            body = groupJson(notification);
            idempotencyKey = notification.key();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "newswatch-alerts/0.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (signer != null) {
            long now = Instant.now().getEpochSecond();
            String messageId = WebhookSigner.messageId(idempotencyKey != null ? idempotencyKey
                    : "msg_" + UUID.randomUUID());
            request.header(WebhookSigner.ID_HEADER, messageId)
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now))
                    .header(WebhookSigner.SIGNATURE_HEADER, signer.signature(messageId, now, body));
        }
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new BodyPrefixSubscriber(info.statusCode() / 100 == 2 ? 0 : MAX_ERROR_BODY_BYTES));
        try {
            // bounds the whole exchange, body included: the request timeout alone stops at the headers
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw DeliveryException.retryable("webhook " + redacted + " did not answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw DeliveryException.retryable("webhook " + redacted + " did not answer within " + timeout);
            }
            // no cause attached: JDK messages may quote the request URI
            throw DeliveryException.retryable("webhook " + redacted + " unreachable: "
                    + cause.getClass().getSimpleName() + scrub(cause.getMessage()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            // keep the flag so the caller sees it is being shut down and does not dead-letter the alert
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("webhook " + redacted + ": interrupted while waiting for an answer");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String what = "webhook " + redacted + " answered " + status + quoted(response.body());
        if (status == 429 || status == 503) {
            throw DeliveryException.retryableAfter(what,
                    response.headers().firstValue("Retry-After").flatMap(WebhookReceiver::parseRetryAfter)
                            .orElse(null));
        }
        if (status == 408 || status >= 500) {
            throw DeliveryException.retryable(what);
        }
        throw DeliveryException.permanent(what);
    }

    private static byte[] alertJson(Alert alert) throws DeliveryException {
        try {
            return SERDE.toBytes(alert);
        } catch (SerializationException e) {
            throw DeliveryException.permanent("alert " + alert.id() + " cannot be written as JSON: "
                    + e.getMessage());
        }
    }

    /** The group body, its alerts spliced in as the bytes a single alert's body would be. */
    private static byte[] groupJson(Notification notification) throws DeliveryException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024 * notification.alerts().size());
        try {
            body.writeBytes(("{\"schemaVersion\":" + GROUP_SCHEMA_VERSION + ",\"kind\":"
                    + JSON.writeValueAsString(notification.kind().name().toLowerCase(Locale.ROOT))
                    + ",\"key\":" + JSON.writeValueAsString(notification.key())
                    + ",\"group\":" + JSON.writeValueAsString(notification.group())
                    + ",\"alerts\":[").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent("notification " + notification.key() + " cannot be written as JSON: "
                    + e.getMessage());
        }
        String separator = "";
        for (Alert alert : notification.alerts()) {
            body.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(alertJson(alert));
            separator = ",";
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Refuses the attempt when the URL's host now resolves to an address the policy does not allow. */
    private void checkPolicy() throws DeliveryException {
        Optional<String> refusal;
        try {
            refusal = policy.refusal(url);
        } catch (UnknownHostException e) {
            // its message is only the host, which the redacted form already shows
            throw DeliveryException.retryable("webhook " + redacted + " unreachable: host does not resolve");
        }
        if (refusal.isPresent()) {
            throw DeliveryException.permanent("webhook " + redacted + ": " + refusal.get());
        }
    }

    /**
     * Parses a {@code Retry-After} value: delta-seconds or an IMF-fixdate (RFC 9110 section 10.2.3). A date in the
     * past is a zero wait; anything unparseable is empty.
     */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** ": first bytes of the body" on one line, or "" for an empty body. */
    private String quoted(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim()
                .replaceAll("\\p{Cntrl}", "?");
        return text.isEmpty() ? "" : scrub(text);
    }

    /**
     * ": message" with any copy of the URL, its path, query or user info, raw or decoded, replaced by the redacted
     * form or an ellipsis, and so is every longer part of them: a server echoing only the token segment of the path
     * must not put it in a log either.
     */
    private String scrub(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String s = message.replace(url.toString(), redacted);
        for (String part : secretParts) {
            s = s.replace(part, "…");
        }
        return ": " + s;
    }

    /**
     * What of the URL may be secret, longest first so that a whole path is masked before its segments: path, query
     * and user info, raw and decoded, and their segments and parameter values of at least
     * {@link #MIN_SECRET_PART} characters (shorter ones are words like "hooks", and masking them would garble
     * messages without protecting anything).
     */
    private static List<String> secretPartsOf(URI url) {
        List<String> parts = new ArrayList<>();
        for (String whole : new String[] {url.getRawPath(), url.getPath(), url.getRawQuery(), url.getQuery(),
                url.getRawUserInfo(), url.getUserInfo(), url.getRawFragment(), url.getFragment()}) {
            if (whole == null || whole.length() <= 1) {
                continue;
            }
            parts.add(whole);
            for (String piece : whole.split("[/?&=;:@#]")) {
                if (piece.length() >= MIN_SECRET_PART) {
                    parts.add(piece);
                }
            }
        }
        return parts.stream().distinct().sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    }
}
