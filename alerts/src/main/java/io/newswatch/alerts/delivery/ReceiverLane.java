package io.newswatch.alerts.delivery;

import io.newswatch.alerts.delivery.internal.DeadLetterWriter;
import io.newswatch.alerts.delivery.internal.RetryingDelivery;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.alerts.routing.Route;
import io.newswatch.model.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's own delivery thread: its queue, its groups, its retries. A receiver that is slow, down or
 * throttling (Retry-After) holds up only its own lane; every other receiver keeps getting alerts at once. Within a
 * lane messages go out in order, so a receiver sees alerts in the order they were raised.
 *
 * <p>Each message is delivered with {@link RetryingDelivery} (backoff, Retry-After, maximum age, and a circuit breaker:
 * while the receiver is down the message in hand waits for it, probing, and the rest wait behind it). Then,
 * for every alert it settles: when delivered, a {@link Delivery} record goes to the {@link DeliveryLedger}; when
 * given up on, the alert's original record goes to the alerts' dead-letter topic with the reason and this
 * receiver's name. Either write is retried until the broker acknowledges it (or the lane stops), and only then is
 * the alert reported finished, so its offset is never committed ahead of it.
 *
 * <p>Alerts of a partition this instance no longer owns (a stale {@link Incoming#epoch()}) are dropped before they
 * are sent, and a message made only of them stops retrying: the partition's new owner sends them.
 *
 * <p>Shutdown: {@link #stop()} ends the lane after the message in hand (its retry pauses are cut short); a
 * message cut short is not reported finished, so its alerts are read and sent again after a restart.
 */
public final class ReceiverLane {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverLane.class);
    private static final Duration IDLE_WAKE = Duration.ofMillis(500);
    private static final Duration WRITE_RETRY_PAUSE = Duration.ofSeconds(2);

    /** Receives the end of one receiver's part of an alert. */
    @FunctionalInterface
    public interface Finished {
        /** @param delivered true when delivered, false when dead-lettered */
        void finished(Incoming in, boolean delivered);
    }

    private record Work(Route route, Incoming in) {
    }

    /** A delivered alert whose delivery record is on its way to the broker. */
    private record Recording(Incoming in, Delivery delivery, CompletableFuture<Void> acked) {
    }

    /** Delivery records in flight before the lane waits for them. */
    private static final int MAX_RECORDING = 500;
    private static final Duration ACK_WAIT = Duration.ofSeconds(35);

    private final AlertReceiver receiver;
    private final RetryingDelivery delivery;
    private final DeliveryLedger ledger;
    private final DeadLetterWriter deadLetters;
    private final Predicate<Incoming> current;
    private final Finished finished;
    private final Clock clock;
    private final LanePause pause;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final AlertGroups groups = new AlertGroups();
    private final List<Recording> recording = new ArrayList<>();
    private final Thread thread;
    private volatile Outgoing inHand;
    private volatile boolean stopping;

    /**
     * @param receiver    where messages go
     * @param settings    maximum age, backoff and circuit breaker
     * @param ledger      where deliveries are recorded
     * @param deadLetters the alerts' dead-letter topic
     * @param current     whether an alert still belongs to this instance (its partition's epoch is current)
     * @param finished    told when this receiver is finished with an alert
     * @param clock       drives grouping and the age limit
     */
    public ReceiverLane(AlertReceiver receiver, DeliverySettings settings, DeliveryLedger ledger,
                        DeadLetterWriter deadLetters, Predicate<Incoming> current, Finished finished, Clock clock) {
        this.receiver = receiver;
        this.pause = new LanePause();
        this.delivery = new RetryingDelivery(receiver, settings.policy(), pause, clock);
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.current = current;
        this.finished = finished;
        this.clock = clock;
        this.thread = new Thread(this::run, "newswatch-alerts-lane-" + receiver.name());
        this.thread.setDaemon(true);
    }

    /** The receiver's name. */
    public String name() {
        return receiver.name();
    }

    /** Starts the lane's thread. */
    public void start() {
        thread.start();
    }

    /** Queues an alert that {@code route} sends to this receiver. */
    public void enqueue(Route route, Incoming in) {
        queue.add(new Work(route, in));
    }

    /** Whether the message being sent settles an alert of one of the partitions. */
    public boolean busyWith(Set<TopicPartition> partitions) {
        Outgoing o = inHand;
        return o != null && o.carried().stream().anyMatch(in -> partitions.contains(in.partition()));
    }

    private void run() {
        try {
            while (!stopping) {
                if (queue.isEmpty()) {
                    settle(); // nothing else to do now: finish what was delivered before waiting
                }
                Instant now = clock.instant();
                Duration wait = groups.nextDue().map(at -> Duration.between(now, at)).orElse(IDLE_WAKE);
                if (wait.compareTo(IDLE_WAKE) > 0) {
                    wait = IDLE_WAKE;
                }
                Work work = wait.isNegative() || wait.isZero() ? queue.poll()
                        : queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (work != null) {
                    accept(work);
                }
                if (recording.size() >= MAX_RECORDING) {
                    settle();
                }
                groups.removeWaiting(in -> !current.test(in));
                for (Outgoing o : groups.due(clock.instant())) {
                    if (stopping) {
                        break;
                    }
                    send(o);
                }
            }
            settle(); // the receivers have these: record them, so a restart does not send them again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the delivery lane of {} stopped on an unexpected error; its alerts stay uncommitted and are "
                    + "delivered after a restart", receiver.name(), e);
        }
    }

    private void accept(Work work) {
        if (!current.test(work.in())) {
            return;
        }
        if (work.route().grouping().groups()) {
            groups.add(work.route(), work.in(), clock.instant());
        } else {
            send(Outgoing.single(work.in()));
        }
    }

    private void send(Outgoing o) {
        if (!o.carried().isEmpty() && o.carried().stream().noneMatch(current)) {
            return;
        }
        inHand = o;
        try {
            RetryingDelivery.Outcome outcome = delivery.deliver(o.notification(),
                    () -> stopping || (!o.carried().isEmpty() && o.carried().stream().noneMatch(current)));
            switch (outcome.status()) {
                case DELIVERED -> {
                    Instant at = clock.instant();
                    for (Incoming in : o.carried()) {
                        Delivery d = new Delivery(Delivery.SCHEMA_VERSION, receiver.name(), in.alert().id(),
                                in.alert().revision(), o.notification().key(), at, outcome.attempts());
                        recording.add(new Recording(in, d, ledger.recordAsync(d)));
                    }
                    LOG.debug("{} delivered to {}", RetryingDelivery.describe(o.notification()), receiver.name());
                }
                case FAILED -> deadLetter(o, outcome);
                case ABANDONED -> LOG.info("{} to {} not finished (shutdown or rebalance); it is sent again by "
                        + "whoever owns its alerts next", RetryingDelivery.describe(o.notification()), receiver.name());
            }
        } finally {
            inHand = null;
        }
    }

    private void deadLetter(Outgoing o, RetryingDelivery.Outcome outcome) {
        DeliveryException why = outcome.lastFailure();
        if (o.carried().isEmpty()) {
            LOG.warn("receiver {} gave up on {} after {} attempt(s): {}", receiver.name(),
                    RetryingDelivery.describe(o.notification()), outcome.attempts(), why.getMessage());
            return;
        }
        for (Incoming in : o.carried()) {
            if (!writeUntilDone(() -> deadLetters.write(in.record(), why, receiver.name()),
                    "the dead letter of " + in.where())) {
                return;
            }
            finished.finished(in, false);
        }
        LOG.warn("receiver {} gave up on {} after {} attempt(s); its {} alert(s) went to the dead-letter topic: {}",
                receiver.name(), RetryingDelivery.describe(o.notification()), outcome.attempts(), o.carried().size(),
                why.getMessage());
    }

    /**
     * Waits for the delivery records in flight and reports their alerts finished; a record the broker refused is
     * written again until it is acknowledged (or the lane stops, leaving its alert unfinished: it is looked at
     * again after a restart and the receiver may get it twice).
     */
    private void settle() {
        for (Recording r : recording) {
            boolean acked;
            try {
                r.acked().get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                acked = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acked = false;
            } catch (ExecutionException | TimeoutException e) {
                acked = writeUntilDone(() -> ledger.record(r.delivery()),
                        "the delivery record of " + r.in().alert().deliveryKey());
            }
            if (acked) {
                finished.finished(r.in(), true);
            }
        }
        recording.clear();
    }

    /** Runs a Kafka write until it is acknowledged; false when the lane stopped first. */
    private boolean writeUntilDone(Runnable write, String what) {
        while (true) {
            try {
                write.run();
                return true;
            } catch (KafkaException e) {
                LOG.error("{} for {} was not written ({}); trying again in {} s", what, receiver.name(),
                        e.getMessage(), WRITE_RETRY_PAUSE.toSeconds());
                if (!pause.pause(WRITE_RETRY_PAUSE)) {
                    return false;
                }
            }
        }
    }

    /** Asks the lane to stop after the message in hand; its retry pauses end at once. Returns immediately. */
    public void requestStop() {
        stopping = true;
        pause.wake();
    }

    /**
     * Waits until {@code deadline} (a {@link System#nanoTime()}) for the lane to end, then interrupts it (a receiver
     * hanging in I/O) and waits up to one more second.
     */
    public void awaitStop(long deadline) {
        try {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                LOG.warn("receiver {} still busy at shutdown, interrupting it", receiver.name());
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Retry pauses that end at once when the lane stops. */
    private final class LanePause implements RetryingDelivery.Pause {
        private final Object lock = new Object();

        @Override
        public boolean pause(Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            synchronized (lock) {
                while (!stopping) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return true;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return false;
            }
        }

        void wake() {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }
}
