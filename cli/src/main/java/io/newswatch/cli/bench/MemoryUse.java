package io.newswatch.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory this process holds at one moment: the heap in use, its old generation, and the resident set the
 * operating system counts (heap, metaspace, thread stacks, RocksDB's native memory and the broker's mapped
 * segments that are resident). The benchmark takes one at the end of each quarter of a latency run, to show whether
 * the pipeline's memory levels off under a sustained load.
 *
 * @param heapUsedBytes    heap in use, garbage included (what the next collection may free)
 * @param oldGenUsedBytes  the old generation's use, or -1 when the collector has none by that name
 * @param oldGenAfterGcBytes the old generation's use after the last collection that included it, or -1 when none
 *                         did yet
 * @param rssBytes         the resident set size from {@code /proc/self/status}, or -1 where there is none
 * @param rssAnonBytes     its anonymous part ({@code RssAnon}: heap, native allocations such as RocksDB's, thread
 *                         stacks), or -1; the rest is mapped files, among them the benchmark's own memory-mapped
 *                         articles, whose pages stay resident as they are read
 */
public record MemoryUse(long heapUsedBytes, long oldGenUsedBytes, long oldGenAfterGcBytes, long rssBytes,
                        long rssAnonBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** The figures now. Never fails: a figure that cannot be read is -1. */
    public static MemoryUse now() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long old = -1;
        long oldAfterGc = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old Gen")) {
                old = pool.getUsage().getUsed();
                var after = pool.getCollectionUsage();
                oldAfterGc = after == null || after.getUsed() == 0 ? -1 : after.getUsed();
            }
        }
        return new MemoryUse(heap, old, oldAfterGc, status("VmRSS:"), status("RssAnon:"));
    }

    /** A field of {@code /proc/self/status} given in kB, in bytes, or -1. */
    static long status(String field) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // the kernel writes kB
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux, or a format this does not know: the figure is left out, not guessed
        }
    }

    /** As the benchmark prints it: mebibytes, "n/a" for an unknown figure. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "heap used %s MiB (old generation %s MiB, %s MiB after its last "
                + "collection), RSS %s MiB (%s MiB anonymous)", mib(heapUsedBytes), mib(oldGenUsedBytes),
                mib(oldGenAfterGcBytes), mib(rssBytes), mib(rssAnonBytes));
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.valueOf(bytes >> 20);
    }
}
