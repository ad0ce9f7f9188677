package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.topology.OutputLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ledger record of one breach stays within a record's limit however many hostile pages report it. */
class EventLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** 120 characters (the most the tagger keeps of one fact) of a 3-byte script with a control character. */
    private static String hostile(int n, String what) {
        return (n + what + "\u0001" + "港".repeat(120)).substring(0, 120);
    }

    @Test
    void aRecordReportedByManyHostilePagesStaysWithinTheRecordLimit() {
        Map<String, ViolationRecord> store = new HashMap<>();
        int limit = OutputLimits.of(200_000).maxRecordBytes();
        for (int n = 0; n < 300; n++) {
            int k = n;
            List<String> facts = IntStream.range(0, 16).mapToObj(i -> hostile(k * 16 + i, "p")).toList();
            ViolationEvent event = new ViolationEvent("munitions", "KP", "RU", (long) n, "container", facts, facts,
                    List.of(String.format("%07d", n)), List.of(String.valueOf(n)), ViolationEvent.ASSERTED,
                    hostile(n, "a"), new ViolationEvent.Span("\u0002港".repeat(1000), 0, 2000));
            Article a = Article.of("https://hostile.example/" + "x".repeat(5000) + "/" + n, "outlet-" + n,
                    "\u0003標".repeat(500), null, T0.plus(Duration.ofMinutes(n)), T0, "en", "");
            TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("KP", "RU"),
                    List.of("sanctions-violation"), List.of(), List.of(), "1", T0, List.of(event));
            for (ViolationRecord r : EventLedger.revise((story, id) -> store.get(id), "story", tagged, 0L)) {
                store.put(r.id(), r);
            }
        }
        ViolationRecord record = store.values().iterator().next();
        assertThat(record.revision()).isEqualTo(299);
        assertThat(record.amount()).isEqualTo(299L);
        assertThat(Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), record).length)
                .isLessThanOrEqualTo(limit);
        assertThat(record.reports()).hasSize(ViolationRecord.MAX_REPORTS)
                .allSatisfy(r -> assertThat(r.title() + r.evidence()).doesNotContain("\u0001", "\u0002", "\u0003"));
        assertThat(record.places()).hasSizeLessThanOrEqualTo(EventLedger.MAX_FACTS).startsWith(hostile(0, "p"));
    }
}
