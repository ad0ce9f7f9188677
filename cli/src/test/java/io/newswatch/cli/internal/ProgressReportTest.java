package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.ingest.Backfill;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressReportTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Plain lines, as in a log, but drawn every 20 ms so the test need not wait five seconds. */
    private ProgressReport report() {
        return new ProgressReport("backfill", () -> new DelegatingProgressBarConsumer(lines::add, 120), 20);
    }

    @Test
    void aKnownTotalShowsTheCountOfTheTotalAndThePercentage() {
        ProgressReport report = report();
        report.update(25, 100);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("25/100")));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("backfill").contains("25%"));
        report.update(100, 100);
        report.finish();
        assertThat(lines.get(lines.size() - 1)).contains("100/100").contains("100%");
    }

    @Test
    void anUnknownTotalShowsTheCountAloneThenTheTotalOnceFound() {
        ProgressReport report = report();
        Backfill.Progress progress = report;
        progress.counting(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains(" 7/?")));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("/40"));
        progress.started(40);
        progress.processed(new Backfill.Counts(40, 40, 0, 0, 0));
        report.finish();
        assertThat(lines.get(lines.size() - 1)).contains("40/40").contains("100%");
    }

    @Test
    void aTotalFoundAfterProcessingBeganKeepsTheCountSoFar() throws InterruptedException {
        ProgressReport report = report();
        Backfill.Progress progress = report;
        progress.processed(new Backfill.Counts(12, 9, 9, 0, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("9/12")));
        progress.started(50);
        Thread.sleep(200); // ten ticks: a bar set back to 0 would be drawn
        assertThat(lines).as("the bar is not set back to 0 when the total arrives")
                .noneSatisfy(l -> assertThat(l).contains(" 0/50"));
        progress.processed(new Backfill.Counts(50, 10, 10, 0, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("10/50")));
        progress.processed(new Backfill.Counts(50, 50, 50, 0, 0));
        report.finish();
        assertThat(lines.get(lines.size() - 1)).contains("50/50").contains("100%");
    }

    @Test
    void plainLinesArePrintedOnlyWhenSomethingMoved() throws InterruptedException {
        ProgressReport report = report();
        report.update(3, 10);
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        Thread.sleep(300); // fifteen ticks without progress
        int drawn = lines.size();
        assertThat(drawn).as("lines while nothing moved: %s", lines).isLessThanOrEqualTo(2);
        report.update(4, 10);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() > drawn);
        report.finish();
    }

    @Test
    void finishingWithoutAnyProgressPrintsNothingAndOnAFileEveryLineEnds() {
        report().finish();
        assertThat(lines).isEmpty();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReport onFile = ProgressReport.on(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "load");
        onFile.update(5, 5);
        onFile.finish();
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written).contains("5/5").endsWith(System.lineSeparator()).doesNotContain("\r");
    }
}
