package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.tagger.ResultBounds;
import io.newswatch.tagger.TagResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What travels on from one tagging once the streams service has bounded it: the tagger's own evidence and mention
 * bounds, with the evidence roles and the violation events kept, and the events cut to a byte budget.
 */
class TagResultBoundsTest {
    private static ViolationEvent event(int i, String place, int places) {
        return new ViolationEvent("munitions", "KP", "RU", 1000L + i, "container",
                IntStream.range(0, places).mapToObj(p -> place + p).toList(), List.of(), List.of(), List.of(),
                ViolationEvent.ASSERTED, "officials", new ViolationEvent.Span("Shells went to Russia.", 0, 22));
    }

    private static TagResult result(int evidenceItems, int contextChars, List<ViolationEvent> events) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("sanctions-violation", "Shells went to Russia.", 0, 22, List.of("shells")));
        // a context sentence longer than the tagger keeps of one evidence text
        evidence.add(new Evidence("sanctions-violation", Evidence.CONTEXT, "k".repeat(contextChars), 30,
                30 + contextChars, List.of("North Korea")));
        for (int i = 2; i < evidenceItems; i++) {
            evidence.add(new Evidence("ru-kp", "Sentence " + i + ".", 5000 + 20 * i, 5011 + 20 * i, List.of("x")));
        }
        return new TagResult(List.of("KP", "RU"), List.of("ru-kp", "sanctions-violation"),
                List.of("ru-kp", "sanctions-violation"), List.of(), evidence, events);
    }

    @ParameterizedTest(name = "{0} evidence items, a context sentence of {1} characters")
    @CsvSource({
            // evidence items, context chars: few enough to pass the tagger's bounds untouched, or not
            "3,   100",
            "12,  100",
            "3,   1500",
            "12,  1500",
    })
    void rolesAndEventsSurviveTheBounds(int items, int contextChars) {
        TagResult bounded = TagResultBounds.bound(result(items, contextChars, List.of(event(0, "Najin", 2))));

        assertThat(bounded.events()).extracting(ViolationEvent::commodity).containsExactly("munitions");
        assertThat(bounded.evidence()).filteredOn(e -> e.text().startsWith("k")).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo(Evidence.CONTEXT);
            assertThat(e.text().length()).isLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE_CHARS);
        });
        assertThat(bounded.evidence().get(0).role()).isEqualTo(Evidence.DECISIVE);
        assertThat(bounded.evidence()).hasSizeLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE_PER_TAG * 2);
    }

    @Test
    void hostileEventsAreCutToTheByteBudgetKeepingTheFirst() {
        // 32 events, each with 16 places of 120 characters that JSON escapes six bytes each: megabytes unbounded
        String hostile = "\u0001".repeat(119);
        List<ViolationEvent> events = IntStream.range(0, 32).mapToObj(i -> event(i, hostile, 16)).toList();
        TagResult bounded = TagResultBounds.bound(result(3, 10, events));

        assertThat(bounded.events()).isNotEmpty().hasSizeLessThan(32);
        assertThat(bounded.events().get(0)).isEqualTo(events.get(0));
        assertThat(json(bounded.events())).isLessThanOrEqualTo(TagResultBounds.MAX_EVENTS_BYTES);
        // what is within the budget is kept as it is
        List<ViolationEvent> few = List.of(event(0, "Najin", 3), event(1, "Dunay", 1));
        assertThat(TagResultBounds.bound(result(3, 10, few)).events()).isEqualTo(few);
    }

    private static int json(List<ViolationEvent> events) {
        int total = 0;
        for (ViolationEvent e : events) {
            total += JsonSerde.of(ViolationEvent.class).toBytes(e).length;
        }
        return total;
    }
}
