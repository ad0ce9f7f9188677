package io.newswatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A named thread's CPU time is counted in its group, unless the caller leaves that thread out to count it itself. */
class CpuByThreadGroupTest {
    @Test
    void anExcludedThreadIsLeftOutOfItsGroup() throws InterruptedException {
        CountDownLatch burned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CpuByThreadGroup cpu = new CpuByThreadGroup();
        Thread burner = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
            long sink = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                sink += System.nanoTime() % 7;
            }
            if (sink == 42) {
                Thread.onSpinWait();
            }
            burned.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-burner-under-test");
        burner.start();
        try {
            burned.await();
            long with = cpu.sinceStart().getOrDefault("other", 0L);
            long without = cpu.sinceStart("cpu-burner-under-test").getOrDefault("other", 0L);
            assertThat(with - without).as("the burner's 200 ms of CPU").isGreaterThanOrEqualTo(150_000_000L);
        } finally {
            release.countDown();
            burner.join();
        }
    }

    @Test
    void threadsAreGroupedByRole() {
        assertThat(CpuByThreadGroup.group("newswatch-streams-1-StreamThread-1")).isEqualTo("streams");
        assertThat(CpuByThreadGroup.group("kafka-producer-network-thread | x")).isEqualTo("producers' I/O");
        assertThat(CpuByThreadGroup.group("data-plane-kafka-request-handler-0")).isEqualTo("broker");
        assertThat(CpuByThreadGroup.group("main")).isEqualTo("benchmark");
        assertThat(CpuByThreadGroup.group("newswatch-bench-raw-reader")).isEqualTo("other");
    }
}
