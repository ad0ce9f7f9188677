package io.newswatch.ingest.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit, decoding its Content-Encoding on the way ({@link ContentDecoder}), and
 * cancels the download as soon as either the bytes received or the bytes decoded would pass the limit, so a huge,
 * endless or highly compressed body never occupies more than the limit in memory. Buffers are requested one at a
 * time. The body fails with {@link TooLargeException} over the limit and with
 * {@link ContentDecoder.DecodingException} when it cannot be decoded; nothing of a failed body is kept. However the
 * body ends (complete, refused, or an error from the connection) the decoder is closed at once, so its native zlib
 * memory is not left waiting for the garbage collector.
 */
public final class LimitedBodySubscriber implements BodySubscriber<byte[]> {
    private final long limit;
    private final ContentDecoder decoder;
    private final RuntimeException rejection;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    /** Signals a body over the limit; the download was cancelled. */
    public static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit, boolean decoded) {
            super("body larger than " + limit + " bytes" + (decoded ? " once decoded" : ""));
        }
    }

    /** A plain body: no Content-Encoding. */
    public LimitedBodySubscriber(long limit) {
        this(limit, ContentDecoder.forEncoding(null), null);
    }

    /** A body with the given decoder for its Content-Encoding. */
    public LimitedBodySubscriber(long limit, ContentDecoder decoder) {
        this(limit, decoder, null);
    }

    private LimitedBodySubscriber(long limit, ContentDecoder decoder, RuntimeException rejection) {
        this.limit = limit;
        this.decoder = decoder;
        this.rejection = rejection;
    }

    /** For a response whose Content-Length already passes the limit: fails without reading a byte. */
    public static LimitedBodySubscriber rejecting(long limit) {
        return new LimitedBodySubscriber(limit, null, new TooLargeException(limit, false));
    }

    /** For a response refused from its headers alone (an unknown Content-Encoding): fails without reading a byte. */
    public static LimitedBodySubscriber rejecting(RuntimeException why) {
        return new LimitedBodySubscriber(0, null, why);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (rejection != null) {
            s.cancel();
            result.completeExceptionally(rejection);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer b : buffers) {
                received += b.remaining();
                if (received > limit) {
                    throw new TooLargeException(limit, false);
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                decoder.feed(chunk, this::keep);
            }
        } catch (TooLargeException | ContentDecoder.DecodingException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    private void keep(byte[] bytes, int offset, int length) {
        if ((long) out.size() + length > limit) {
            throw new TooLargeException(limit, true);
        }
        out.write(bytes, offset, length);
    }

    private void fail(RuntimeException e) {
        subscription.cancel();
        closeDecoder();
        out.reset();
        result.completeExceptionally(e);
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.close();
        }
    }

    @Override
    public void onError(Throwable t) {
        closeDecoder();
        out.reset();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            closeDecoder();
            return;
        }
        try {
            decoder.finish();
        } catch (ContentDecoder.DecodingException e) {
            result.completeExceptionally(e);
            return;
        }
        result.complete(out.toByteArray());
    }
}
