package io.newswatch.alerts.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignerTest {
    private static final byte[] KEY = "newswatch-test-signing-key-0001".getBytes(UTF_8);
    private static final byte[] BODY = "{\"id\":\"a1\",\"title\":\"Tanker sighted\"}".getBytes(UTF_8);
    private static final long SENT_AT = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(SENT_AT + 30);
    private static final Duration TOLERANCE = WebhookSigner.DEFAULT_TOLERANCE;

    private final WebhookSigner signer = new WebhookSigner(KEY);

    /** The HMAC computed here without the class under test: what any receiver would compute. */
    private static String independentHmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(UTF_8)));
    }

    @Test
    void signatureIsV1HexHmacOfTimestampDotBody() throws Exception {
        String expected = "v1=" + independentHmac(KEY, SENT_AT + "." + new String(BODY, UTF_8));
        assertThat(signer.signature(SENT_AT, BODY)).isEqualTo(expected);
    }

    @Test
    void signatureMatchesAVectorComputedWithPythonHmac() {
        // python3: hmac.new(key, b"1700000000." + body, hashlib.sha256).hexdigest()
        assertThat(signer.signature(SENT_AT, BODY))
                .isEqualTo("v1=d0098e28ca3eacbc0556bd544b0ddb379e085c821048b4075c20fb17b517ce5c");
    }

    @Test
    void aSignedRequestVerifies() {
        String signature = signer.signature(SENT_AT, BODY);
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT), signature, BODY, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void aTamperedBodyIsRejected() {
        String signature = signer.signature(SENT_AT, BODY);
        byte[] tampered = "{\"id\":\"a1\",\"title\":\"Tanker sunk\"}".getBytes(UTF_8);
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT), signature, tampered, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void aTimestampChangedAfterSigningIsRejected() {
        String signature = signer.signature(SENT_AT, BODY);
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT + 1), signature, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void aCorrectlySignedButOldRequestIsRejectedAsAReplay() {
        long old = NOW.getEpochSecond() - TOLERANCE.toSeconds() - 1;
        String signature = signer.signature(old, BODY);
        assertThat(WebhookSigner.verify(KEY, Long.toString(old), signature, BODY, NOW, TOLERANCE)).isFalse();
        long justInside = NOW.getEpochSecond() - TOLERANCE.toSeconds();
        assertThat(WebhookSigner.verify(KEY, Long.toString(justInside), signer.signature(justInside, BODY), BODY,
                NOW, TOLERANCE)).isTrue();
    }

    @Test
    void aTimestampFarInTheFutureIsRejected() {
        long future = NOW.getEpochSecond() + TOLERANCE.toSeconds() + 1;
        assertThat(WebhookSigner.verify(KEY, Long.toString(future), signer.signature(future, BODY), BODY, NOW,
                TOLERANCE)).isFalse();
    }

    @Test
    void aWrongKeyIsRejected() {
        String signature = signer.signature(SENT_AT, BODY);
        byte[] otherKey = "newswatch-test-signing-key-0002".getBytes(UTF_8);
        assertThat(WebhookSigner.verify(otherKey, Long.toString(SENT_AT), signature, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void anyOfSeveralSignaturesMayMatchWhileAKeyIsRotated() {
        String current = signer.signature(SENT_AT, BODY);
        String previous = WebhookSigner.ofSecret("the-previous-secret-0000").signature(SENT_AT, BODY);
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT), previous + ", " + current, BODY, NOW,
                TOLERANCE)).isTrue();
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT), previous, BODY, NOW, TOLERANCE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL,          v1=00",
            "'',            v1=00",
            "-1700000000,   v1=00",
            "1700000000.5,  v1=00",
            "1.7e9,         v1=00",
            "1700000000,    NULL",
            "1700000000,    ''",
            "1700000000,    v0=00"})
    void malformedOrMissingHeadersAreRejectedWithoutThrowing(String timestamp, String signature) {
        assertThat(WebhookSigner.verify(KEY, timestamp, signature, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void anUppercaseSignatureIsNotAccepted() {
        String upper = "v1=" + signer.signature(SENT_AT, BODY).substring(3).toUpperCase();
        assertThat(WebhookSigner.verify(KEY, Long.toString(SENT_AT), upper, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void shortKeysAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> WebhookSigner.ofSecret("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theSignerNeverShowsItsKey() {
        assertThat(signer.toString()).doesNotContain("newswatch-test-signing-key");
    }

    @Test
    void changingTheCallersKeyArrayAfterwardsDoesNotChangeTheSigner() {
        byte[] key = KEY.clone();
        WebhookSigner own = new WebhookSigner(key);
        key[0] ^= 1;
        assertThat(own.signature(SENT_AT, BODY)).isEqualTo(signer.signature(SENT_AT, BODY));
    }
}
