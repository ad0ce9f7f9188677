package io.newswatch.streams.topology;

import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.tagger.ResultBounds;
import io.newswatch.tagger.TagResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds the streams service puts on one tagging before any of it is written, in the live topology and in a
 * replay alike: the tagger's evidence and mention bounds ({@link ResultBounds}), with every kept evidence item keeping
 * the role the tagger gave it and the violation events kept, and the events cut to {@link #MAX_EVENTS_BYTES} of JSON.
 *
 * <p>Why here: {@link ResultBounds#bound} rebuilds a result without its events and rebuilds a cut evidence item as
 * decisive, and the events, though bounded by the tagger in number and field length, may still take megabytes of
 * JSON when a hostile page fills every field with characters JSON escapes. Every alert of an article, and each
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
        List<Evidence> evidence = bounded.evidence() == raw.evidence() ? raw.evidence()
                : withRoles(bounded.evidence(), raw.evidence());
        List<ViolationEvent> events = boundEvents(raw.events());
        if (bounded == raw && events == raw.events()) {
            return raw;
        }
        return new TagResult(bounded.entities(), bounded.tags(), bounded.rules(), bounded.mentions(), evidence,
                events);
    }

    /** The kept items with the roles of the items they were cut from (same tag and start offset). */
    private static List<Evidence> withRoles(List<Evidence> kept, List<Evidence> raw) {
        Map<String, String> roles = new HashMap<>();
        for (Evidence e : raw) {
            roles.putIfAbsent(e.tag() + '\u0000' + e.start(), e.role());
        }
        List<Evidence> out = new ArrayList<>(kept.size());
        for (Evidence e : kept) {
            String role = roles.get(e.tag() + '\u0000' + e.start());
            out.add(role == null || role.equals(e.role()) ? e : e.withRole(role));
        }
        return out;
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
