package io.newswatch.alerts.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignerTest {
    // the Standard Webhooks specification's published test vector (its reference libraries' tests)
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1_614_265_330L;
    private static final byte[] VECTOR_PAYLOAD = "{\"test\": 2432232314}".getBytes(UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final byte[] KEY = "newswatch-test-signing-key-0001".getBytes(UTF_8);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final String ID = "3f9c0a51d2e7/2";
    private static final byte[] BODY = "{\"id\":\"a1\",\"title\":\"Tanker sighted\"}".getBytes(UTF_8);
    private static final long SENT_AT = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(SENT_AT + 30);
    private static final Duration TOLERANCE = WebhookSigner.DEFAULT_TOLERANCE;

    private final WebhookSigner signer = WebhookSigner.ofSecret(SECRET);

    private static boolean verify(byte[] key, String id, long timestamp, String signature, byte[] body) {
        return WebhookSigner.verify(key, id, Long.toString(timestamp), signature, body, NOW, TOLERANCE);
    }

    @Test
    void signsTheSpecificationsTestVectorAsItsLibrariesDo() {
        assertThat(WebhookSigner.ofSecret(VECTOR_SECRET).signature(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void verifiesTheSpecificationsTestVectorAndRefusesItOneBitOff() {
        byte[] key = WebhookSigner.decodeSecret(VECTOR_SECRET);
        Instant then = Instant.ofEpochSecond(VECTOR_TIMESTAMP + 10);
        assertThat(WebhookSigner.verify(key, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), VECTOR_SIGNATURE,
                VECTOR_PAYLOAD, then, TOLERANCE)).isTrue();
        // the specification's own "invalid signature" case: the last base64 digit changed
        assertThat(WebhookSigner.verify(key, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", VECTOR_PAYLOAD, then, TOLERANCE)).isFalse();
    }

    @Test
    void theKeyIsTheBase64DecodedSecretAndTheSignedContentIsIdDotTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((ID + "." + SENT_AT + "." + new String(BODY, UTF_8)).getBytes(UTF_8)));
        assertThat(signer.signature(ID, SENT_AT, BODY)).isEqualTo(expected);
        assertThat(WebhookSigner.decodeSecret(SECRET)).isEqualTo(KEY);
    }

    @Test
    void aSignedRequestVerifies() {
        assertThat(verify(KEY, ID, SENT_AT, signer.signature(ID, SENT_AT, BODY), BODY)).isTrue();
    }

    @Test
    void aTamperedBodyIdOrTimestampIsRejected() {
        String signature = signer.signature(ID, SENT_AT, BODY);
        assertThat(verify(KEY, ID, SENT_AT, signature, "{\"id\":\"a1\",\"title\":\"Tanker sunk\"}".getBytes(UTF_8)))
                .isFalse();
        assertThat(verify(KEY, "3f9c0a51d2e7/3", SENT_AT, signature, BODY)).isFalse();
        assertThat(verify(KEY, ID, SENT_AT + 1, signature, BODY)).isFalse();
    }

    @Test
    void aCorrectlySignedButOldRequestIsRejectedAsAReplay() {
        long old = NOW.getEpochSecond() - TOLERANCE.toSeconds() - 1;
        assertThat(verify(KEY, ID, old, signer.signature(ID, old, BODY), BODY)).isFalse();
        long justInside = NOW.getEpochSecond() - TOLERANCE.toSeconds();
        assertThat(verify(KEY, ID, justInside, signer.signature(ID, justInside, BODY), BODY)).isTrue();
    }

    @Test
    void aTimestampFarInTheFutureIsRejected() {
        long future = NOW.getEpochSecond() + TOLERANCE.toSeconds() + 1;
        assertThat(verify(KEY, ID, future, signer.signature(ID, future, BODY), BODY)).isFalse();
    }

    @Test
    void aWrongKeyIsRejected() {
        byte[] otherKey = "newswatch-test-signing-key-0002".getBytes(UTF_8);
        assertThat(verify(otherKey, ID, SENT_AT, signer.signature(ID, SENT_AT, BODY), BODY)).isFalse();
    }

    @Test
    void whileRotatingBothSecretsSignAndEitherKeyVerifies() {
        byte[] previousKey = "the-previous-secret-of-24b".getBytes(UTF_8);
        String previous = "whsec_" + Base64.getEncoder().encodeToString(previousKey);
        String header = WebhookSigner.ofSecret(SECRET + "  \n" + previous).signature(ID, SENT_AT, BODY);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        assertThat(verify(KEY, ID, SENT_AT, header, BODY)).isTrue();
        assertThat(verify(previousKey, ID, SENT_AT, header, BODY)).isTrue();
        assertThat(verify("a-third-key-nobody-signed-with".getBytes(UTF_8), ID, SENT_AT, header, BODY)).isFalse();
    }

    @Test
    void entriesOfOtherVersionsAreIgnored() {
        String v1 = signer.signature(ID, SENT_AT, BODY);
        String asymmetric = "v1a," + v1.substring(3);
        assertThat(verify(KEY, ID, SENT_AT, asymmetric, BODY)).isFalse();
        assertThat(verify(KEY, ID, SENT_AT, asymmetric + " " + v1, BODY)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL,         1700000000,    'v1,AAAA'",
            "'',           1700000000,    'v1,AAAA'",
            "msg_1,        NULL,          'v1,AAAA'",
            "msg_1,        '',            'v1,AAAA'",
            "msg_1,        -1700000000,   v1,AAAA",
            "msg_1,        1700000000.5,  v1,AAAA",
            "msg_1,        1.7e9,         'v1,AAAA'",
            "msg_1,        1700000000,    NULL",
            "msg_1,        1700000000,    ''",
            "msg_1,        1700000000,    'v1='"})
    void malformedOrMissingHeadersAreRejectedWithoutThrowing(String id, String timestamp, String signature) {
        assertThat(WebhookSigner.verify(KEY, id, timestamp, signature, BODY, NOW, TOLERANCE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "3f9c0a51d2e7,        3f9c0a51d2e7",
            "3f9c0a51d2e7/2,      3f9c0a51d2e7/2",
            "story.v2/1,          story%2Ev2/1",
            "50%.done,            50%25%2Edone"})
    void theMessageIdIsTheIdempotencyKeyWithFullStopsPercentEncoded(String idempotencyKey, String messageId) {
        assertThat(WebhookSigner.messageId(idempotencyKey)).isEqualTo(messageId).doesNotContain(".");
    }

    @ParameterizedTest
    @CsvSource({
            "hunter2-but-much-longer-than-24, whsec_",
            "whsec_c2hvcnQ=,                  at least 24 bytes",
            "whsec_not*base64!,               base64",
            "'  ',                            no webhook signing secret"})
    void badSecretsAreRefusedWithoutShowingThem(String secret, String says) {
        assertThatThrownBy(() -> WebhookSigner.ofSecret(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(says)
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("c2hvcnQ")
                .hasMessageNotContaining("not*base64");
    }

    @Test
    void theSignerNeverShowsItsKey() {
        assertThat(signer.toString()).doesNotContain(SECRET.substring(6, 20)).doesNotContain("newswatch-test");
    }

    @Test
    void changingTheCallersKeyArrayAfterwardsDoesNotChangeTheSigner() {
        byte[] key = KEY.clone();
        WebhookSigner own = new WebhookSigner(key);
        key[0] ^= 1;
        assertThat(own.signature(ID, SENT_AT, BODY)).isEqualTo(signer.signature(ID, SENT_AT, BODY));
    }
}
