package io.newswatch.streams.topology;

import io.newswatch.model.ViolationEvent;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.tagger.ResultBounds;
import io.newswatch.tagger.TagResult;
import java.util.List;

/**
 * The bounds the streams service puts on one tagging before any of it is written, in the live topology and in a
 * replay alike: the tagger's evidence and mention bounds ({@link ResultBounds}, which keep roles and events), and the
 * events cut to {@link #MAX_EVENTS_BYTES} of JSON.
 *
 * <p>Why here: the events, though bounded by the tagger in number and field length, may still take megabytes of
 * JSON when a hostile page fills every field with characters JSON escapes, and JSON size is measured with the
 * model's serde, which the Kafka-free tagger does not have. Every alert of an article, and each
 * story's state (which keeps its alerts), repeats the events, so they get a budget far below a record's limit.
 * Events are kept in the tagger's order while they fit; an event that would not fit is left out with those after it.
 * Stateless and thread-safe.
 */
public final class TagResultBounds {
    /** The most JSON an article's events may take: about a hundred ordinary events. */
    public static final int MAX_EVENTS_BYTES = 64 * 1024;
    private static final JsonSerde<ViolationEvent> EVENT_JSON = JsonSerde.of(ViolationEvent.class);

    private TagResultBounds() {
    }

    /** The result bounded as described above; the result itself when it is within every bound. */
    public static TagResult bound(TagResult raw) {
        TagResult bounded = ResultBounds.bound(raw);
        List<ViolationEvent> events = boundEvents(bounded.events());
        if (events == bounded.events()) {
            return bounded;
        }
        return new TagResult(bounded.entities(), bounded.tags(), bounded.rules(), bounded.mentions(),
                bounded.evidence(), events);
    }

    private static List<ViolationEvent> boundEvents(List<ViolationEvent> events) {
        long total = 0;
        for (int i = 0; i < events.size(); i++) {
            total += EVENT_JSON.toBytes(events.get(i)).length + 1L;
            if (total > MAX_EVENTS_BYTES) {
                return List.copyOf(events.subList(0, i));
            }
        }
        return events;
    }
}
