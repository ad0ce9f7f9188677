package io.newswatch.alerts.receiver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests so the receiving end can tell they come from this service and were not replayed.
 *
 * <p>Scheme {@code v1}: the request carries {@code X-Newswatch-Timestamp: <Unix seconds>} and
 * {@code X-Newswatch-Signature: v1=<lowercase hex HMAC-SHA256>}, the HMAC keyed with the shared secret and taken over
 * the bytes of the timestamp header, a full stop, and the request body exactly as sent. Binding the timestamp into
 * the MAC lets a receiver refuse a captured request replayed later ({@link #verify} with a tolerance); the
 * {@code Idempotency-Key} header still deduplicates honest re-deliveries inside that window.
 *
 * <p>{@link #verify} is self-contained on purpose, so that a Java receiver can copy it. Instances are immutable and
 * thread-safe, and never show the key ({@link #toString()}).
 */
public final class WebhookSigner {
    public static final String TIMESTAMP_HEADER = "X-Newswatch-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Newswatch-Signature";
    /** The tolerance this project's documentation recommends to receivers: five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Shorter keys are refused: an HMAC is no stronger than its key, and short secrets can be guessed offline. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION_PREFIX = "v1=";

    private final SecretKeySpec key;

    /**
     * @param key the shared secret, at least {@link #MIN_KEY_BYTES} bytes; copied
     * @throws IllegalArgumentException when the key is shorter (the message gives the length only)
     */
    public WebhookSigner(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("webhook signing key must be at least " + MIN_KEY_BYTES
                    + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A signer keyed with the UTF-8 bytes of {@code secret}, the form a receiver in another language uses too. */
    public static WebhookSigner ofSecret(String secret) {
        return new WebhookSigner(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for this body sent at this time: {@code v1=} and 64 lowercase hex
     * digits.
     */
    public String signature(long timestampSeconds, byte[] body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(mac(key, Long.toString(timestampSeconds), body));
    }

    /**
     * Checks a received request. True only when the timestamp is a plain decimal number of seconds no further than
     * {@code tolerance} from {@code now} (older is a replay, newer a clock far off) and one of the comma-separated
     * {@code v1=} entries of the signature header (more than one while a key is being rotated) is the HMAC of
     * {@code timestampHeader + "." + body} under {@code key}. The comparison takes the same time wherever the
     * digests differ. Never throws for malformed or missing headers: that is a false.
     *
     * @param key             the shared secret
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value as received, or null
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value as received, or null
     * @param body            the raw request body, before any parsing
     * @param now             the receiver's current time
     * @param tolerance       how far the timestamp may be from {@code now}
     */
    public static boolean verify(byte[] key, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (key == null || key.length == 0 || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        if (!timestampHeader.matches("\\d{1,12}")) {
            return false;
        }
        long sentAt = Long.parseLong(timestampHeader);
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(mac(new SecretKeySpec(key, ALGORITHM), timestampHeader, body))
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String entry : signatureHeader.split(",")) {
            String e = entry.trim();
            if (e.startsWith(VERSION_PREFIX)) {
                byte[] given = e.substring(VERSION_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
                // constant-time: no early exit on the first differing byte
                matched |= MessageDigest.isEqual(expected, given);
            }
        }
        return matched;
    }

    private static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java SE runtime must provide HmacSHA256, and it accepts keys of any length
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[v1, key redacted]";
    }
}
