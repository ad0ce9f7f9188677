package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoredPageTotalTest {

    @ParameterizedTest(name = "{0} found before {1} of {2}, {3} found now: expect {4}")
    @CsvSource({
        // found at the position, position read, position total, found now, estimate
        "10, 100, 1000, 10, 100",   // a tenth read: ten times as many
        "10, 100, 1000, 12, 100",   // pages found after the position do not move the scale
        "0,  100, 1000,  0,   0",   // nothing in range so far
        "3,    0, 1000,  3,   3",   // no position yet: what was found
        "50, 900, 1000, 80,  80",   // never fewer than found
        "7, 1000, 1000,  7,   7",   // the end: exact
    })
    void scalesWhatWasFoundByTheShareRead(int atPosition, long read, long total, int now, int expected) {
        StoredPageTotal pages = new StoredPageTotal();
        for (int i = 0; i < atPosition; i++) {
            pages.add();
        }
        pages.position(read, total);
        for (int i = atPosition; i < now; i++) {
            pages.add();
        }
        assertThat(pages.found()).isEqualTo(now);
        assertThat(pages.estimate()).isEqualTo(expected);
    }
}
