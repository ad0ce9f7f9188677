package io.newswatch.cli.bench;

import io.newswatch.benchmarks.CompilerActivity;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the whole process did between a snapshot and now: the cores its threads kept busy on average (process CPU
 * time over wall time, the collector's and compiler's threads included), the time the collectors report for their
 * collections, and the JIT compiler's time ({@link CompilerActivity}). A benchmark prints it beside a rate so that a
 * reader can tell a run held back by idle cores (waiting, a serial step) from one that used the machine on work
 * other than the one measured.
 *
 * <p>When the JVM does not report process CPU time (not a {@code com.sun.management} bean), the cores are 0.
 */
public final class ProcessActivity {
    private final long cpuStart = processCpuNanos();
    private final long gcStart = gcMillis();
    private final long wallStart = System.nanoTime();
    private final CompilerActivity compiler = new CompilerActivity();

    /** Cores busy on average since the snapshot. */
    public double cores() {
        return (processCpuNanos() - cpuStart) / (double) Math.max(1, System.nanoTime() - wallStart);
    }

    /** Milliseconds the garbage collectors report since the snapshot. */
    public long gcMillis() {
        return gcMillisNow() - gcStart;
    }

    /** Milliseconds the JIT compiler spent compiling since the snapshot. */
    public long compilingMillis() {
        return compiler.compilingMillis();
    }

    /** "1.80 cores busy (GC pauses 3.8 s, JIT compiler 15.2 s of CPU)", as of now. */
    public String describe() {
        return String.format(Locale.ROOT, "%.2f cores busy (GC pauses %.1f s, %s)", cores(), gcMillis() / 1e3,
                compiler.describe());
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long gcMillisNow() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
