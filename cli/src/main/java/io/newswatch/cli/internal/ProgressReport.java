package io.newswatch.cli.internal;

import io.newswatch.ingest.Backfill;
import java.io.PrintStream;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long command (a backfill, a replay, a benchmark's load) on standard error, drawn by the
 * progressbar library ({@code me.tongfei:progressbar}): the task, the percentage, a bar, done/total, elapsed and
 * remaining time and the rate; while the total is not known yet, the count so far and the rate.
 *
 * <p>On a terminal the line is redrawn in place every {@value #REDRAW_MILLIS} ms. When standard error is a file or
 * a pipe (a log, CI) the terminal's carriage returns would pile up on one line, so a plain line is printed instead,
 * at most every {@value #PLAIN_MILLIS} ms and only when something moved, which keeps logs short. The drawing runs
 * on the library's own daemon thread; the caller only reports numbers. {@link #finish()} draws the final state and
 * ends the line. Thread safe.
 *
 * <p>As a {@link Backfill.Progress} it shows the counting phase with an unknown total, then the processing phase
 * against the total found (the rate and ETA count from its start), and ends its line when the backfill returns,
 * before the backfill logs its summary. When the total comes after processing began (stored pages, whose total is
 * estimated until the archive has been read), the bar keeps its count and clock and only takes the total.
 */
public final class ProgressReport implements Backfill.Progress {
    static final int REDRAW_MILLIS = 100;
    static final int PLAIN_MILLIS = 5_000;

    private final String task;
    private final Supplier<ProgressBarConsumer> consumers;
    private final int intervalMillis;
    private ProgressBar bar;
    private boolean processing;

    /**
     * @param task           the name the line starts with
     * @param consumers      makes the consumer of one bar's lines (a bar closes its consumer when it finishes)
     * @param intervalMillis the least time between two drawings
     */
    ProgressReport(String task, Supplier<ProgressBarConsumer> consumers, int intervalMillis) {
        this.task = task;
        this.consumers = consumers;
        this.intervalMillis = intervalMillis;
    }

    /** A report on standard error, redrawn in place when the process has a console, plain lines otherwise. */
    public static ProgressReport onStderr(String task) {
        return on(System.err, System.console() != null, task);
    }

    static ProgressReport on(PrintStream out, boolean terminal, String task) {
        if (terminal) {
            return new ProgressReport(task, () -> new ConsoleProgressBarConsumer(out), REDRAW_MILLIS);
        }
        return new ProgressReport(task, () -> new DelegatingProgressBarConsumer(line -> {
            out.println(line);
            out.flush();
        }), PLAIN_MILLIS);
    }

    /**
     * Records progress; it is drawn at the next tick.
     *
     * @param done  units done
     * @param total units in all, or negative when not known yet
     */
    public synchronized void update(long done, long total) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(intervalMillis)
                    .setConsumer(consumers.get())
                    .showSpeed()
                    .build();
        } else if (bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
    }

    /** Starts the clock for the rate and ETA again, for a new phase, on the same line. */
    public synchronized void restart() {
        if (bar != null) {
            bar.reset();
        }
    }

    /** Draws the last state and ends the line; does nothing when nothing was reported since the last finish. */
    public synchronized void finish() {
        processing = false;
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void counting(int found) {
        update(found, -1);
    }

    @Override
    public synchronized void started(int total) {
        if (processing) {
            bar.maxHint(total);
            return;
        }
        restart();
        update(0, total);
    }

    @Override
    public synchronized void processed(Backfill.Counts counts) {
        processing = true;
        update(counts.done(), counts.total());
    }

    @Override
    public void finished(Backfill.Summary summary) {
        finish();
    }
}
