package io.newswatch.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process's threads, summed by role (the stream threads, the broker, the alerts service, the
 * clients' I/O threads, the benchmark), between two snapshots: where a benchmark's time goes, per article. The
 * garbage collector's and the JIT compiler's threads are hidden from {@link ThreadMXBean} and not counted here;
 * {@link io.newswatch.benchmarks.CompilerActivity} reports the compiler.
 */
public final class CpuByThreadGroup {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new TreeMap<>();
    private final Map<Long, String> names = new TreeMap<>();

    /** Takes the starting snapshot. */
    public CpuByThreadGroup() {
        snapshot(start);
    }

    private void snapshot(Map<Long, Long> into) {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            var info = threads.getThreadInfo(id);
            if (cpu >= 0 && info != null) {
                into.put(id, cpu);
                names.put(id, info.getThreadName());
            }
        }
    }

    /** CPU nanoseconds per role since the starting snapshot, largest first. */
    public Map<String, Long> sinceStart() {
        return sinceStart(null);
    }

    /**
     * As {@link #sinceStart()}, leaving out the thread named {@code excluded}: one whose caller counts its time
     * itself, because a thread that has ended by the time of the snapshot is not seen, and one still ending would be
     * seen only in part.
     */
    public Map<String, Long> sinceStart(String excluded) {
        Map<Long, Long> now = new TreeMap<>();
        snapshot(now);
        Map<String, Long> byGroup = new TreeMap<>();
        now.forEach((id, cpu) -> {
            if (!names.get(id).equals(excluded)) {
                byGroup.merge(group(names.get(id)), cpu - start.getOrDefault(id, 0L), Long::sum);
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String group(String thread) {
        if (thread == null) {
            return "other";
        }
        if (thread.contains("StreamThread") && !thread.contains("producer")) {
            return "streams";
        }
        if (thread.contains("kafka-producer-network-thread")) {
            return "producers' I/O";
        }
        if (thread.startsWith("newswatch-alerts") || thread.contains("follow-news.deliveries")) {
            return "alerts";
        }
        if (thread.startsWith("data-plane") || thread.startsWith("kafka-") || thread.contains("quorum")
                || thread.contains("raft") || thread.contains("Txn") || thread.contains("group-coordinator")
                || thread.contains("log-cleaner") || thread.contains("ReplicaFetcher")
                || thread.contains("AddPartitionsToTxn")) {
            return "broker";
        }
        if (thread.equals("main")) {
            return "benchmark";
        }
        return "other";
    }
}
