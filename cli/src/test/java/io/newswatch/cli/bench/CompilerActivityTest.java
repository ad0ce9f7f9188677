package io.newswatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompilerActivityTest {

    @Test
    void findsTheCompilerThreadsAndTheirCpuTimeOnLinux() {
        assumeTrue(Files.isRegularFile(Path.of("/proc/self/task", String.valueOf(ProcessHandle.current().pid()),
                "schedstat")), "no per-thread schedstat here");
        // getting this far (JUnit, AssertJ) compiled hundreds of methods
        long nanos = CompilerActivity.compilerThreadsCpuNanos();
        assertThat(nanos).isPositive();

        CompilerActivity activity = new CompilerActivity();
        assertThat(activity.cpuTime()).isTrue();
        assertThat(activity.supported()).isTrue();
        assertThat(activity.compilingMillis()).isBetween(0L, 60_000L);
        assertThat(activity.describe()).matches("JIT compiler \\d+\\.\\d s of CPU");
        assertThat(CompilerActivity.compilerThreadsCpuNanos()).isGreaterThanOrEqualTo(nanos);
    }
}
