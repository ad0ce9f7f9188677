package io.newswatch.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Repeats a benchmark's unit of work until the JIT compiler has finished with it: until the compiler's threads took
 * less than a given share of a core during each of several runs in a row ({@link CompilerActivity}), or until a time
 * cap.
 *
 * <p>Why a fixed number of warm-up runs is not enough here: the tagger's hottest methods are large (the event
 * reader's sentence method compiles to about 100 KB of code, the engine's match method to 40–60 KB), and on this
 * project's 2-core machine the JVM runs one C2 compiler thread. In a JVM that does nothing but tag, that thread was
 * busy for the first 12 s of `TaggerCpuTimeReport`, and the tagging rate kept rising for about 50 runs of the 256
 * articles; the best of 15 runs was taken while the tagger still ran partly in C1's profiled code, 30–40 % below the
 * rate it settled at.
 *
 * <p>Failure behaviour: where the compiler's time cannot be read ({@link CompilerActivity#supported()} false), the
 * unit runs once and the result says the warm-up could not tell when the compiler was done. An exception from the
 * unit ends the warm-up with that exception.
 */
public final class JitWarmUp {
    /** Below this share of a core, a run counts as one the compiler left alone. */
    public static final double QUIET_SHARE = 0.02;
    /** Quiet runs in a row that end the warm-up. */
    public static final int QUIET_RUNS = 3;

    /**
     * What the warm-up did.
     *
     * @param runs            units run
     * @param took            wall time of the warm-up
     * @param compilingMillis the compiler's time meanwhile (CPU time where Linux shows it)
     * @param settled         whether it ended on quiet runs (false: the cap, or no compiler figures)
     * @param lastShare       the compiler's share of a core during the last run (NaN: its time cannot be read)
     */
    public record Result(int runs, Duration took, long compilingMillis, boolean settled, double lastShare) {
        /** One line for a report. */
        public String describe() {
            if (Double.isNaN(lastShare)) {
                return String.format(Locale.ROOT, "one run in %.1f s (the JIT compiler's time cannot be read here)",
                        took.toMillis() / 1e3);
            }
            String how = settled
                    ? String.format(Locale.ROOT,
                            "until the JIT compiler took under %.0f%% of a core in %d runs in a row",
                            QUIET_SHARE * 100, QUIET_RUNS)
                    : String.format(Locale.ROOT, "stopped at the cap with the JIT compiler still at %.0f%% of a core",
                            lastShare * 100);
            return String.format(Locale.ROOT, "%d runs in %.1f s, %s (it compiled for %.1f s meanwhile)", runs,
                    took.toMillis() / 1e3, how, compilingMillis / 1e3);
        }
    }

    private JitWarmUp() {
    }

    /** Runs {@code unit} until the compiler is quiet ({@link #QUIET_SHARE}, {@link #QUIET_RUNS}) or {@code cap}. */
    public static Result run(Runnable unit, Duration cap) {
        CompilerActivity whole = new CompilerActivity();
        if (!whole.supported()) {
            long start = System.nanoTime();
            unit.run();
            return new Result(1, Duration.ofNanos(System.nanoTime() - start), 0, false, Double.NaN);
        }
        Result result = run(unit, u -> {
            CompilerActivity one = new CompilerActivity();
            u.run();
            return one.shareOfACore();
        }, cap, System::nanoTime);
        return new Result(result.runs(), result.took(), whole.compilingMillis(), result.settled(),
                result.lastShare());
    }

    /**
     * The loop itself: {@code runOnce} runs the unit and answers the compiler's share of a core meanwhile;
     * {@code nanoTime} is the clock the cap is read on. The result's compiling time is left at zero.
     */
    static Result run(Runnable unit, ToDoubleFunction<Runnable> runOnce, Duration cap, LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        int runs = 0;
        int quiet = 0;
        double share = 0;
        while (quiet < QUIET_RUNS) {
            if (runs > 0 && nanoTime.getAsLong() - start >= cap.toNanos()) {
                return new Result(runs, Duration.ofNanos(nanoTime.getAsLong() - start), 0, false, share);
            }
            share = runOnce.applyAsDouble(unit);
            runs++;
            quiet = share < QUIET_SHARE ? quiet + 1 : 0;
        }
        return new Result(runs, Duration.ofNanos(nanoTime.getAsLong() - start), 0, true, share);
    }
}
