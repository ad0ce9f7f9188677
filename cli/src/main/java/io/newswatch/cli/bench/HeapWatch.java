package io.newswatch.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a benchmark needed: the largest heap in use right after a garbage collection, over the time the watch
 * was open. Right after a collection the heap holds what is live plus what the collector chose to leave (G1 leaves
 * old regions until a mixed collection), so this is an upper bound of the live set, and the figure that says
 * whether a run fits a smaller heap: the heap in use at an arbitrary moment counts garbage too.
 *
 * <p>The collector's notifications ({@link GarbageCollectionNotificationInfo}) arrive on a JMX thread; a JVM that
 * sends none (not HotSpot) leaves the peak at zero.
 */
public final class HeapWatch implements AutoCloseable {
    /** A collection reports every pool, code and metaspace too; only these count. */
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peak.accumulateAndGet(used, Math::max);
        }
    };

    /** Starts watching. */
    public HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /**
     * The largest heap in use right after a collection since the watch started or since the last call, and starts
     * again: the peak of one phase of a benchmark.
     */
    public long takePeak() {
        return peak.getAndSet(0);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // removed already
            }
        }
    }
}
