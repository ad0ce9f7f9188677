package io.newswatch.cli.internal;

import io.newswatch.ingest.Backfill;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on standard error: {@code [#####.....] 1,234/5,000 25% 48.2/s ETA 1m18s}, or
 * {@code 1,234 so far 48.2/s} while the total is not known yet.
 *
 * <p>On a terminal the line is redrawn in place (carriage return) at most every {@value #REDRAW_MILLIS} ms; when
 * standard error is a file or a pipe a plain line is printed at most every {@value #PLAIN_SECONDS} s, so logs stay
 * short. {@link #finish()} draws the last state and ends the line. The rate and ETA count from the last
 * {@link #restart()} (or the first update). Thread safe.
 *
 * <p>As a {@link Backfill.Progress} it shows the counting phase with an unknown total, then the processing phase
 * against the total found, and ends its line when the backfill returns (before the backfill logs its summary).
 */
public final class ProgressBar implements Backfill.Progress {
    static final int BAR_WIDTH = 10;
    static final long REDRAW_MILLIS = 100;
    static final long PLAIN_SECONDS = 5;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private long startNanos = -1;
    private long lastDrawNanos = -1;
    private long done;
    private long total = -1;
    private boolean pending;
    private boolean phaseChanged;
    private boolean lineOpen;
    private int lastLength;

    /**
     * @param out       where to draw
     * @param terminal  true to redraw in place, false for plain throttled lines
     * @param nanoClock monotonic time in nanoseconds ({@link System#nanoTime()} outside tests)
     */
    public ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** A bar on standard error, redrawn in place when the process has a console. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    /**
     * Records progress and redraws when due.
     *
     * @param done  units done
     * @param total units in all, or negative when not known yet
     */
    public synchronized void update(long done, long total) {
        long now = nanoClock.getAsLong();
        if (startNanos < 0) {
            startNanos = now;
        }
        if (lastDrawNanos < 0) {
            lastDrawNanos = now; // plain lines are due every PLAIN_SECONDS from the first update
        }
        this.done = done;
        this.total = total;
        pending = true;
        long since = now - lastDrawNanos;
        boolean due = terminal ? !lineOpen || phaseChanged || since >= TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS)
                : since >= TimeUnit.SECONDS.toNanos(PLAIN_SECONDS);
        if (due) {
            draw(now);
        }
    }

    /**
     * Starts the clock for the rate and ETA again at the next update, for a new phase; a terminal line is redrawn
     * in place at once.
     */
    public synchronized void restart() {
        startNanos = -1;
        phaseChanged = true;
    }

    /** Draws the last state if not yet shown and ends the line; does nothing when nothing was reported since. */
    public synchronized void finish() {
        if (pending) {
            draw(nanoClock.getAsLong());
        }
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
            lastLength = 0;
        }
    }

    private void draw(long now) {
        String line = render(done, total, now - startNanos);
        if (terminal) {
            String padding = " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + line + padding);
            lineOpen = true;
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
        lastDrawNanos = now;
        pending = false;
        phaseChanged = false;
    }

    /**
     * The progress line for these counts, without any control characters.
     *
     * @param done         units done
     * @param total        units in all, or negative when not known
     * @param elapsedNanos time the units took
     */
    public static String render(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String rateText = String.format(Locale.ROOT, "%.1f/s", rate);
        if (total < 0) {
            return String.format(Locale.ROOT, "%,d so far %s", done, rateText);
        }
        long shown = Math.min(done, total);
        int percent = total == 0 ? 100 : (int) (shown * 100 / total);
        int filled = total == 0 ? BAR_WIDTH : (int) (shown * BAR_WIDTH / total);
        String bar = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
        String eta;
        if (shown >= total) {
            eta = "0s";
        } else if (rate > 0) {
            eta = duration(Math.round((total - shown) / rate));
        } else {
            eta = "?";
        }
        return String.format(Locale.ROOT, "%s %,d/%,d %d%% %s ETA %s", bar, done, total, percent, rateText, eta);
    }

    /** 42s, 1m18s, 2h05m. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }

    @Override
    public void counting(int found) {
        update(found, -1);
    }

    @Override
    public void started(int total) {
        restart();
        update(0, total);
    }

    @Override
    public void processed(Backfill.Counts counts) {
        update(counts.done(), counts.total());
    }

    @Override
    public void finished(Backfill.Summary summary) {
        finish();
    }
}
