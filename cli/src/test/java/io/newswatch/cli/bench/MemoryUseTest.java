package io.newswatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryUseTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "104857600 | 52428800 | 41943040 | 314572800 | 209715200 | heap used 100 MiB (old generation 50 MiB, 40 MiB after its last collection), RSS 300 MiB (200 MiB anonymous)",
            "104857600 | -1       | -1       | -1        | -1        | heap used 100 MiB (old generation n/a MiB, n/a MiB after its last collection), RSS n/a MiB (n/a MiB anonymous)",
            "1048575   | 0        | -1       | 1048576   | 1048575   | heap used 0 MiB (old generation 0 MiB, n/a MiB after its last collection), RSS 1 MiB (0 MiB anonymous)",
    })
    void describesEachFigureInMebibytesAndAnUnknownOneAsNotAvailable(long heap, long old, long oldAfterGc, long rss,
                                                                      long rssAnon, String expected) {
        assertThat(new MemoryUse(heap, old, oldAfterGc, rss, rssAnon).describe()).isEqualTo(expected);
    }

    @Test
    void thisProcessHasAHeapInUseAndOnLinuxAResidentSetAtLeastAsLarge() {
        MemoryUse now = MemoryUse.now();

        assertThat(now.heapUsedBytes()).isPositive();
        if (now.rssBytes() >= 0) {
            assertThat(now.rssAnonBytes()).isPositive().isLessThanOrEqualTo(now.rssBytes());
        }
    }
}
