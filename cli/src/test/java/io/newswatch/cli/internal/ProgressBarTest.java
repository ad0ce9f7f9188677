package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.Backfill;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersCountsPercentRateAndEta() {
        // 1,234 of 5,000 in 25.6 s: 48.2/s, 3,766 left take 78 s
        assertThat(ProgressBar.render(1_234, 5_000, 25_600_000_000L))
                .isEqualTo("[##........] 1,234/5,000 24% 48.2/s ETA 1m18s");
        assertThat(ProgressBar.render(2_500, 5_000, 10 * SECOND))
                .isEqualTo("[#####.....] 2,500/5,000 50% 250.0/s ETA 10s");
    }

    @Test
    void rendersTheEnds() {
        assertThat(ProgressBar.render(0, 40, 0)).isEqualTo("[..........] 0/40 0% 0.0/s ETA ?");
        assertThat(ProgressBar.render(40, 40, 8 * SECOND)).isEqualTo("[##########] 40/40 100% 5.0/s ETA 0s");
        assertThat(ProgressBar.render(0, 0, SECOND)).isEqualTo("[##########] 0/0 100% 0.0/s ETA 0s");
        // more done than announced (an archive that grew between the phases) never overflows the bar
        assertThat(ProgressBar.render(45, 40, 9 * SECOND)).isEqualTo("[##########] 45/40 100% 5.0/s ETA 0s");
    }

    @Test
    void rendersAnUnknownTotalAsACount() {
        assertThat(ProgressBar.render(12_345, -1, 5 * SECOND)).isEqualTo("12,345 so far 2469.0/s");
    }

    @Test
    void formatsLongEtas() {
        assertThat(ProgressBar.duration(59)).isEqualTo("59s");
        assertThat(ProgressBar.duration(65)).isEqualTo("1m05s");
        assertThat(ProgressBar.duration(7_500)).isEqualTo("2h05m");
        assertThat(ProgressBar.render(1, 10_000, SECOND)).endsWith("ETA 2h46m");
    }

    @Test
    void redrawsInPlaceOnATerminalAndEndsTheLine() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.update(0, 100);
        clock.addAndGet(SECOND);
        bar.update(10, 100);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        bar.update(11, 100); // too soon after the last redraw: not drawn yet
        bar.finish();
        bar.finish();

        assertThat(written()).isEqualTo("\r[..........] 0/100 0% 0.0/s ETA ?"
                + "\r[#.........] 10/100 10% 10.0/s ETA 9s"
                + "\r[#.........] 11/100 11% 10.9/s ETA 8s"
                + System.lineSeparator());
    }

    @Test
    void endsTheTerminalLineWhenTheBackfillReturns() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.started(2);
        bar.processed(new Backfill.Counts(2, 1, 1, 0, 0));
        bar.processed(new Backfill.Counts(2, 2, 1, 1, 0));
        bar.finished(null);
        assertThat(written()).startsWith("\r[..........] 0/2 0% 0.0/s ETA ?")
                .endsWith("\r[##########] 2/2 100% 0.0/s ETA 0s" + System.lineSeparator());
    }

    @Test
    void padsAShorterLineOverALongerOne() {
        ProgressBar bar = new ProgressBar(out, true, clock::get);
        bar.update(123_456, -1);
        bar.restart();
        bar.update(0, 9);
        assertThat(written()).isEqualTo("\r123,456 so far 0.0/s\r[..........] 0/9 0% 0.0/s ETA ?");
        String shortLine = ProgressBar.render(1, -1, SECOND);
        clock.addAndGet(SECOND);
        bar.update(1, -1);
        assertThat(written()).endsWith("\r" + shortLine + " ".repeat(
                "[..........] 0/9 0% 0.0/s ETA ?".length() - shortLine.length()));
    }

    @Test
    void printsPlainLinesAtMostEveryFiveSecondsWithoutATerminal() {
        ProgressBar bar = new ProgressBar(out, false, clock::get);
        for (int done = 1; done <= 12; done++) {
            clock.addAndGet(SECOND);
            bar.update(done, 12);
        }
        bar.finish();

        String[] lines = written().split(System.lineSeparator());
        assertThat(written()).doesNotContain("\r");
        // the clock starts at the first update (done 1); lines at +5 s and +10 s, and the final state
        assertThat(lines).containsExactly(
                "[#####.....] 6/12 50% 1.2/s ETA 5s",
                "[#########.] 11/12 91% 1.1/s ETA 1s",
                "[##########] 12/12 100% 1.1/s ETA 0s");
    }

    @Test
    void followsBothPhasesOfABackfill() {
        ProgressBar bar = new ProgressBar(out, false, clock::get);
        bar.counting(1);
        clock.addAndGet(6 * SECOND);
        bar.counting(300);
        bar.started(300);
        clock.addAndGet(6 * SECOND);
        bar.processed(new Backfill.Counts(300, 60, 50, 9, 1));
        bar.finished(null);
        bar.finish();

        // the rate of the second phase counts from its start, not from the counting
        assertThat(written().split(System.lineSeparator())).containsExactly(
                "300 so far 50.0/s",
                "[##........] 60/300 20% 10.0/s ETA 24s");
    }
}
