package io.newswatch.ingest.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and cancels the download as soon as it would pass it, so a huge or
 * endless body never occupies more than the limit in memory. Buffers are requested one at a time.
 */
public final class LimitedBodySubscriber implements BodySubscriber<byte[]> {
    private final long limit;
    private final boolean rejectAll;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    /** Signals a body over the limit; the download was cancelled. */
    public static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    public LimitedBodySubscriber(long limit) {
        this(limit, false);
    }

    private LimitedBodySubscriber(long limit, boolean rejectAll) {
        this.limit = limit;
        this.rejectAll = rejectAll;
    }

    /** For a response whose Content-Length already passes the limit: fails without reading a byte. */
    public static LimitedBodySubscriber rejecting(long limit) {
        return new LimitedBodySubscriber(limit, true);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (rejectAll) {
            s.cancel();
            result.completeExceptionally(new TooLargeException(limit));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            received += b.remaining();
            if (received > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(limit));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
