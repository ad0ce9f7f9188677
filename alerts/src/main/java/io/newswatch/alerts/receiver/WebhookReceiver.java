package io.newswatch.alerts.receiver;

import io.newswatch.alerts.internal.BodyPrefixSubscriber;
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.net.URI;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * POSTs each alert to a URL as {@code application/json} (the {@link JsonSerde} form of {@link Alert}) with the
 * header {@code Idempotency-Key: <alert id>} (draft-ietf-httpapi-idempotency-key-header), so the receiving end can
 * drop a re-delivery of the same alert.
 *
 * <p>Outcome by status (RFC 9110 section 15): 2xx is delivered. 429 and 503 are retryable, with the wait from
 * {@code Retry-After} (delta-seconds or an HTTP-date, RFC 9110 section 10.2.3) when present; 408 and every other
 * 5xx are retryable; connection errors and timeouts are retryable. Any other status, redirects included (they are
 * not followed: an alert must not be re-sent to a host nobody configured), is a non-retryable failure.
 *
 * <p>Secrets: webhook URLs often carry a token in their path or query, so the full URL never appears in
 * {@link #name()}, in exception messages or in logs: only {@code scheme://host[:port]/…} ({@link #redact(URI)}).
 * Error bodies are quoted in the exception message up to 200 characters.
 */
public final class WebhookReceiver implements AlertReceiver {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);
    private static final int MAX_ERROR_BODY_BYTES = 200;

    private final URI url;
    private final String redacted;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param url     the endpoint; http or https with a host
     * @param timeout connect timeout, and the limit for the whole exchange of one attempt
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host (the message shows
     *                                  the redacted URL only)
     */
    public WebhookReceiver(URI url, Duration timeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
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

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        byte[] body;
        try {
            body = SERDE.toBytes(alert);
        } catch (SerializationException e) {
            throw DeliveryException.permanent("alert " + alert.id() + " cannot be written as JSON: "
                    + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "newswatch-alerts/0.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (alert.id() != null && !alert.id().isBlank()) {
            request.header("Idempotency-Key", alert.deliveryKey());
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

    /** ": message" with any copy of the URL, its path or its query replaced by the redacted form. */
    private String scrub(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String s = message.replace(url.toString(), redacted);
        if (url.getRawPath() != null && url.getRawPath().length() > 1) {
            s = s.replace(url.getRawPath(), "/…");
        }
        if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
            s = s.replace(url.getRawQuery(), "…");
        }
        return ": " + s;
    }
}
