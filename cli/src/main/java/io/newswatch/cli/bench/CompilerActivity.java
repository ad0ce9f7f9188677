package io.newswatch.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compiler was between two snapshots, from {@link CompilationMXBean#getTotalCompilationTime()}.
 *
 * <p>Why a benchmark needs it: the embedded pipeline runs the broker, the clients, Kafka Streams, RocksDB's JNI and
 * Jackson in one JVM, tens of thousands of hot methods. On two cores the C2 compiler needs minutes of load to catch
 * up with them, and until it has, it takes most of a core and leaves the pipeline running in profiled C1 code. A
 * figure taken then measures the JIT's backlog, not the pipeline a long-running service becomes; the raw reference,
 * a few hundred methods, is compiled within seconds, so the ratio would be skewed as well.
 *
 * <p>Compiler threads are hidden from {@link java.lang.management.ThreadMXBean}, so {@link CpuByThreadGroup} cannot
 * see them; this is their share instead. When the JVM does not support compilation time monitoring,
 * {@link #supported()} is false and every share is zero.
 */
public final class CompilerActivity {
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final long startMillis;
    private final long startNanos;

    /** Takes the starting snapshot. */
    public CompilerActivity() {
        this.startMillis = compilationMillis();
        this.startNanos = System.nanoTime();
    }

    /** Whether this JVM reports compilation time. */
    public boolean supported() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported();
    }

    /** Milliseconds the compiler threads spent compiling since the snapshot, summed over those threads. */
    public long compilingMillis() {
        return compilationMillis() - startMillis;
    }

    /**
     * The compiler's time since the snapshot over the wall time since the snapshot: 0.5 means half of one core
     * was compiling on average.
     */
    public double shareOfACore() {
        long wallMillis = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        return (double) compilingMillis() / wallMillis;
    }

    private long compilationMillis() {
        return supported() ? compiler.getTotalCompilationTime() : 0;
    }
}
