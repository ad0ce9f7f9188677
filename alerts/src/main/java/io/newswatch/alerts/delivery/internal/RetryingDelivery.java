package io.newswatch.alerts.delivery.internal;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.alerts.receiver.Notification;
import io.newswatch.model.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages to one receiver, retrying passing failures until a message is older than the maximum age, and
 * telling a receiver that is down from a message that fails: the retries, their backoff and the receiver's circuit
 * breaker are Failsafe's ({@link RetryPolicy}, {@link CircuitBreaker}); this class only drives them, so that its
 * waits can be cut short at shutdown and on a rebalance.
 *
 * <p><b>Closed circuit</b> (the receiver answers): a retryable failure is retried after an exponential backoff
 * from {@link #BASE} doubling up to the cap, varied by ±{@link #JITTER} so that many senders do not retry in step.
 * A {@link DeliveryException#retryAfter()} (RFC 9110 section 10.2.3) raises the wait to that long, past the cap if
 * need be.
 *
 * <p><b>Retry-After</b> holds for the receiver, not only for the message that got it: until it has passed, no
 * message is sent, the first attempt of the next ones included. Like an open circuit, waiting it out spends no
 * attempt; and a message not yet tried does not age while it waits, so a Retry-After longer than the maximum age
 * dead-letters only the message it answered, while the ones queued behind it wait.
 *
 * <p><b>Open circuit</b> (the receiver is down): after {@code circuitFailures} retryable failures in a row, of
 * whatever messages, the circuit opens. The message in hand then spends no attempts: it waits the probe delay (or a
 * longer Retry-After) and is sent once as a probe (half-open). A failed probe opens the circuit again; a delivered
 * one closes it, and the messages queued behind it go out at once. A permanent failure (the receiver answered, but
 * refused the message) proves the receiver up and never opens the circuit. One breaker serves every message of the
 * receiver, so the lane that owns it must call {@link #deliver} from one thread at a time.
 *
 * <p><b>Giving up</b>: a non-retryable failure fails at once; a receiver throwing a {@link RuntimeException} counts
 * as one, so one broken receiver cannot stop the service. Otherwise a message fails only when its next attempt or
 * probe would start past the maximum age, counted from when delivery of it began (after any Retry-After it found):
 * a receiver outage shorter than that (less one probe delay) dead-letters nothing. The caller dead-letters a failed
 * message.
 *
 * <p>{@link #deliver} never throws: it reports {@link Status#DELIVERED}, {@link Status#FAILED} with the last reason,
 * or {@link Status#ABANDONED} when the thread was interrupted, the {@link Pause} said stop (shutdown) or the caller
 * said abandon (its partition was revoked): an abandoned message must be neither committed nor dead-lettered, so
 * that it is delivered again by whoever owns it next.
 */
public final class RetryingDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

    /** First backoff step. */
    public static final Duration BASE = Duration.ofMillis(200);
    /** Longest wait between two attempts while the circuit is closed, unless a Retry-After asks for more. */
    public static final Duration CAP = Duration.ofSeconds(30);
    /** How much each backoff wait is varied either way, as a fraction of it. */
    public static final double JITTER = 0.25;
    /** Retryable failures in a row that open the circuit, by default. */
    public static final int CIRCUIT_FAILURES = 5;
    /** How long an open circuit waits before a probe, by default. */
    public static final Duration PROBE_DELAY = Duration.ofSeconds(10);
    /** A maximum age large enough never to matter. */
    public static final Duration NO_AGE_LIMIT = Duration.ofDays(3650);
    /** The longest single wait before the abandon condition is asked again. */
    private static final Duration SLICE = Duration.ofMillis(250);
    private static final Duration MIN_OPEN_WAIT = Duration.ofMillis(10);

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
     * @param attempts    times the receiver was called with the message, probes included
     * @param lastFailure the last failure, null when delivered at the first attempt
     */
    public record Outcome(Status status, int attempts, DeliveryException lastFailure) {
    }

    /**
     * How hard to try.
     *
     * @param maxAge          how long after delivery of a message began it may still be tried
     * @param backoffBase     the first backoff wait
     * @param backoffMax      the longest backoff wait (a Retry-After may ask for more)
     * @param circuitFailures retryable failures in a row that open the circuit
     * @param probeDelay      how long an open circuit waits before a probe (a Retry-After may ask for more)
     */
    public record Policy(Duration maxAge, Duration backoffBase, Duration backoffMax, int circuitFailures,
                         Duration probeDelay) {
        /**
         * @throws IllegalArgumentException when a duration is not positive, the base is above the cap, or
         *                                  circuitFailures is below 1
         */
        public Policy {
            for (Duration d : new Duration[] {maxAge, backoffBase, backoffMax, probeDelay}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("delivery durations must be positive, not " + d);
                }
            }
            if (backoffBase.compareTo(backoffMax) > 0) {
                throw new IllegalArgumentException("backoff base must be at most the cap");
            }
            if (circuitFailures < 1) {
                throw new IllegalArgumentException("circuit failures must be >= 1, not " + circuitFailures);
            }
        }

        /** No age limit, base 200 ms, cap 30 s, circuit opening after 5 failures, probes every 10 s. */
        public static Policy defaults() {
            return new Policy(NO_AGE_LIMIT, BASE, CAP, CIRCUIT_FAILURES, PROBE_DELAY);
        }
    }

    private final AlertReceiver receiver;
    private final Policy policy;
    private final Pause pause;
    private final Clock clock;
    private final RetryPolicy<Void> retries;
    private final CircuitBreaker<Void> circuit;
    /** The receiver's last Retry-After, as the instant before which it asked not to be called; null when none. */
    private Instant notBefore;

    /** {@link Policy#defaults()}, sleeping the calling thread between attempts. */
    public RetryingDelivery(AlertReceiver receiver) {
        this(receiver, Policy.defaults(), RetryingDelivery::sleep, Clock.systemUTC());
    }

    /**
     * @param pause how to wait between attempts
     * @param clock measures the age of a message
     */
    public RetryingDelivery(AlertReceiver receiver, Policy policy, Pause pause, Clock clock) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retries = RetryPolicy.<Void>builder()
                .handleIf(RetryingDelivery::isRetryable)
                .withMaxRetries(-1) // the age limit ends the retries, checked here against the message's clock
                .withBackoff(policy.backoffBase(), policy.backoffMax())
                .withJitter(JITTER)
                .build();
        this.circuit = CircuitBreaker.<Void>builder()
                .handleIf(RetryingDelivery::isRetryable)
                .withFailureThreshold(policy.circuitFailures())
                .withSuccessThreshold(1) // one probe decides
                .withDelay(policy.probeDelay())
                .onOpen(e -> {
                    // a failed probe opens it again: one line per outage, not one per probe
                    if (e.getPreviousState() == CircuitBreaker.State.CLOSED) {
                        LOG.warn("receiver {} is down ({} failure(s) in a row): its circuit is open, alerts wait for "
                                + "it without spending attempts, with a probe every {} ms", receiver.name(),
                                policy.circuitFailures(), policy.probeDelay().toMillis());
                    }
                })
                .onClose(e -> LOG.info("receiver {} answers again: its circuit is closed", receiver.name()))
                .build();
    }

    /** The wrapped receiver. */
    public AlertReceiver receiver() {
        return receiver;
    }

    /** Whether the receiver counts as down now: its circuit is open or waiting for a probe's answer. */
    public boolean circuitOpen() {
        return !circuit.isClosed();
    }

    /** Delivers the alert on its own, retrying as described above. Never throws. */
    public Outcome deliver(Alert alert) {
        return deliver(Notification.of(alert), () -> false);
    }

    /**
     * Delivers the message, retrying as described above. Never throws.
     *
     * @param abandon asked during every wait; true stops with {@link Status#ABANDONED} (the message is someone
     *                else's now, e.g. its partition was revoked)
     */
    public Outcome deliver(Notification message, BooleanSupplier abandon) {
        Execution<Void> execution = Execution.of(retries);
        Instant began = clock.instant(); // moved on past a Retry-After met before the first attempt
        DeliveryException last = null;
        int attempts = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(Status.ABANDONED, attempts, last);
            }
            Duration held = retryAfterLeft();
            if (attempts == 0 && !held.isZero()) {
                // the receiver asked to be left alone: the message waits without ageing, so that one long
                // Retry-After cannot sweep the whole queue into the dead-letter topic
                if (!waitFor(held, abandon)) {
                    return new Outcome(Status.ABANDONED, attempts, last);
                }
                began = clock.instant();
                continue;
            }
            // later attempts need no such check: every wait after a failure already honours the Retry-After
            Duration wait;
            if (circuit.tryAcquirePermit()) {
                attempts++;
                DeliveryException failure = attempt(message);
                if (failure == null) {
                    circuit.recordSuccess();
                    return new Outcome(Status.DELIVERED, attempts, last);
                }
                last = failure;
                circuit.recordException(failure);
                if (Thread.currentThread().isInterrupted()) {
                    return new Outcome(Status.ABANDONED, attempts, last);
                }
                if (!failure.retryable()) {
                    return new Outcome(Status.FAILED, attempts, last);
                }
                failure.retryAfter().ifPresent(after -> notBefore = clock.instant().plus(after));
                if (circuit.isClosed()) {
                    execution.recordException(failure);
                    wait = atLeastRetryAfter(execution.getDelay());
                    LOG.info("delivery of {} to {} failed (attempt {}), retrying in {} ms: {}", describe(message),
                            receiver.name(), attempts, wait.toMillis(), failure.getMessage());
                } else {
                    wait = openWait();
                    LOG.debug("{} still down ({}), next probe in {} ms", receiver.name(), failure.getMessage(),
                            wait.toMillis());
                }
            } else {
                wait = openWait();
            }
            Duration age = Duration.between(began, clock.instant());
            if (age.plus(wait).compareTo(policy.maxAge()) > 0) {
                String why = "the next attempt (in " + wait.toMillis() + " ms) would be past the delivery age limit of "
                        + policy.maxAge().toSeconds() + " s";
                return new Outcome(Status.FAILED, attempts, last == null
                        ? DeliveryException.permanent(receiver.name() + " is down; " + why)
                        : new DeliveryException(last.getMessage() + "; " + why, false, null, last));
            }
            if (!waitFor(wait, abandon)) {
                return new Outcome(Status.ABANDONED, attempts, last);
            }
        }
    }

    /** Null when delivered, else the failure. */
    private DeliveryException attempt(Notification message) {
        try {
            receiver.deliver(message);
            return null;
        } catch (DeliveryException e) {
            return e;
        } catch (RuntimeException e) {
            return new DeliveryException(receiver.name() + " failed unexpectedly: " + e, false, null, e);
        }
    }

    /** What is left of the open circuit's delay, or of a longer Retry-After; never zero, so the loop cannot spin. */
    private Duration openWait() {
        Duration wait = atLeastRetryAfter(circuit.getRemainingDelay());
        return wait.compareTo(MIN_OPEN_WAIT) < 0 ? MIN_OPEN_WAIT : wait;
    }

    private Duration atLeastRetryAfter(Duration wait) {
        Duration asked = retryAfterLeft();
        return asked.compareTo(wait) > 0 ? asked : wait;
    }

    /** What is left of the receiver's last Retry-After; zero when none or over. */
    private Duration retryAfterLeft() {
        if (notBefore == null) {
            return Duration.ZERO;
        }
        Duration asked = Duration.between(clock.instant(), notBefore);
        if (asked.isNegative() || asked.isZero()) {
            notBefore = null;
            return Duration.ZERO;
        }
        return asked;
    }

    /** Waits in slices, asking {@code abandon} after each; false when the wait was cut short. */
    private boolean waitFor(Duration wait, BooleanSupplier abandon) {
        Duration left = wait;
        while (left.compareTo(Duration.ZERO) > 0) {
            Duration slice = left.compareTo(SLICE) > 0 ? SLICE : left;
            if (!pause.pause(slice) || abandon.getAsBoolean()) {
                return false;
            }
            left = left.minus(slice);
        }
        return !abandon.getAsBoolean();
    }

    private static boolean isRetryable(Throwable t) {
        return t instanceof DeliveryException d && d.retryable();
    }

    /** How log lines name a message: the alert id, or the kind, size and key of a group. */
    public static String describe(Notification message) {
        return message.isSingle() ? "alert " + message.first().deliveryKey()
                : message.kind().name().toLowerCase(Locale.ROOT) + " " + message.key() + " of "
                + message.alerts().size() + " alert(s)";
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
