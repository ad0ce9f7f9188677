package io.newswatch.cli.bench;

import java.time.Duration;

/**
 * How many records (and bytes of them) a benchmark step handled in how long: the one shape of every rate the
 * {@code bench} commands print.
 */
public record Rate(long count, long bytes, Duration took) {
    public double perSecond() {
        return count / seconds();
    }

    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    public double seconds() {
        return Math.max(took.toNanos() / 1e9, 1e-9);
    }
}
