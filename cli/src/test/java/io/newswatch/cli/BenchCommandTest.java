package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.cli.bench.PipelineBenchmark;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmarks run end to end on small inputs (each starts its own embedded broker): every figure the README quotes
 * is printed, and the counts add up.
 */
class BenchCommandTest {
    @RegisterExtension
    final CommandRunner cli = new CommandRunner();

    @Test
    void benchPipelinePrintsTheRawReferenceThroughputRatioAndLatency() {
        assertThat(cli.run("bench", "pipeline", "--articles", "400", "--size", "1000", "--warmup", "100",
                "--warmup-limit", "1s", "--rate", "100", "--duration", "3s")).isZero();
        String out = cli.out();
        assertThat(out).containsPattern("JIT compiler \\d+ µs").contains("the JIT compiler was busy");
        Matcher round = Pattern.compile("warm-up round 1: pipeline [\\d,]+ articles/s; JIT compiler busy "
                + "(\\d+)% of a core").matcher(cli.err());
        assertThat(round.find()).as("a round runs even when the limit is shorter than it").isTrue();
        int jitPercent = Integer.parseInt(round.group(1));
        assertThat(cli.err()).as("a one-second limit allows one round only").doesNotContain("warm-up round 2");
        // the round's share is printed rounded, so a share just under a tenth may show as 10%
        if (jitPercent > 10) {
            assertThat(out).contains("warm-up: stopped at --warmup-limit 1s with the JIT compiler still busy");
        } else if (jitPercent < 10) {
            assertThat(out).doesNotContain("warm-up: stopped");
        }
        assertThat(out).contains("raw reference: 400 articles").contains("pipeline: 400 articles")
                .contains("CPU per article: ").contains("streams");
        Matcher ratio = Pattern.compile("pipeline/raw throughput ratio: (\\d+\\.\\d+)").matcher(out);
        assertThat(ratio.find()).isTrue();
        assertThat(Double.parseDouble(ratio.group(1))).isGreaterThan(0);
        assertThat(out).containsPattern("\\(the median of 3 runs: [\\d,]+, [\\d,]+, [\\d,]+ articles/s\\)");
        Matcher ceiling = Pattern.compile("ceiling: Kafka in \\(news.articles, produced and consumed\\) (\\d+) µs "
                + "\\+ out \\(news.tagged, produced\\) (\\d+) µs \\+ tagging and fingerprint (\\d+) µs = (\\d+) µs of "
                + "CPU per article at the least; (\\d+) cores carry at most ([\\d,]+) articles/s, a ratio of at most "
                + "(\\d+\\.\\d+)").matcher(out);
        assertThat(ceiling.find()).as(out).isTrue();
        int in = Integer.parseInt(ceiling.group(1));
        int outward = Integer.parseInt(ceiling.group(2));
        int tagging = Integer.parseInt(ceiling.group(3));
        assertThat(outward).as("producing without consuming costs less than both").isPositive()
                .isLessThan(in);
        assertThat(tagging).as("tagging a 1,000-byte article takes some microseconds").isPositive();
        assertThat(Integer.parseInt(ceiling.group(4))).isBetween(in + outward + tagging - 2,
                in + outward + tagging + 2);
        assertThat(Integer.parseInt(ceiling.group(5))).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Double.parseDouble(ceiling.group(7))).as("the pipeline cannot beat the ceiling")
                .isGreaterThanOrEqualTo(Double.parseDouble(ratio.group(1)));
        Matcher latency = Pattern.compile("latency at 100 articles/s: 300 sent, (\\d+) first alerts timed: "
                + "p50 (\\d+) ms, p95 (\\d+) ms, p99 (\\d+) ms").matcher(out);
        assertThat(latency.find()).as(out).isTrue();
        assertThat(Integer.parseInt(latency.group(1))).as("about a fifth of the articles raise an alert")
                .isBetween(20, 150);
        int p50 = Integer.parseInt(latency.group(2));
        int p99 = Integer.parseInt(latency.group(4));
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        for (int q = 1; q <= 4; q++) {
            assertThat(out).as("the memory at the end of quarter " + q).containsPattern("quarter " + q
                    + " of the run: p50 \\d+ ms, p99 \\d+ ms; at its end heap used \\d+ MiB \\(old generation "
                    + "\\d+ MiB, (\\d+|n/a) MiB after its last collection\\), RSS \\d+ MiB \\(\\d+ MiB anonymous\\)");
        }
    }

    @Test
    void benchReplayLoadsAndReplaysTheSyntheticArchive() {
        assertThat(cli.run("bench", "replay", "--articles", "600", "--size", "1000", "--warm-up", "3s")).isZero();
        assertThat(cli.out()).contains("load:   600 articles")
                .contains("replay, first run (JIT compiling): 600 articles read, 600 in range")
                .contains("replay, warm: 600 articles read, 600 in range")
                .containsPattern("replay, warm: .*; \\d+\\.\\d\\d cores busy \\(GC pauses [\\d.]+ s, JIT (compiler "
                        + "[\\d.]+ s of CPU|compiling [\\d.]+ s)\\)")
                .containsPattern("replay / lower ceiling: \\d+\\.\\d\\d \\(")
                // the ceiling waits for the compiler, three seconds at most here
                .containsPattern("  its warm-up: \\d+ runs in [0-3]\\.\\d s, (until the JIT compiler took under 2% of a "
                        + "core in 3 runs in a row|stopped at the cap with the JIT compiler still at \\d+% of a core)")
                .containsPattern("heap: at most [\\d,]+ MiB in use after a collection while loading, [\\d,]+ MiB while "
                        + "replaying, [\\d,]+ MiB while measuring the limits, of [\\d,]+ MiB max");
    }

    @Test
    void benchReplayWithOneReplayTimesItAlone() {
        assertThat(cli.run("bench", "replay", "--articles", "300", "--size", "1000", "--replays", "1", "--warm-up",
                "0s")).isZero();
        assertThat(cli.out()).contains("replay: 300 articles read, 300 in range").doesNotContain("replay, warm")
                .doesNotContain("its warm-up");
        assertThat(cli.run("bench", "replay", "--articles", "300", "--replays", "0")).isNotZero();
    }

    @Test
    void benchBackfillPublishesEveryPageOnceAndPrintsTheThreeRates() {
        assertThat(cli.run("bench", "backfill", "--pages", "40")).isZero();
        String out = cli.out();
        Matcher archive = Pattern.compile("archive: 40 pages, [\\d.]+ MB of HTML \\(mean ([\\d,]+) bytes, "
                + "([\\d,]+)\\.\\.([\\d,]+)\\)").matcher(out);
        assertThat(archive.find()).as(out).isTrue();
        assertThat(number(archive.group(2))).isGreaterThanOrEqualTo(40_000);
        assertThat(number(archive.group(3))).isLessThanOrEqualTo(600_000);
        assertThat(out).contains("warm-up: the first 40 pages extracted on")
                .containsPattern("warm-up backfill: 40 pages of another archive into a broker of its own, untimed: "
                        + "[\\d,]+ pages/s")
                .containsPattern("backfill: 40 pages \\(published 40, unchanged 0, failed 0\\) in [\\d.]+ s: "
                        + "[\\d,]+ pages/s, .*; \\d+\\.\\d\\d cores busy \\(GC pauses [\\d.]+ s, JIT compil")
                .contains("on news.articles: 40 records, 40 distinct keys, published 40: nothing published twice")
                .containsPattern("second run \\(the captures of 2025-01-01\\.\\.2025-01-10T[\\d:]+Z\\): published 0, "
                        + "unchanged \\d+, failed 0")
                .containsPattern("extraction on 1 thread: +40 pages in [\\d.]+ s: [\\d,]+ pages/s")
                .containsPattern("extraction on \\d+ threads: 40 pages in")
                .containsPattern("backfill / all-cores extraction: \\d+\\.\\d\\d \\(target >= 0\\.9")
                .containsPattern("all-cores / one-core extraction: \\d+\\.\\d\\d \\(target >= 1\\.7");
        assertThat(cli.err()).contains("backfill");
    }

    private static long number(String printed) {
        return Long.parseLong(printed.replace(",", ""));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> millis = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);
        PipelineBenchmark.Latency l = new PipelineBenchmark.Latency(1, 10,
                millis.stream().map(m -> Duration.ofMillis(m).toNanos()).toList());
        assertThat(l.percentileMillis(0.5)).isEqualTo(5.0);
        assertThat(l.percentileMillis(0.9)).isEqualTo(9.0);
        assertThat(l.percentileMillis(1.0)).isEqualTo(10.0);
        assertThat(l.part(0.5, 1.0).samplesNanos()).hasSize(5);
    }
}
