package io.newswatch.alerts.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.delivery.internal.RetryingDelivery.Outcome;
import io.newswatch.alerts.delivery.internal.RetryingDelivery.Policy;
import io.newswatch.alerts.delivery.internal.RetryingDelivery.Status;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.alerts.receiver.Notification;
import io.newswatch.model.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingDeliveryTest {
    private static final int NEVER_OPENS = 1000;
    private final Alert alert = TestAlerts.sanctions("story-retry");
    /** Time "waited" since the receiver's last call: a pause that records instead of sleeping. */
    private long pendingMillis;
    private long waitedInAll;
    private final RetryingDelivery.Pause recordPause = wait -> {
        pendingMillis += wait.toMillis();
        return true;
    };
    /** A clock that moves on only as the pauses are "waited", so long waits take no real time. */
    private final Clock clock = new Clock() {
        private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(waitedInAll);
        }
    };
    private final RetryingDelivery.Pause advancing = wait -> {
        waitedInAll += wait.toMillis();
        return recordPause.pause(wait);
    };

    /** Fails with the scripted exceptions in turn, then delivers; notes how long was waited before each call. */
    private final class ScriptedReceiver implements AlertReceiver {
        private final Deque<RuntimeException> unchecked = new ArrayDeque<>();
        private final Deque<DeliveryException> failures = new ArrayDeque<>();
        private final List<Alert> delivered = new ArrayList<>();
        private final List<Long> waitedBefore = new ArrayList<>();
        private int calls;

        ScriptedReceiver failing(DeliveryException... fs) {
            failures.addAll(List.of(fs));
            return this;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void deliver(Notification notification) throws DeliveryException {
            calls++;
            waitedBefore.add(pendingMillis);
            pendingMillis = 0;
            if (!unchecked.isEmpty()) {
                throw unchecked.pop();
            }
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            delivered.addAll(notification.alerts());
        }
    }

    /** Answers 503 until {@code downFor} has passed since its first call, then delivers. */
    private static final class OutageReceiver implements AlertReceiver {
        private final Duration downFor;
        private long firstCall;
        private int calls;

        OutageReceiver(Duration downFor) {
            this.downFor = downFor;
        }

        @Override
        public String name() {
            return "outage";
        }

        @Override
        public void deliver(Notification notification) throws DeliveryException {
            calls++;
            if (firstCall == 0) {
                firstCall = System.nanoTime();
            }
            if (System.nanoTime() - firstCall < downFor.toNanos()) {
                throw DeliveryException.retryable("503 service unavailable");
            }
        }
    }

    private RetryingDelivery delivery(AlertReceiver receiver, Policy policy) {
        return new RetryingDelivery(receiver, policy, recordPause, Clock.systemUTC());
    }

    private static Policy policy(int circuitFailures) {
        return new Policy(RetryingDelivery.NO_AGE_LIMIT, Duration.ofMillis(200), Duration.ofSeconds(30),
                circuitFailures, Duration.ofSeconds(10));
    }

    @Test
    void aReceiverFailingTwiceThenSucceedingIsCalledThreeTimesAndDeliversOnce() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryable("timeout"), DeliveryException.retryable("503"));
        Outcome outcome = delivery(receiver, policy(NEVER_OPENS)).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.DELIVERED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(receiver.calls).isEqualTo(3);
        assertThat(receiver.delivered).containsExactly(alert);
        assertThat(receiver.waitedBefore.subList(1, 3)).allSatisfy(w -> assertThat(w).isPositive());
    }

    @Test
    void stopsAtOnceOnANonRetryableFailure() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.permanent("400 bad request"));
        Outcome outcome = delivery(receiver, policy(NEVER_OPENS)).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.lastFailure()).hasMessage("400 bad request");
        assertThat(receiver.calls).isEqualTo(1);
        assertThat(pendingMillis).isZero();
    }

    @Test
    void aReceiverThatThrowsUncheckedIsAFailureNotACrash() {
        ScriptedReceiver receiver = new ScriptedReceiver();
        receiver.unchecked.add(new IllegalStateException("bug in receiver"));
        Outcome outcome = delivery(receiver, policy(NEVER_OPENS)).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.lastFailure().retryable()).isFalse();
        assertThat(outcome.lastFailure().getMessage()).contains("scripted").contains("bug in receiver");
    }

    @Test
    void aPauseThatSaysStopAbandonsTheDelivery() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.retryable("503"));
        StopSignal stop = new StopSignal();
        stop.stop();
        Outcome outcome = new RetryingDelivery(receiver, policy(NEVER_OPENS), stop, Clock.systemUTC())
                .deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.ABANDONED);
        assertThat(receiver.calls).isEqualTo(1);
        assertThat(receiver.delivered).isEmpty();
    }

    @Test
    void anInterruptedThreadAbandonsWithoutCallingTheReceiver() {
        ScriptedReceiver receiver = new ScriptedReceiver();
        Thread.currentThread().interrupt();
        try {
            Outcome outcome = delivery(receiver, policy(NEVER_OPENS)).deliver(alert);
            assertThat(outcome.status()).isEqualTo(Status.ABANDONED);
            assertThat(receiver.calls).isZero();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    /** Failsafe's backoff: 200 ms doubling to the cap (here 2 s), each wait varied by ±25 %. */
    @ParameterizedTest
    @CsvSource({
            "1,  150,  250",
            "2,  300,  500",
            "3,  600, 1000",
            "4, 1200, 2000",
            "5, 1500, 2500",
            "9, 1500, 2500"})
    void backoffDoublesWithJitterUpToTheCap(int retry, long min, long max) {
        List<Long> waits = new ArrayList<>();
        for (int run = 0; run < 30; run++) {
            DeliveryException[] failures = new DeliveryException[retry];
            for (int i = 0; i < retry; i++) {
                failures[i] = DeliveryException.retryable("503");
            }
            ScriptedReceiver receiver = new ScriptedReceiver().failing(failures);
            delivery(receiver, new Policy(RetryingDelivery.NO_AGE_LIMIT, Duration.ofMillis(200),
                    Duration.ofSeconds(2), NEVER_OPENS, Duration.ofSeconds(10))).deliver(alert);
            waits.add(receiver.waitedBefore.get(retry));
        }
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(min, max));
        assertThat(waits.stream().distinct().count()).as("jitter spreads the waits").isGreaterThan(5);
    }

    @Test
    void retryAfterRaisesTheWaitEvenPastTheCap() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofSeconds(45)));
        delivery(receiver, new Policy(RetryingDelivery.NO_AGE_LIMIT, Duration.ofMillis(200), Duration.ofSeconds(1),
                NEVER_OPENS, Duration.ofSeconds(10))).deliver(alert);
        assertThat(receiver.waitedBefore.get(1)).isBetween(44_000L, 45_000L);
    }

    @Test
    void aRetryThatWouldStartPastTheMaximumAgeFailsAtOnce() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofMinutes(20)));
        Outcome outcome = delivery(receiver, new Policy(Duration.ofMinutes(10), Duration.ofMillis(200),
                Duration.ofSeconds(30), NEVER_OPENS, Duration.ofSeconds(10))).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.lastFailure().getMessage()).contains("429").contains("age limit");
        assertThat(pendingMillis).as("no point waiting 20 minutes for a message that may only wait 10").isZero();
    }

    @Test
    void theNextMessagesFirstCallWaitsForTheRetryAfterAndIsNotDeadLettered() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofMinutes(20)));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(Duration.ofMinutes(10),
                Duration.ofMillis(200), Duration.ofSeconds(30), NEVER_OPENS, Duration.ofSeconds(10)), advancing, clock);

        Outcome first = delivery.deliver(alert);
        Outcome second = delivery.deliver(TestAlerts.sanctions("story-queued"));
        Outcome third = delivery.deliver(TestAlerts.sanctions("story-queued-too"));

        assertThat(first.status()).as("its own retry would come past its 10 min age").isEqualTo(Status.FAILED);
        assertThat(receiver.waitedBefore.get(1)).as("the next message's first call honours the Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(second.status()).as("the queue waits, it is not swept into the DLQ").isEqualTo(Status.DELIVERED);
        assertThat(second.attempts()).as("waiting out a Retry-After spends no attempt").isEqualTo(1);
        assertThat(third.status()).isEqualTo(Status.DELIVERED);
        assertThat(receiver.waitedBefore.get(2)).as("the Retry-After is over").isZero();
    }

    @Test
    void aRetryAfterShorterThanTheMaximumAgeHoldsBackTheNextMessage() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.permanent("400"));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(Duration.ofMinutes(10),
                Duration.ofMillis(200), Duration.ofSeconds(30), NEVER_OPENS, Duration.ofSeconds(10)), advancing, clock);
        receiver.failures.addFirst(DeliveryException.retryableAfter("429", Duration.ofSeconds(90)));

        // the 429'd message gets its retry after 90 s, is refused for good, and the next one waits for nothing more
        assertThat(delivery.deliver(alert).status()).isEqualTo(Status.FAILED);
        assertThat(receiver.waitedBefore.get(1)).isGreaterThanOrEqualTo(90_000L);
        assertThat(delivery.deliver(TestAlerts.sanctions("story-next")).attempts()).isEqualTo(1);
        assertThat(receiver.waitedBefore.get(2)).isZero();
    }

    @Test
    void anOutageShorterThanTheMaximumAgeSpendsOneProbePerDelayAndDeadLettersNothing() {
        // 1.5 s down; backoff alone (10 ms doubling to 50 ms) would call about 35 times
        OutageReceiver receiver = new OutageReceiver(Duration.ofMillis(1500));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(Duration.ofSeconds(30),
                Duration.ofMillis(10), Duration.ofMillis(50), 3, Duration.ofMillis(300)), new StopSignal(),
                Clock.systemUTC());

        Outcome first = delivery.deliver(alert);

        assertThat(first.status()).isEqualTo(Status.DELIVERED);
        assertThat(receiver.calls).as("3 failures open the circuit, then one probe per 300 ms").isBetween(5, 9);
        assertThat(delivery.circuitOpen()).as("the delivered probe closed the circuit").isFalse();
        Outcome second = delivery.deliver(TestAlerts.sanctions("story-after"));
        assertThat(second.status()).isEqualTo(Status.DELIVERED);
        assertThat(second.attempts()).isEqualTo(1);
    }

    @Test
    void theNextMessageWaitsForTheProbeInsteadOfSpendingAttemptsWhileTheCircuitIsOpen() {
        OutageReceiver receiver = new OutageReceiver(Duration.ofHours(1));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(Duration.ofMillis(400),
                Duration.ofMillis(10), Duration.ofMillis(20), 2, Duration.ofSeconds(5)), new StopSignal(),
                Clock.systemUTC());
        Outcome first = delivery.deliver(alert);
        assertThat(first.status()).isEqualTo(Status.FAILED);
        assertThat(first.lastFailure().getMessage()).contains("age limit");
        assertThat(delivery.circuitOpen()).isTrue();
        int callsBefore = receiver.calls;

        Outcome second = delivery.deliver(TestAlerts.sanctions("story-next"));

        assertThat(second.status()).as("its probe is 5 s away, past its 400 ms age").isEqualTo(Status.FAILED);
        assertThat(second.attempts()).isZero();
        assertThat(receiver.calls).isEqualTo(callsBefore);
    }

    @Test
    void aPermanentFailureProvesTheReceiverUpAndDoesNotOpenTheCircuit() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.permanent("400"),
                DeliveryException.permanent("400"));
        RetryingDelivery delivery = delivery(receiver, policy(1));
        delivery.deliver(alert);
        delivery.deliver(alert);
        assertThat(delivery.circuitOpen()).isFalse();
        assertThat(delivery.deliver(alert).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void anOpenCircuitHonoursALongerRetryAfterBeforeItsProbe() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofSeconds(30)));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(RetryingDelivery.NO_AGE_LIMIT,
                Duration.ofMillis(10), Duration.ofMillis(20), 1, Duration.ofMillis(50)), advancing, clock);
        assertThat(delivery.deliver(alert).status()).isEqualTo(Status.DELIVERED);
        assertThat(receiver.waitedBefore.get(1)).isGreaterThanOrEqualTo(29_000L);
    }

    @Test
    void aRevokedMessageIsAbandonedDuringAnOpenCircuitsWait() {
        OutageReceiver receiver = new OutageReceiver(Duration.ofHours(1));
        RetryingDelivery delivery = new RetryingDelivery(receiver, new Policy(RetryingDelivery.NO_AGE_LIMIT,
                Duration.ofMillis(10), Duration.ofMillis(20), 1, Duration.ofMinutes(10)), new StopSignal(),
                Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        BooleanSupplier revoked = () -> System.nanoTime() > deadline;
        long t0 = System.nanoTime();
        Outcome outcome = delivery.deliver(Notification.of(alert), revoked);
        assertThat(outcome.status()).isEqualTo(Status.ABANDONED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("asked every 250 ms, not after 10 minutes")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStopSignalCutsAPauseShort() throws Exception {
        StopSignal stop = new StopSignal();
        Thread stopper = new Thread(() -> {
            sleepQuietly(50);
            stop.stop();
        });
        stopper.start();
        assertThat(stop.pause(Duration.ofMinutes(10))).isFalse();
        assertThat(stop.isStopped()).isTrue();
        stopper.join();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
