package io.newswatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a replay match shows as its proof, and which events a diff counts as gained or lost. */
class ReplayEventsTest {
    private static final Instant AT = Instant.parse("2026-03-04T12:00:00Z");
    private static final Article ARTICLE = new Article(1, "a1", "https://kp.example/a1", "kp-watch", "Shells shipped",
            null, AT, AT, "en", "", null);

    /** {@code commodity:from:to} items separated by spaces, {@code -} for a state the text leaves unsaid. */
    private static List<ViolationEvent> events(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.strip().split("\\s+")).map(item -> {
            String[] p = item.split(":");
            return new ViolationEvent(p[0], p[1].equals("-") ? null : p[1], p[2].equals("-") ? null : p[2],
                    // the amount differs between sides on purpose: only (commodity, from, to) identifies an event
                    (long) item.length(), "ton", List.of(), List.of(), List.of(), List.of(), null, null, null);
        }).toList();
    }

    private static String keys(List<ViolationEvent> events) {
        return String.join(" ", events.stream().map(e -> e.commodity() + ":" + (e.from() == null ? "-" : e.from())
                + ":" + (e.to() == null ? "-" : e.to())).toList());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            // old events,                     new events,                         lost,            gained
            "munitions:KP:RU,                  munitions:KP:RU,                    NULL,            NULL",
            "munitions:KP:RU,                  munitions:KP:RU coal:KP:CN,          '',              coal:KP:CN",
            "munitions:KP:RU coal:KP:CN,       coal:KP:CN,                         munitions:KP:RU, ''",
            "munitions:KP:RU,                  munitions:KP:-,                     munitions:KP:RU, munitions:KP:-",
            "workers:KP:RU,                    troops:KP:RU,                       workers:KP:RU,   troops:KP:RU",
            "'',                               petroleum:RU:KP,                    '',              petroleum:RU:KP",
            "'',                               '',                                 NULL,            NULL",
    })
    void eventsAreComparedByCommodityFromAndTo(String older, String newer, String lost, String gained) {
        EventDiff diff = ReplayDiffs.events(ARTICLE, AT, events(older), events(newer));
        if (lost == null) {
            assertThat(diff).isNull();
            return;
        }
        assertThat(keys(diff.lost())).isEqualTo(lost);
        assertThat(keys(diff.gained())).isEqualTo(gained);
        assertThat(diff.articleId()).isEqualTo("a1");
        assertThat(diff.title()).isEqualTo("Shells shipped");
    }

    @Test
    void aMatchPutsDecisiveEvidenceFirstAndItsProofIsTheFirstDecisiveSentence() {
        Evidence context = new Evidence("sanctions-violation", Evidence.CONTEXT, "Kim toured a factory.", 0, 21,
                List.of());
        Evidence decisive = new Evidence("sanctions-violation", "Shells were shipped to Russia.", 40, 70, List.of());
        ReplayMatch m = new ReplayMatch("sanctions", "Sanctions", "a1", AT, "kp-watch", "t", "u",
                List.of(context, decisive));
        assertThat(m.evidence()).containsExactly(decisive, context);
        assertThat(m.proof()).isEqualTo(decisive);
    }

    @Test
    void aMatchWithOnlyContextEvidenceStillHasAProof() {
        Evidence context = new Evidence("ru-kp", Evidence.CONTEXT, "Kim toured a factory.", 0, 21, List.of());
        ReplayMatch m = new ReplayMatch("ru-kp", "RU-KP", "a1", AT, "kp-watch", "t", "u", List.of(context));
        assertThat(m.proof()).isEqualTo(context);
        assertThat(new ReplayMatch("ru-kp", "RU-KP", "a1", AT, "kp-watch", "t", "u", List.of()).proof()).isNull();
    }
}
