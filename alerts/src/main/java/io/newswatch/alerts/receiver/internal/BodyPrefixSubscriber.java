package io.newswatch.alerts.receiver.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP response body subscriber that keeps only the first {@code limit} bytes and then cancels the
 * subscription, so a misbehaving endpoint cannot make the caller read (or hold) an endless body. The body stage
 * completes as soon as the limit is reached, the body ends, or the stream fails (with what was read so far: the
 * prefix is for error messages, never for decisions).
 */
public final class BodyPrefixSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param limit the most bytes to keep; 0 reads nothing and cancels at once */
    public BodyPrefixSubscriber(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (limit == 0) {
            s.cancel();
            body.complete(new byte[0]);
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int take = Math.min(b.remaining(), limit - prefix.size());
            byte[] chunk = new byte[take];
            b.get(chunk);
            prefix.write(chunk, 0, take);
        }
        if (prefix.size() >= limit) {
            subscription.cancel();
            body.complete(prefix.toByteArray());
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.complete(prefix.toByteArray());
    }

    @Override
    public void onComplete() {
        body.complete(prefix.toByteArray());
    }
}
