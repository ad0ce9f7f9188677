package io.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompilerActivityTest {

    @Test
    void findsTheCompilerThreadsAndTheirCpuTimeOnLinux() {
        assumeTrue(Files.isRegularFile(Path.of("/proc/self/task", String.valueOf(ProcessHandle.current().pid()),
                "schedstat")), "no per-thread schedstat here");
        // getting this far (JUnit, AssertJ) compiled hundreds of methods
        Map<String, Long> threads = CompilerActivity.compilerThreadsCpu();
        assertThat(threads).isNotEmpty();
        long nanos = threads.values().stream().mapToLong(Long::longValue).sum();
        assertThat(nanos).isPositive();

        CompilerActivity activity = new CompilerActivity();
        assertThat(activity.cpuTime()).isTrue();
        assertThat(activity.supported()).isTrue();
        assertThat(activity.compilingMillis()).isBetween(0L, 60_000L);
        assertThat(activity.describe()).matches("JIT compiler \\d+\\.\\d s of CPU");
        assertThat(CompilerActivity.compilerThreadsCpu().values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(nanos);
    }

    /** Threads as "id=nanos" pairs; a retired thread (in start only) must not take time away from the others. */
    @ParameterizedTest(name = "{0} then {1}: {2} ns")
    @CsvSource(delimiter = '|', textBlock = """
            10=100 11=50   | 10=160 11=90 | 100
            10=100 11=50   | 10=160       | 60
            10=100 11=5000 | 10=130       | 30
            10=100         | 10=100 12=40 | 40
            10=100 11=50   | 12=7         | 7
            10=100         | 10=100       | 0
            """)
    void eachThreadCountsAgainstItsOwnStart(String start, String now, long expected) {
        assertThat(CompilerActivity.nanosSince(threads(start), threads(now))).isEqualTo(expected);
    }

    private static Map<String, Long> threads(String pairs) {
        Map<String, Long> m = new HashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            String[] kv = pair.split("=");
            m.put(kv[0], Long.parseLong(kv[1]));
        }
        return m;
    }
}
