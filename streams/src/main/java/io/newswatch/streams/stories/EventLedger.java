package io.newswatch.streams.stories;

import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The violations ledger step: turns one article's violation events into revisions of the ledger records of its
 * story ({@code news.events}, key {@link Ids#eventId} of story, commodity, from and to). The story step calls it once
 * it knows the article's story, so every outlet's report of the same breach in the same story revises one record.
 *
 * <p>A record that a report leaves as it was (the same article delivered or replayed again) is not sent again, so a
 * re-delivery neither counts an article twice ({@link ViolationRecord#withReport} replaces the article's own report)
 * nor adds a revision. Every page of a story adds to one record, so its size is bounded by design, whatever the
 * pages: the text an article repeats in its reports is cut ({@link #MAX_URL_CHARS}, {@link #MAX_TITLE_CHARS},
 * {@link #MAX_EVIDENCE_CHARS}) with its control characters (six bytes each in JSON) made spaces, and each list of
 * facts keeps its first {@link #MAX_FACTS}, so that a record of {@link ViolationRecord#MAX_REPORTS} reports stays
 * below Kafka's default 1 MiB record limit (0.6 MB for hostile pages in a 3-byte script). Pure: the caller writes the
 * returned records to its store.
 */
public final class EventLedger {
    /**
     * How long a record stays in the story step's state after its latest report (publication time against stream
     * time): longer than a story stays open, so that an article of a closed story that is corrected or delivered
     * again later revises its record instead of starting it again with only its own report.
     */
    public static final Duration RETENTION = Duration.ofDays(30);
    /**
     * How long (in stream time) the story step takes at most to look at every ledger record once for those older
     * than {@link #RETENTION}, a slice at a time: so a record is forgotten within about this much after its
     * retention, and memory holds at most this much more than the retention's worth.
     */
    public static final Duration PURGE_EVERY = Duration.ofDays(1);
    /** The longest headline a report keeps. */
    public static final int MAX_TITLE_CHARS = 300;
    /** The longest URL a report keeps (the article id names the article whatever its length). */
    public static final int MAX_URL_CHARS = 1_000;
    /** The longest evidence sentence a report keeps. */
    public static final int MAX_EVIDENCE_CHARS = 500;
    /** The most places, vessels, IMO numbers, resolutions or attributions a record lists. */
    public static final int MAX_FACTS = 50;

    /** Where the current records are kept. */
    @FunctionalInterface
    public interface Store {
        /** The record of this event in this story, or null. */
        ViolationRecord get(String storyId, String eventId);
    }

    private EventLedger() {
    }

    /**
     * The records the article's events revise or open, in the order of its events; those it leaves unchanged are
     * left out.
     *
     * @param timestamp the record time (ms): the report time of an article with neither publication nor fetch time
     */
    public static List<ViolationRecord> revise(Store store, String storyId, TaggedArticle tagged, long timestamp) {
        Objects.requireNonNull(storyId, "storyId");
        Article article = tagged.article();
        Instant at = article.eventTime() != null ? article.eventTime() : Instant.ofEpochMilli(timestamp);
        Map<String, ViolationRecord> out = new LinkedHashMap<>();
        for (ViolationEvent event : tagged.events()) {
            String id = Ids.eventId(storyId, event.commodity(), event.from(), event.to());
            ViolationRecord.Report report = new ViolationRecord.Report(article.id(), cut(article.url(),
                    MAX_URL_CHARS), cut(article.title(), MAX_TITLE_CHARS), article.sourceId(), at, event.status(),
                    event.amount(), event.evidence() == null ? null : cut(event.evidence().text(),
                    MAX_EVIDENCE_CHARS));
            ViolationRecord before = out.containsKey(id) ? out.get(id) : store.get(storyId, id);
            ViolationRecord after = capped(before == null ? ViolationRecord.first(storyId, event, report)
                    : before.withReport(event, report));
            if (before == null || !sameButRevision(before, after)) {
                out.put(id, before != null && out.containsKey(id) ? withRevision(after, before.revision()) : after);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Whether a report changed nothing but the revision number. */
    private static boolean sameButRevision(ViolationRecord a, ViolationRecord b) {
        return withRevision(a, 0).equals(withRevision(b, 0));
    }

    private static ViolationRecord withRevision(ViolationRecord r, int revision) {
        return new ViolationRecord(r.schemaVersion(), r.id(), r.storyId(), r.commodity(), r.from(), r.to(), r.status(),
                r.amount(), r.unit(), r.places(), r.vessels(), r.imo(), r.resolutions(), r.attributions(), r.reports(),
                r.firstReportedAt(), r.latestReportedAt(), revision);
    }

    /** The record with each list of facts cut to its first {@link #MAX_FACTS}. */
    private static ViolationRecord capped(ViolationRecord r) {
        if (r.places().size() <= MAX_FACTS && r.vessels().size() <= MAX_FACTS && r.imo().size() <= MAX_FACTS
                && r.resolutions().size() <= MAX_FACTS && r.attributions().size() <= MAX_FACTS) {
            return r;
        }
        return new ViolationRecord(r.schemaVersion(), r.id(), r.storyId(), r.commodity(), r.from(), r.to(),
                r.status(), r.amount(), r.unit(), first(r.places()), first(r.vessels()), first(r.imo()),
                first(r.resolutions()), first(r.attributions()), r.reports(), r.firstReportedAt(),
                r.latestReportedAt(), r.revision());
    }

    private static List<String> first(List<String> facts) {
        return facts.size() <= MAX_FACTS ? facts : facts.subList(0, MAX_FACTS);
    }

    /**
     * The text with control characters as spaces (JSON would write each as six bytes), cut to {@code max}
     * characters and an ellipsis.
     */
    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (b.length() == s.length()) {
            return b.toString();
        }
        if (Character.isHighSurrogate(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
        return b.append('…').toString();
    }
}
