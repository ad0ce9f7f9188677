package io.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JitWarmUpTest {

    /**
     * The compiler's share of a core in each run, as scripted; every run takes one second of the fake clock. The
     * cap is in seconds.
     */
    @ParameterizedTest(name = "{0}, cap {1} s: {2} runs, settled {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0.01 0.01 0.01                     | 60 | 3 | true
            0.9 0.4 0.01 0.01 0.01             | 60 | 5 | true
            0.01 0.01 0.3 0.01 0.01 0.01       | 60 | 6 | true
            0.5 0.019 0.02 0.01 0.01 0.01      | 60 | 6 | true
            0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9    | 4  | 4 | false
            0.9 0.01 0.01 0.9 0.01 0.01 0.01   | 5  | 5 | false
            0.9                                | 0  | 1 | false
            """)
    void runsUntilTheCompilerIsQuietOrTheCap(String shares, int capSeconds, int runs, boolean settled) {
        double[] script = Arrays.stream(shares.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        AtomicLong clock = new AtomicLong();
        AtomicInteger units = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        JitWarmUp.Result result = JitWarmUp.run(units::incrementAndGet, unit -> {
            unit.run();
            clock.addAndGet(1_000_000_000L);
            return script[next.getAndIncrement()];
        }, Duration.ofSeconds(capSeconds), clock::get);
        assertThat(result.runs()).isEqualTo(runs);
        assertThat(units.get()).isEqualTo(runs);
        assertThat(result.settled()).isEqualTo(settled);
        assertThat(result.took()).isEqualTo(Duration.ofSeconds(runs));
        assertThat(result.lastShare()).isEqualTo(script[runs - 1]);
    }

    @Test
    void aRealWarmUpCountsTheCompilersTimeAndSaysHowItEnded() {
        long[] sink = {0};
        JitWarmUp.Result result = JitWarmUp.run(() -> {
            for (int i = 0; i < 200_000; i++) {
                sink[0] += Integer.toString(i).hashCode();
            }
        }, Duration.ofSeconds(20));
        assertThat(sink[0]).isNotZero();
        assertThat(result.runs()).isPositive();
        assertThat(result.compilingMillis()).isNotNegative();
        assertThat(result.describe()).startsWith(result.runs() + " runs in ")
                .contains(result.settled() ? "until the JIT compiler took under 2% of a core in 3 runs in a row"
                        : "stopped at the cap");
    }
}
