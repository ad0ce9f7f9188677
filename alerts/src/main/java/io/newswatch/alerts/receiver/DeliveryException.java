package io.newswatch.alerts.receiver;

import java.time.Duration;
import java.util.Optional;

/**
 * An alert was not delivered. {@link #retryable()} separates passing trouble (a timeout, a 503, a full disk) from
 * trouble another attempt cannot fix (a 400, a rejected redirect); {@link #retryAfter()} carries the wait the
 * receiving end asked for, if any (an HTTP {@code Retry-After}, RFC 9110 section 10.2.3).
 *
 * <p>The message is safe to log and to put in a dead-letter header: it never contains a secret URL.
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param message    what went wrong, without secrets
     * @param retryable  whether another attempt can succeed
     * @param retryAfter the wait the receiving end asked for, or null
     * @param cause      the underlying error, or null; its message must not contain secrets either
     */
    public DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /** A failure another attempt may fix. */
    public static DeliveryException retryable(String message) {
        return new DeliveryException(message, true, null, null);
    }

    /** A failure another attempt may fix, no earlier than {@code retryAfter} (null: no wish expressed). */
    public static DeliveryException retryableAfter(String message, Duration retryAfter) {
        return new DeliveryException(message, true, retryAfter, null);
    }

    /** A failure another attempt will not fix. */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    /** Whether another attempt can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the receiving end asked the caller to wait before the next attempt, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
