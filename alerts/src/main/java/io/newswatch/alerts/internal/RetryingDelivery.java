package io.newswatch.alerts.internal;

import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.alerts.receiver.Notification;
import io.newswatch.model.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages to one receiver with up to N attempts within a maximum age, waiting between attempts with
 * capped exponential backoff and "equal jitter" (half the step fixed, half random, as in the AWS Architecture
 * Blog's "Exponential Backoff and Jitter"): the wait before retry k is drawn from [step/2, step] where
 * step = min(cap, base * 2^(k-1)), base 200 ms, cap 30 s by default. A {@link DeliveryException#retryAfter()}
 * (RFC 9110 section 10.2.3) raises the wait to that long, past the cap if need be: each receiver has its own lane, so
 * waiting holds up no other receiver. When the next attempt would start past the maximum age (counted from the
 * first attempt), delivery fails at once rather than wait in vain; the caller then dead-letters the message.
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
    private final Duration maxAge;
    private final Clock clock;

    /** Base 200 ms, cap 30 s, no age limit, sleeping the calling thread between attempts. */
    public RetryingDelivery(AlertReceiver receiver, int attempts) {
        this(receiver, attempts, RetryingDelivery::sleep);
    }

    /** Base 200 ms, cap 30 s, no age limit, waiting with {@code pause}. */
    public RetryingDelivery(AlertReceiver receiver, int attempts, Pause pause) {
        this(receiver, attempts, BASE, CAP, pause, new Random());
    }

    /** No age limit. */
    public RetryingDelivery(AlertReceiver receiver, int attempts, Duration base, Duration cap, Pause pause,
                            Random random) {
        this(receiver, attempts, NO_AGE_LIMIT, base, cap, pause, random, Clock.systemUTC());
    }

    /** A maximum age large enough never to matter. */
    public static final Duration NO_AGE_LIMIT = Duration.ofDays(3650);

    /**
     * @param maxAge how long after the first attempt a message may still be tried
     * @param clock  measures the age
     * @throws IllegalArgumentException when attempts is below 1, base is not positive or above cap, or maxAge is
     *                                  not positive
     */
    public RetryingDelivery(AlertReceiver receiver, int attempts, Duration maxAge, Duration base, Duration cap,
                            Pause pause, Random random, Clock clock) {
        if (maxAge.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("the maximum age must be positive");
        }
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
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The wrapped receiver. */
    public AlertReceiver receiver() {
        return receiver;
    }

    /** Delivers the alert on its own, retrying as described above. Never throws. */
    public Outcome deliver(Alert alert) {
        return deliver(Notification.of(alert), () -> false);
    }

    /**
     * Delivers the message, retrying as described above. Never throws.
     *
     * @param abandon asked before each retry; true stops with {@link Status#ABANDONED} (the message is someone
     *                else's now, e.g. its partition was revoked)
     */
    public Outcome deliver(Notification message, BooleanSupplier abandon) {
        DeliveryException last = null;
        Instant firstAttempt = clock.instant();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(Status.ABANDONED, attempt - 1, last);
            }
            try {
                receiver.deliver(message);
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
            Duration age = Duration.between(firstAttempt, clock.instant());
            if (age.plus(wait).compareTo(maxAge) > 0) {
                return new Outcome(Status.FAILED, attempt, new DeliveryException(last.getMessage() + "; the next "
                        + "attempt (in " + wait.toMillis() + " ms) would be past the delivery age limit of "
                        + maxAge.toSeconds() + " s", false, null, last));
            }
            LOG.info("delivery of {} to {} failed (attempt {} of {}), retrying in {} ms: {}", describe(message),
                    receiver.name(), attempt, attempts, wait.toMillis(), last.getMessage());
            if (!pause.pause(wait) || abandon.getAsBoolean()) {
                return new Outcome(Status.ABANDONED, attempt, last);
            }
        }
        throw new AssertionError("the loop returns on its last attempt");
    }

    /** How log lines name a message: the alert id, or the kind, size and key of a group. */
    public static String describe(Notification message) {
        return message.isSingle() ? "alert " + message.first().deliveryKey()
                : message.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + message.key() + " of "
                + message.alerts().size() + " alert(s)";
    }

    /** The wait before retry number {@code retry} (1 = after the first failure). */
    Duration backoff(int retry, Optional<Duration> retryAfter) {
        int doublings = Math.min(retry - 1, 30);
        long stepMillis = Math.min(cap.toMillis(), base.toMillis() << doublings);
        long half = stepMillis / 2;
        long wait = stepMillis - half + (half == 0 ? 0 : random.nextLong(half + 1));
        if (retryAfter.isPresent()) {
            wait = Math.max(wait, retryAfter.get().toMillis());
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
