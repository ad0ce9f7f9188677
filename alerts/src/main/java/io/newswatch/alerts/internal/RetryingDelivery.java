package io.newswatch.alerts.internal;

import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.model.Alert;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to one receiver with up to N attempts, waiting between attempts with capped exponential
 * backoff and "equal jitter" (half the step fixed, half random, as in the AWS Architecture Blog's "Exponential
 * Backoff and Jitter"): the wait before retry k is drawn from [step/2, step] where step = min(cap, base * 2^(k-1)),
 * base 200 ms, cap 30 s. A {@link DeliveryException#retryAfter()} raises the wait to at least that long, but never
 * past the cap: a longer pause would stall the whole partition beyond the consumer's poll interval, and the
 * alert is dead-lettered (never lost) when the attempts run out.
 *
 * <p>It stops at once on a non-retryable failure. A receiver throwing a {@link RuntimeException} counts as a
 * non-retryable failure, so one broken receiver cannot stop the service. {@link #deliver} never throws: it
 * reports {@link Status#DELIVERED}, {@link Status#FAILED} with the last reason, or {@link Status#ABANDONED} when
 * the thread was interrupted or the {@link Pause} said stop (shutdown): an abandoned alert must be neither
 * committed nor dead-lettered, so that it is delivered again after a restart.
 */
public final class RetryingDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

    /** First backoff step. */
    public static final Duration BASE = Duration.ofMillis(200);
    /** Longest wait between two attempts. */
    public static final Duration CAP = Duration.ofSeconds(30);

    /** How the caller waits between attempts. */
    @FunctionalInterface
    public interface Pause {
        /** Waits about {@code wait}; returns false when delivery must stop (shutdown, interruption). */
        boolean pause(Duration wait);
    }

    /** How a delivery ended. */
    public enum Status { DELIVERED, FAILED, ABANDONED }

    /**
     * @param status      how it ended
     * @param attempts    attempts made
     * @param lastFailure the last failure, null when delivered at the first attempt
     */
    public record Outcome(Status status, int attempts, DeliveryException lastFailure) {
    }

    private final AlertReceiver receiver;
    private final int attempts;
    private final Duration base;
    private final Duration cap;
    private final Pause pause;
    private final Random random;

    /** Base 200 ms, cap 30 s, sleeping the calling thread between attempts. */
    public RetryingDelivery(AlertReceiver receiver, int attempts) {
        this(receiver, attempts, RetryingDelivery::sleep);
    }

    /** Base 200 ms, cap 30 s, waiting with {@code pause}. */
    public RetryingDelivery(AlertReceiver receiver, int attempts, Pause pause) {
        this(receiver, attempts, BASE, CAP, pause, new Random());
    }

    /**
     * @throws IllegalArgumentException when attempts is below 1 or base is not positive or above cap
     */
    public RetryingDelivery(AlertReceiver receiver, int attempts, Duration base, Duration cap, Pause pause,
                            Random random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, not " + attempts);
        }
        if (base.isNegative() || base.isZero() || base.compareTo(cap) > 0) {
            throw new IllegalArgumentException("backoff base must be positive and at most the cap");
        }
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.attempts = attempts;
        this.base = base;
        this.cap = cap;
        this.pause = Objects.requireNonNull(pause, "pause");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wrapped receiver. */
    public AlertReceiver receiver() {
        return receiver;
    }

    /** Delivers the alert, retrying as described above. Never throws. */
    public Outcome deliver(Alert alert) {
        DeliveryException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(Status.ABANDONED, attempt - 1, last);
            }
            try {
                receiver.deliver(alert);
                return new Outcome(Status.DELIVERED, attempt, last);
            } catch (DeliveryException e) {
                last = e;
            } catch (RuntimeException e) {
                last = new DeliveryException(receiver.name() + " failed unexpectedly: " + e, false, null, e);
            }
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(Status.ABANDONED, attempt, last);
            }
            if (!last.retryable() || attempt == attempts) {
                return new Outcome(Status.FAILED, attempt, last);
            }
            Duration wait = backoff(attempt, last.retryAfter());
            LOG.info("delivery of alert {} to {} failed (attempt {} of {}), retrying in {} ms: {}", alert.id(),
                    receiver.name(), attempt, attempts, wait.toMillis(), last.getMessage());
            if (!pause.pause(wait)) {
                return new Outcome(Status.ABANDONED, attempt, last);
            }
        }
        throw new AssertionError("the loop returns on its last attempt");
    }

    /** The wait before retry number {@code retry} (1 = after the first failure). */
    Duration backoff(int retry, Optional<Duration> retryAfter) {
        int doublings = Math.min(retry - 1, 30);
        long stepMillis = Math.min(cap.toMillis(), base.toMillis() << doublings);
        long half = stepMillis / 2;
        long wait = stepMillis - half + (half == 0 ? 0 : random.nextLong(half + 1));
        if (retryAfter.isPresent()) {
            wait = Math.max(wait, Math.min(retryAfter.get().toMillis(), cap.toMillis()));
        }
        return Duration.ofMillis(wait);
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
