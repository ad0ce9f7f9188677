package io.newswatch.alerts.receiver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests as the Standard Webhooks specification (standardwebhooks.com, "Signature scheme") says, so
 * that a receiver can check them with one of that project's libraries or a few lines of its own.
 *
 * <p>Each request carries {@code webhook-id} (the message id: the same value as its {@code Idempotency-Key}, so it
 * is the same on every retry), {@code webhook-timestamp} (Unix seconds at that attempt) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256>} over the UTF-8 bytes of the id, a full stop, the timestamp, a
 * full stop, and the body exactly as sent. Binding the timestamp lets a receiver refuse a captured request replayed
 * later ({@link #verify} with a tolerance); the id lets it drop an honest re-delivery.
 *
 * <p>Secrets are written {@code whsec_<base64>}; the HMAC key is the decoded bytes, at least {@link #MIN_KEY_BYTES}
 * of them (the specification recommends 24 to 64). While a secret is rotated, give both, separated by white space:
 * the header then holds one {@code v1,} signature per secret, space-separated, and a receiver that knows either
 * accepts the request.
 *
 * <p>{@link #verify} is self-contained on purpose, so that a Java receiver can copy it. Instances are immutable and
 * thread-safe, and never show a key ({@link #toString()}).
 */
public final class WebhookSigner {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** The prefix of a secret's text form. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The tolerance the specification recommends to receivers: five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Shorter keys are refused: the specification asks for 24 bytes at least, and short keys can be guessed. */
    public static final int MIN_KEY_BYTES = 24;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION_PREFIX = "v1,";

    private final List<SecretKeySpec> keys;

    /**
     * @param key the HMAC key (the decoded bytes of a {@code whsec_} secret), at least {@link #MIN_KEY_BYTES} bytes;
     *            copied
     * @throws IllegalArgumentException when the key is shorter (the message gives the length only)
     */
    public WebhookSigner(byte[] key) {
        this(List.of(Objects.requireNonNull(key, "key")));
    }

    private WebhookSigner(List<byte[]> keys) {
        List<SecretKeySpec> specs = new ArrayList<>();
        for (byte[] key : keys) {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("webhook signing key must be at least " + MIN_KEY_BYTES
                        + " bytes, not " + key.length);
            }
            specs.add(new SecretKeySpec(key.clone(), ALGORITHM));
        }
        this.keys = List.copyOf(specs);
    }

    /**
     * A signer for one secret {@code whsec_<base64>}, or several separated by white space while a secret is rotated
     * (each request is then signed with each).
     *
     * @throws IllegalArgumentException when there is no secret, one lacks the {@code whsec_} prefix or is not
     *                                  base64, or its key is too short; the message never shows the secret
     */
    public static WebhookSigner ofSecret(String secrets) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : Objects.requireNonNull(secrets, "secret").trim().split("\\s+")) {
            if (!secret.isEmpty()) {
                keys.add(decodeSecret(secret));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no webhook signing secret given");
        }
        return new WebhookSigner(keys);
    }

    /**
     * The HMAC key of a secret {@code whsec_<base64>}.
     *
     * @throws IllegalArgumentException when the prefix is missing or the rest is not base64 (RFC 4648 section 4);
     *                                  the message never shows the secret
     */
    public static byte[] decodeSecret(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook signing secret must be written " + SECRET_PREFIX
                    + "<base64 of the key> (Standard Webhooks); an older plain secret S keeps its key as "
                    + SECRET_PREFIX + "<base64 of the bytes of S>");
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook signing secret after " + SECRET_PREFIX
                    + " must be base64 (RFC 4648 section 4)");
        }
    }

    /**
     * The {@value #ID_HEADER} of a message with this Idempotency-Key: the key itself, with {@code %} and {@code .}
     * percent-encoded (RFC 3986 section 2.1). The specification keeps full stops out of ids: in the signed content
     * {@code id.timestamp.body} a full stop in the id would let a replayed request move the boundary between id and
     * timestamp under a valid signature.
     */
    public static String messageId(String idempotencyKey) {
        return idempotencyKey.replace("%", "%25").replace(".", "%2E");
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for this message: {@code v1,} and the base64 HMAC-SHA256, one per secret,
     * separated by a space.
     *
     * @param messageId        the {@value #ID_HEADER} value
     * @param timestampSeconds the {@value #TIMESTAMP_HEADER} value
     * @param body             the body exactly as sent
     */
    public String signature(String messageId, long timestampSeconds, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (SecretKeySpec key : keys) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(VERSION_PREFIX).append(Base64.getEncoder()
                    .encodeToString(mac(key, messageId, Long.toString(timestampSeconds), body)));
        }
        return header.toString();
    }

    /**
     * Checks a received request. True only when the id is present, the timestamp is a plain decimal number of
     * seconds no further than {@code tolerance} from {@code now} (older is a replay, newer a clock far off), and one
     * of the space-separated {@code v1,} entries of the signature header is the HMAC of
     * {@code id + "." + timestamp + "." + body} under {@code key}. Entries of other versions are ignored. The
     * comparison takes the same time wherever the digests differ. Never throws for malformed or missing headers:
     * that is a false.
     *
     * @param key             the HMAC key: the decoded bytes of the {@code whsec_} secret ({@link #decodeSecret})
     * @param idHeader        the {@value #ID_HEADER} value as received, or null
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value as received, or null
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value as received, or null
     * @param body            the raw request body, before any parsing
     * @param now             the receiver's current time
     * @param tolerance       how far the timestamp may be from {@code now}
     */
    public static boolean verify(byte[] key, String idHeader, String timestampHeader, String signatureHeader,
                                 byte[] body, Instant now, Duration tolerance) {
        if (key == null || key.length == 0 || idHeader == null || idHeader.isEmpty() || timestampHeader == null
                || signatureHeader == null || body == null) {
            return false;
        }
        if (!timestampHeader.matches("\\d{1,12}")) {
            return false;
        }
        long sentAt = Long.parseLong(timestampHeader);
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(mac(new SecretKeySpec(key, ALGORITHM), idHeader,
                timestampHeader, body));
        boolean matched = false;
        for (String entry : signatureHeader.trim().split(" +")) {
            if (entry.startsWith(VERSION_PREFIX)) {
                byte[] given = entry.substring(VERSION_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
                // constant-time: no early exit on the first differing byte
                matched |= MessageDigest.isEqual(expected, given);
            }
        }
        return matched;
    }

    private static byte[] mac(SecretKeySpec key, String messageId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
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
        return "WebhookSigner[Standard Webhooks v1, " + keys.size() + " key(s) redacted]";
    }
}
