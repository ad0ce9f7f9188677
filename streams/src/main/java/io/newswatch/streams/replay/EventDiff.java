package io.newswatch.streams.replay;

import io.newswatch.model.ViolationEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How the violation events of one archived article differ between the two sides of a replay diff. Events are
 * compared by what they are, (commodity, from, to), as the event ledger keys them: an event whose amount, places or
 * status changed is the same event on both sides and appears in neither list.
 *
 * @param articleId   the article
 * @param publishedAt when it was published (the replay's placing)
 * @param sourceId    the source that found it
 * @param title       its headline
 * @param url         its URL
 * @param lost        events only the old side yields, in the old side's order
 * @param gained      events only the new side yields, in the new side's order
 */
public record EventDiff(String articleId, Instant publishedAt, String sourceId, String title, String url,
                        List<ViolationEvent> lost, List<ViolationEvent> gained) {
    /** Articles by publication time, then id: the order of {@link ReplayDiffResult#events()}. */
    public static final Comparator<EventDiff> ORDER = Comparator.comparing(EventDiff::publishedAt)
            .thenComparing(EventDiff::articleId);

    public EventDiff {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        lost = List.copyOf(lost);
        gained = List.copyOf(gained);
    }

    /** The identity two sides' events are compared by. */
    static List<String> key(ViolationEvent e) {
        return java.util.Arrays.asList(e.commodity(), e.from(), e.to());
    }
}
