package io.newswatch.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.internal.RetryingDelivery.Outcome;
import io.newswatch.alerts.internal.RetryingDelivery.Status;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.model.Alert;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingDeliveryTest {
    private final Alert alert = TestAlerts.sanctions("story-retry");
    private final List<Duration> pauses = new ArrayList<>();
    private final RetryingDelivery.Pause recordPause = wait -> {
        pauses.add(wait);
        return true;
    };

    /** Fails with the scripted exceptions in turn, then delivers. */
    private static final class ScriptedReceiver implements AlertReceiver {
        private final Deque<RuntimeException> unchecked = new ArrayDeque<>();
        private final Deque<DeliveryException> failures = new ArrayDeque<>();
        private final List<Alert> delivered = new ArrayList<>();
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
        public void deliver(Alert alert) throws DeliveryException {
            calls++;
            if (!unchecked.isEmpty()) {
                throw unchecked.pop();
            }
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            delivered.add(alert);
        }
    }

    @Test
    void aReceiverFailingTwiceThenSucceedingIsCalledThreeTimesAndDeliversOnce() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryable("timeout"), DeliveryException.retryable("503"));
        Outcome outcome = new RetryingDelivery(receiver, 5, recordPause).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.DELIVERED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(receiver.calls).isEqualTo(3);
        assertThat(receiver.delivered).containsExactly(alert);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastReason() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.retryable("first"),
                DeliveryException.retryable("second"), DeliveryException.retryable("third"));
        Outcome outcome = new RetryingDelivery(receiver, 3, recordPause).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.lastFailure()).hasMessage("third");
        assertThat(receiver.delivered).isEmpty();
        assertThat(pauses).hasSize(2);
    }

    @Test
    void stopsAtOnceOnANonRetryableFailure() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.permanent("400 bad request"));
        Outcome outcome = new RetryingDelivery(receiver, 5, recordPause).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(receiver.calls).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aReceiverThatThrowsUncheckedIsAFailureNotACrash() {
        ScriptedReceiver receiver = new ScriptedReceiver();
        receiver.unchecked.add(new IllegalStateException("bug in receiver"));
        Outcome outcome = new RetryingDelivery(receiver, 5, recordPause).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.lastFailure().retryable()).isFalse();
        assertThat(outcome.lastFailure().getMessage()).contains("scripted").contains("bug in receiver");
    }

    @Test
    void aPauseThatSaysStopAbandonsTheDelivery() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(DeliveryException.retryable("503"));
        StopSignal stop = new StopSignal();
        stop.stop();
        Outcome outcome = new RetryingDelivery(receiver, 5, stop).deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.ABANDONED);
        assertThat(receiver.calls).isEqualTo(1);
        assertThat(receiver.delivered).isEmpty();
    }

    @Test
    void anInterruptedThreadAbandonsWithoutCallingTheReceiver() {
        ScriptedReceiver receiver = new ScriptedReceiver();
        Thread.currentThread().interrupt();
        try {
            Outcome outcome = new RetryingDelivery(receiver, 5, recordPause).deliver(alert);
            assertThat(outcome.status()).isEqualTo(Status.ABANDONED);
            assertThat(receiver.calls).isZero();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1,   100,   200",
            "2,   200,   400",
            "3,   400,   800",
            "8, 12800, 25600",
            "9, 15000, 30000",
            "40, 15000, 30000"})
    void backoffDoublesWithJitterUpToTheCap(int retry, long min, long max) {
        RetryingDelivery delivery = new RetryingDelivery(new ScriptedReceiver(), 5, Duration.ofMillis(200),
                Duration.ofSeconds(30), recordPause, new Random(42));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waits.add(delivery.backoff(retry, Optional.empty()).toMillis());
        }
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(min, max));
        assertThat(waits.stream().distinct().count()).as("jitter spreads the waits").isGreaterThan(10);
    }

    @ParameterizedTest
    @CsvSource({
            "1,  3,  3000,  3000",
            "1, 45, 45000, 45000",
            "3,  0,   400,   800"})
    void retryAfterRaisesTheWaitEvenPastTheCap(int retry, long retryAfterSeconds, long atLeast, long atMost) {
        RetryingDelivery delivery = new RetryingDelivery(new ScriptedReceiver(), 5, Duration.ofMillis(200),
                Duration.ofSeconds(30), recordPause, new Random(7));
        Duration wait = delivery.backoff(retry, Optional.of(Duration.ofSeconds(retryAfterSeconds)));
        assertThat(wait.toMillis()).isBetween(atLeast, atMost);
    }

    @Test
    void aRetryThatWouldStartPastTheMaximumAgeFailsAtOnce() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofMinutes(20)));
        RetryingDelivery delivery = new RetryingDelivery(receiver, 10, Duration.ofMinutes(10), Duration.ofMillis(200),
                Duration.ofSeconds(30), recordPause, new Random(1), java.time.Clock.systemUTC());
        Outcome outcome = delivery.deliver(alert);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.lastFailure().getMessage()).contains("age limit");
        assertThat(pauses).as("no point waiting 20 minutes for a message that may only wait 10").isEmpty();
    }

    @Test
    void theRetryAfterOfAFailureIsWhatThePauseIsAskedFor() {
        ScriptedReceiver receiver = new ScriptedReceiver().failing(
                DeliveryException.retryableAfter("429", Duration.ofSeconds(4)));
        new RetryingDelivery(receiver, 2, recordPause).deliver(alert);
        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0)).isEqualTo(Duration.ofSeconds(4));
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
