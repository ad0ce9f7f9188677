package io.newswatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdArenaTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "3f2a9c0d11e84b7aa0c5d2e6f1b3c4d5 | a hexadecimal id, as the ingester gives",
            "''                                 | the empty id",
            "Ünïcödé-ID                         | Latin-1 letters: two bytes a character",
            "\uD83D\uDE00-smile                 | a surrogate pair",
            "broken-\uD800-half                 | an unpaired surrogate, which UTF-8 would lose",
            "\u0080                             | the first character that is not ASCII"
    })
    void anIdComesBackExactlyAndIsKnownAgain(String id, String what) {
        IdArena arena = new IdArena();
        long before = arena.add("neighbour-before");
        long ref = arena.add(id);
        long after = arena.add(id + "x");
        assertThat(arena.get(ref)).isEqualTo(id);
        assertThat(arena.sameAs(ref, id)).isTrue();
        assertThat(arena.sameAs(ref, id + "x")).isFalse();
        assertThat(arena.sameAs(after, id)).isFalse();
        assertThat(arena.get(before)).isEqualTo("neighbour-before");
        assertThat(arena.hash(ref)).isEqualTo(id.hashCode());
    }

    @ParameterizedTest(name = "[{index}] {0} and {1}")
    @CsvSource(delimiter = '|', value = {
            "abc    | abd",
            "abc    | ab",
            "é      | e",
            "\u0161 | a",      // the low byte of a wide character is not that ASCII character
            "a\u0161 | aa"
    })
    void differentIdsAreNeverTheSame(String a, String b) {
        IdArena arena = new IdArena();
        long ref = arena.add(a);
        assertThat(arena.sameAs(ref, b)).isFalse();
        assertThat(arena.sameAs(ref, a)).isTrue();
    }

    @Test
    void idsSpanPagesAndAnIdLongerThanAPageGetsItsOwn() {
        IdArena arena = new IdArena();
        List<String> ids = new ArrayList<>();
        List<Long> refs = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) { // about 1.3 MB of ids: several pages
            String id = Integer.toHexString(i * 2_654_435_761L > 0 ? i : -i) + "-" + "0123456789abcdef".repeat(2);
            ids.add(id);
            refs.add(arena.add(id));
            if (i == 20_000) {
                String huge = "é".repeat(300_000); // 600,000 bytes: more than a page, and a three-byte header
                ids.add(huge);
                refs.add(arena.add(huge));
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(arena.get(refs.get(i))).isEqualTo(ids.get(i));
            assertThat(arena.hash(refs.get(i))).isEqualTo(ids.get(i).hashCode());
        }
        assertThat(arena.footprint()).isBetween(1_300_000L + 600_000, 3_000_000L);
    }
}
