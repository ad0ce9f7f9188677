package io.newswatch.ingest.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.zip.GZIPOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decoder as the HTTP client drives it: in pieces of any size, down to one byte. */
class ContentDecoderTest {
    private static final byte[] TEXT = "Ferries resume between the islands on Monday. ".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] rawDeflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** A gzip member with every optional header field (RFC 1952: FEXTRA, FNAME, FCOMMENT, FHCRC). */
    private static byte[] gzipWithAllHeaderFields(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        out.writeBytes(new byte[] {5, 0, 'A', 'B', 1, 0, 'x'});
        out.writeBytes("harbour.html\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0x12, 0x34}); // header CRC: not checked, as GZIPInputStream does not either
        out.writeBytes(rawDeflate(data));
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        long n = data.length;
        out.writeBytes(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        return out.toByteArray();
    }

    private static byte[] decode(String encoding, byte[] body, int piece) {
        ContentDecoder decoder = ContentDecoder.forEncoding(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += piece) {
            decoder.feed(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + piece)), out::write);
        }
        decoder.finish();
        return out.toByteArray();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @CsvSource({"1", "2", "7", "100", "100000"})
    void everyGzipHeaderFieldIsSkippedWhateverThePieceSize(int piece) {
        assertThat(decode("gzip", gzipWithAllHeaderFields(TEXT), piece)).isEqualTo(TEXT);
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @CsvSource({"1", "3", "100000"})
    void rawDeflateIsToldFromZlibByItsFirstTwoBytes(int piece) {
        assertThat(decode("deflate", rawDeflate(TEXT), piece)).isEqualTo(TEXT);
    }

    @Test
    void aWrongChecksumIsRefused() {
        byte[] body = gzipWithAllHeaderFields(TEXT);
        body[body.length - 8] ^= 1;
        assertThatThrownBy(() -> decode("gzip", body, 64)).hasMessage("gzip body fails its CRC-32 check");
    }

    @Test
    void anEmptyBodyIsEmptyInEveryCoding() {
        assertThat(decode("gzip", new byte[0], 1)).isEmpty();
        assertThat(decode("deflate", new byte[0], 1)).isEmpty();
        assertThat(decode(null, new byte[0], 1)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"br", "zstd", "compress", "'gzip, br'"})
    void codingsThatAreNotDecodedAreNamed(String coding) {
        assertThatThrownBy(() -> ContentDecoder.forEncoding(coding))
                .hasMessage("unsupported Content-Encoding '" + coding + "' (only gzip and deflate are decoded)");
    }

    /** A subscription that only counts what it is asked for, as the HTTP client's would be. */
    private static final class CountingSubscription implements Flow.Subscription {
        boolean cancelled;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void aRefusedGzipBombEndsItsInflaterAtOnce() throws IOException {
        byte[] bomb = gzip(new byte[4 * 1024 * 1024]);
        ContentDecoder decoder = ContentDecoder.forEncoding("gzip");
        LimitedBodySubscriber body = new LimitedBodySubscriber(64 * 1024, decoder);
        CountingSubscription subscription = new CountingSubscription();
        body.onSubscribe(subscription);

        body.onNext(List.of(ByteBuffer.wrap(bomb)));

        assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
        assertThat(subscription.cancelled).isTrue();
        assertThat(decoder.isClosed()).isTrue();
        assertThatThrownBy(() -> decoder.feed(new byte[1], (b, o, n) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gzip", "deflate", "identity"})
    void aBodyThatFailsInTransitEndsItsDecoder(String coding) throws IOException {
        ContentDecoder decoder = ContentDecoder.forEncoding(coding);
        LimitedBodySubscriber body = new LimitedBodySubscriber(1024 * 1024, decoder);
        body.onSubscribe(new CountingSubscription());
        byte[] whole = coding.equals("gzip") ? gzip(TEXT) : coding.equals("deflate") ? rawDeflate(TEXT) : TEXT;
        body.onNext(List.of(ByteBuffer.wrap(whole, 0, whole.length / 2)));

        body.onError(new IOException("connection reset"));

        assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
        assertThat(decoder.isClosed()).isTrue();
    }

    @Test
    void aCompleteBodyEndsItsDecoderAndClosingTwiceIsHarmless() throws IOException {
        ContentDecoder decoder = ContentDecoder.forEncoding("gzip");
        LimitedBodySubscriber body = new LimitedBodySubscriber(1024 * 1024, decoder);
        body.onSubscribe(new CountingSubscription());
        body.onNext(List.of(ByteBuffer.wrap(gzip(TEXT))));
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture().join()).isEqualTo(TEXT);
        assertThat(decoder.isClosed()).isTrue();
        decoder.close();
        assertThat(decoder.isClosed()).isTrue();
    }
}
