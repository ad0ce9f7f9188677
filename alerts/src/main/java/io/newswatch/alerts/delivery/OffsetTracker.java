package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which alerts of each assigned partition are still being delivered, so the service commits an offset only when
 * every alert before it is finished with (delivered to each of its receivers, or dead-lettered), even though the
 * receivers' lanes finish them in any order.
 *
 * <p>Each assignment of a partition gets a new epoch; a completion reported with an older epoch (a delivery that
 * ran on while the partition was revoked) is ignored, because the partition's new owner takes that alert through
 * again. Thread-safe: the consumer thread registers and reads, the lanes complete.
 */
public final class OffsetTracker {
    /** An alert with receivers still to finish. */
    private static final class Open {
        final Alert alert;
        int remaining;
        boolean anyFailed;

        Open(Alert alert, int remaining) {
            this.alert = alert;
            this.remaining = remaining;
        }
    }

    /** What finishing one receiver's part of an alert finished. */
    public record Completion(Alert alert, boolean finished, boolean deliveredEverywhere) {
    }

    private final Map<TopicPartition, Long> epochs = new HashMap<>();
    private final Map<TopicPartition, TreeMap<Long, Open>> open = new HashMap<>();
    private long nextEpoch = 1;
    private int inFlight;

    /** Starts a new epoch for a newly assigned partition and returns it. */
    public synchronized long assigned(TopicPartition tp) {
        long epoch = nextEpoch++;
        epochs.put(tp, epoch);
        TreeMap<Long, Open> old = open.put(tp, new TreeMap<>());
        if (old != null) {
            inFlight -= old.size();
        }
        return epoch;
    }

    /** Forgets a revoked partition: its open alerts are the next owner's. */
    public synchronized void revoked(TopicPartition tp) {
        epochs.remove(tp);
        TreeMap<Long, Open> old = open.remove(tp);
        if (old != null) {
            inFlight -= old.size();
        }
    }

    /** The partition's current epoch, or empty when it is not assigned. */
    public synchronized Optional<Long> epoch(TopicPartition tp) {
        return Optional.ofNullable(epochs.get(tp));
    }

    /**
     * Registers an alert at {@code offset} with {@code parts} receivers to finish; with zero parts it is finished
     * at once and nothing is registered.
     */
    public synchronized void register(TopicPartition tp, long offset, Alert alert, int parts) {
        TreeMap<Long, Open> p = open.get(tp);
        if (p == null || parts == 0) {
            return;
        }
        if (p.put(offset, new Open(alert, parts)) == null) {
            inFlight++;
        }
    }

    /**
     * One receiver is finished with the alert at {@code offset}. When it was the last, the alert is finished but
     * stays open, holding the commit back, until {@link #release}: the engine runs its delivery listeners in between,
     * so that whoever waits for the committed offset (the demo's summary, a test) also sees what the listeners did.
     *
     * @param delivered true when it was delivered, false when it was dead-lettered
     * @return what this finished; {@code finished} is false when other receivers remain, when the completion is
     *         stale, or when the alert was already finished
     */
    public synchronized Completion complete(TopicPartition tp, long offset, long epoch, boolean delivered) {
        Open o = current(tp, offset, epoch);
        if (o == null || o.remaining <= 0) {
            return new Completion(null, false, false);
        }
        o.anyFailed |= !delivered;
        if (--o.remaining > 0) {
            return new Completion(o.alert, false, false);
        }
        return new Completion(o.alert, true, !o.anyFailed);
    }

    /**
     * Lets a finished alert's offset be committed. Ignored for an alert not finished yet, an unknown offset or a stale
     * epoch (the partition's new owner takes the alert through again).
     */
    public synchronized void release(TopicPartition tp, long offset, long epoch) {
        Open o = current(tp, offset, epoch);
        if (o != null && o.remaining <= 0) {
            open.get(tp).remove(offset);
            inFlight--;
        }
    }

    private Open current(TopicPartition tp, long offset, long epoch) {
        Long current = epochs.get(tp);
        TreeMap<Long, Open> p = open.get(tp);
        return current == null || current != epoch || p == null ? null : p.get(offset);
    }

    /**
     * The lowest offset of the partition still open, or empty when everything read so far is finished (then the
     * consumer's position is safe to commit).
     */
    public synchronized Optional<Long> lowestOpen(TopicPartition tp) {
        TreeMap<Long, Open> p = open.get(tp);
        return p == null || p.isEmpty() ? Optional.empty() : Optional.of(p.firstKey());
    }

    /** Alerts registered and not yet finished, over all partitions. */
    public synchronized int inFlight() {
        return inFlight;
    }
}
