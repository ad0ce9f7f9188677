package io.newswatch.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How busy the JIT compiler was between two snapshots: the CPU time of its threads where Linux shows them
 * ({@code /proc/self/task/<tid>/schedstat}), else the JVM's own count,
 * {@link CompilationMXBean#getTotalCompilationTime()}.
 *
 * <p>Why a benchmark needs it: the embedded pipeline runs the broker, the clients, Kafka Streams, RocksDB's JNI and
 * Jackson in one JVM, tens of thousands of hot methods. On two cores the C2 compiler needs minutes of load to catch
 * up with them, and until it has, it takes a good part of a core and leaves the pipeline running in profiled C1 code.
 * A figure taken then measures the JIT's backlog, not the pipeline a long-running service becomes; the raw
 * reference, a few hundred methods, is compiled within seconds, so the ratio would be skewed as well.
 *
 * <p>Why CPU time first: the JVM's count is the wall time of each compilation, summed over the compiler threads. On a
 * machine whose cores the benchmark keeps busy, a compiler thread waits for a core for much of that time, so the
 * count overstates what the compiler took: in a backfill on two cores it said 31 s where the compiler threads had
 * used 15 s of CPU. Compiler threads are hidden from {@link java.lang.management.ThreadMXBean}, so
 * the cli's per-thread CPU counts cannot see them; they are found here by their names ({@code C1 CompilerThread},
 * {@code C2 CompilerThread}). Each thread's time is taken against its own starting value (a thread started since
 * counts from zero): the JVM starts extra compiler threads under load and retires them when idle
 * ({@code -XX:+UseDynamicNumberOfCompilerThreads}), and a retired thread takes its time with it, so a plain sum
 * could go down. The figure is then a lower bound, never negative. {@link #cpuTime()} says which measure is in use;
 * when the JVM supports neither, {@link #supported()} is false and every share is zero.
 */
public final class CompilerActivity {
    private static final Path TASKS = Path.of("/proc/self/task");

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final Map<String, Long> startThreads = compilerThreadsCpu();
    private final boolean cpuTime = startThreads != null;
    private final long startMillis;
    private final long startNanos;

    /** Takes the starting snapshot. */
    public CompilerActivity() {
        this.startMillis = jvmCountMillis();
        this.startNanos = System.nanoTime();
    }

    /** Whether this JVM reports compilation time one way or the other. */
    public boolean supported() {
        return cpuTime || compiler != null && compiler.isCompilationTimeMonitoringSupported();
    }

    /** Whether the figures are the compiler threads' CPU time (true) or the JVM's count of compile time. */
    public boolean cpuTime() {
        return cpuTime;
    }

    /** Milliseconds the compiler threads spent compiling since the snapshot, summed over those threads. */
    public long compilingMillis() {
        if (cpuTime) {
            Map<String, Long> now = compilerThreadsCpu();
            if (now != null) {
                return nanosSince(startThreads, now) / 1_000_000;
            }
        }
        return jvmCountMillis() - startMillis;
    }

    /**
     * The compiler's time since the snapshot over the wall time since the snapshot: 0.5 means half of one core
     * was compiling on average.
     */
    public double shareOfACore() {
        long wallMillis = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        return (double) compilingMillis() / wallMillis;
    }

    /** "JIT compiler 15.2 s of CPU" or "JIT compiling 31.0 s" (the JVM's count), since the snapshot. */
    public String describe() {
        return String.format(Locale.ROOT, cpuTime ? "JIT compiler %.1f s of CPU" : "JIT compiling %.1f s",
                compilingMillis() / 1e3);
    }

    /**
     * The CPU time the threads of {@code now} used since {@code start}, each against its own starting value (zero
     * for a thread started since); a thread of {@code start} that is gone adds nothing.
     */
    static long nanosSince(Map<String, Long> start, Map<String, Long> now) {
        long nanos = 0;
        for (Map.Entry<String, Long> thread : now.entrySet()) {
            nanos += Math.max(0, thread.getValue() - start.getOrDefault(thread.getKey(), 0L));
        }
        return nanos;
    }

    private long jvmCountMillis() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : 0;
    }

    /**
     * The CPU time of each live JIT compiler thread, in nanoseconds, by thread id, from the first field of each
     * thread's {@code schedstat}; null when there is no such file or no compiler thread is found.
     */
    static Map<String, Long> compilerThreadsCpu() {
        if (!Files.isDirectory(TASKS)) {
            return null;
        }
        Map<String, Long> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name;
                String schedstat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                        continue;
                    }
                    schedstat = Files.readString(task.resolve("schedstat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                threads.put(task.getFileName().toString(),
                        Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return threads.isEmpty() ? null : threads;
    }
}
