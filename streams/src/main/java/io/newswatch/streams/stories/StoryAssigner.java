package io.newswatch.streams.stories;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.StoryCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story step, apart from where its state lives: assigns each tagged article to a story (the one it had, else
 * the nearest open story within {@link StoryIndex#MAX_DISTANCE} bits whose latest report is within the window,
 * else a new story with the article's id) and decides which alerts fire. The live topology keeps the state in
 * changelogged stores; a replay keeps it in memory. Both call this, so both raise the same alerts for the same
 * articles in the same order.
 *
 * <p>An alert carries the violation events of its article: the proposal's own, or else those of the candidate's
 * tagged article (the live topology sends them once, on the tagged article); updates keep them.
 *
 * <p>Alerts fire once per (rule, story), id {@link Ids#alertId}; a fired alert id is never raised again, even
 * after its story closed. When a new outlet carries a story, every alert the story raised is re-sent as an update
 * (same id, revision + 1, {@code alsoReportedBy} the other outlets).
 *
 * <p>Not thread-safe: one task (or one replay thread) owns an instance.
 */
public final class StoryAssigner {
    private static final Logger LOG = LoggerFactory.getLogger(StoryAssigner.class);

    /** Where the stories, the article-to-story map and the fired alert ids are kept. */
    public interface Store {
        StoryState story(String storyId);

        void putStory(StoryState story);

        /** The story id of an article seen before, or null. */
        String storyOf(String articleId);

        void putStoryOf(String articleId, String storyId);

        boolean fired(String alertId);

        void putFired(String alertId, long timestamp);

        /** Visits every open story. */
        void forEachStory(Consumer<StoryState> visitor);

        /** Closes a story: removes it and its articles' mappings. */
        void removeStory(StoryState story);

        /**
         * Closes a story whose only article is the one it is named after, without reading it: removes the story
         * and that article's mapping, as {@link #removeStory} would.
         */
        void removeSoleStory(String storyId);
    }

    /** How often (in event time) {@link #purge} is due, in the live topology and in a replay alike. */
    public static final java.time.Duration PURGE_EVERY = java.time.Duration.ofMinutes(1);

    private final Store store;
    private final long windowMs;
    private final int maxOpen;
    private final StoryIndex index = new StoryIndex();
    private long closedAtCap;

    /**
     * With no cap on the open stories: they are bounded by the window alone (a replay, which holds a bounded
     * archive range).
     *
     * @param store    the state; its open stories are indexed now
     * @param windowMs how long after its latest report a story takes near-duplicates
     */
    public StoryAssigner(Store store, long windowMs) {
        this(store, windowMs, Integer.MAX_VALUE);
    }

    /**
     * @param store    the state; its open stories are indexed now (and closed down to the cap if more)
     * @param windowMs how long after its latest report a story takes near-duplicates
     * @param maxOpen  most stories open at once: past it, {@link #apply} closes the stories with the oldest latest
     *                 report ({@link #closeOldest})
     * @throws IllegalArgumentException when {@code maxOpen} is below 1
     */
    public StoryAssigner(Store store, long windowMs, int maxOpen) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("the open stories cap must be at least 1: " + maxOpen);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.windowMs = windowMs;
        this.maxOpen = maxOpen;
        store.forEachStory(index::put);
        if (index.size() > maxOpen) {
            // a restart with a lower cap than the one the state was built under
            closeOldest(null);
        }
    }

    /**
     * Assigns the candidate's article to a story and returns the alerts to publish: new ones, then updates.
     *
     * @param timestamp the record time (ms): the alerts' and updates' time, and the event time of an article
     *                  without a publication date
     */
    public List<Alert> assign(StoryCandidate candidate, long timestamp) {
        return assign(candidate, TextFingerprint.of(candidate.tagged().article().text()), timestamp);
    }

    /**
     * As {@link #assign(StoryCandidate, long)}, with the article's {@link TextFingerprint} computed beforehand (a
     * replay keeps fingerprints, not texts, between its passes).
     */
    public List<Alert> assign(StoryCandidate candidate, long fingerprint, long timestamp) {
        return apply(plan(candidate, fingerprint, timestamp));
    }

    /**
     * What {@link #assign(StoryCandidate, long, long)} would do, without changing the state: {@link #apply} it, or
     * drop it (a candidate that is dead-lettered must leave the stories as they were). Valid until the state
     * changes.
     */
    public Plan plan(StoryCandidate candidate, long fingerprint, long timestamp) {
        Article article = candidate.tagged().article();
        long eventTime = article.publishedAt() != null ? article.publishedAt().toEpochMilli() : timestamp;
        StoryState story = null;
        String known = store.storyOf(article.id());
        if (known != null) {
            story = store.story(known);
        }
        if (story == null) {
            String near = index.nearest(fingerprint, eventTime, windowMs);
            story = near == null ? null : store.story(near);
        }
        boolean newOutlet;
        if (story == null) {
            story = StoryState.first(article.id(), article.sourceId(), fingerprint, eventTime);
            newOutlet = false; // its first report: nothing to update
        } else {
            newOutlet = !story.hasOutlet(article.sourceId());
            story = story.withReport(article.id(), article.sourceId(), eventTime);
        }
        List<Alert> out = new ArrayList<>();
        List<String> firstFired = new ArrayList<>();
        for (Alert proposed : candidate.alerts()) {
            if (story.alerts().containsKey(proposed.ruleId())) {
                continue; // fired for this story; an update, if any, is made below
            }
            String alertId = Ids.alertId(proposed.ruleId(), story.storyId());
            if (store.fired(alertId)) {
                LOG.debug("alert {} ({} on {}) fired before; not raised again", alertId, proposed.ruleId(),
                        story.storyId());
                continue;
            }
            Alert alert = new Alert(proposed.schemaVersion(), alertId, proposed.ruleId(), proposed.ruleTitle(),
                    proposed.ruleVersion(), proposed.severity(), story.storyId(), proposed.articleId(),
                    proposed.title(), proposed.url(), proposed.sourceId(), proposed.publishedAt(), proposed.entities(),
                    proposed.tags(), proposed.evidence(), proposed.raisedAt(), 0, others(story, article.sourceId()),
                    proposed.language()).withEvents(proposed.events().isEmpty() ? candidate.tagged().events()
                    : proposed.events());
            story = story.withAlert(alert);
            out.add(alert);
            firstFired.add(alertId);
        }
        if (newOutlet) {
            for (Alert fired : List.copyOf(story.alerts().values())) {
                if (out.contains(fired)) {
                    continue;
                }
                Alert update = fired.updated(story.otherOutlets(), Instant.ofEpochMilli(timestamp));
                story = story.withAlert(update);
                out.add(update);
            }
        }
        return new Plan(story, article.id(), List.copyOf(out), List.copyOf(firstFired), timestamp);
    }

    /**
     * Writes the plan's story and its fired alerts, and returns the alerts to publish. When that makes more open
     * stories than the cap, the oldest are closed first ({@link #closeOldest}); the plan's own story stays open.
     */
    public List<Alert> apply(Plan plan) {
        plan.fired().forEach(id -> store.putFired(id, plan.timestamp()));
        store.putStory(plan.story());
        store.putStoryOf(plan.articleId(), plan.story().storyId());
        index.put(plan.story());
        if (index.size() > maxOpen) {
            closeOldest(plan.story().storyId());
        }
        return plan.alerts();
    }

    /** How many stories this assigner closed early because the open stories reached the cap. */
    public long closedAtCap() {
        return closedAtCap;
    }

    /** How many stories are open now. */
    public int openStories() {
        return index.size();
    }

    /**
     * Closes the open stories whose latest report is oldest, as {@link #purge} closes idle ones, until a hundredth
     * of the cap is free (at least one story), so that the scan this takes runs once per that many new stories
     * rather than once per article. A closed story takes no further reports: a later copy of it starts a story of
     * its own, and an alert it raised is not updated again (alert ids already fired still never fire twice). Each
     * call is logged and counted in {@link #closedAtCap()}.
     *
     * @param keep a story not to close (the one just written), or null
     */
    private void closeOldest(String keep) {
        int target = maxOpen - Math.max(1, maxOpen / 100);
        List<String> oldest = index.oldest(index.size() - Math.max(target, 0), keep);
        oldest.forEach(this::close);
        closedAtCap += oldest.size();
        LOG.info("{} open stories reached the cap of {}: closed the {} with the oldest latest report early ({} so "
                + "far)", index.size() + oldest.size(), maxOpen, oldest.size(), closedAtCap);
    }

    /**
     * One candidate's assignment, not yet written: {@code alerts} are the new alerts, then the updates.
     *
     * @param story     the story as it will be stored
     * @param articleId the candidate's article
     * @param alerts    the alerts to publish
     * @param fired     the ids of the alerts that fire for the first time
     * @param timestamp the record time, the fired alerts' time
     */
    public record Plan(StoryState story, String articleId, List<Alert> alerts, List<String> fired,
                       long timestamp) {
    }

    /** The story's outlets other than the one of the alert's own article. */
    private static List<String> others(StoryState story, String sourceId) {
        return story.outlets().stream().filter(o -> !o.equals(sourceId)).toList();
    }

    /**
     * Closes one open story: its state, its articles' mappings and its place in the index. A story of one report
     * is closed without reading its state: at the cap every new story closes one, and reading and decoding a
     * state (its alerts, their evidence and events) only to learn the one article it names is work thrown away.
     */
    private void close(String storyId) {
        if (index.soleReport(storyId)) {
            store.removeSoleStory(storyId);
        } else {
            StoryState story = store.story(storyId);
            if (story != null) {
                store.removeStory(story);
            }
        }
        index.remove(storyId);
    }

    /**
     * Closes stories whose latest report is older than the window before {@code streamTime}: they no longer take
     * near-duplicates. The stories to close are found in the in-memory index, so only those are read from the
     * store. Called every {@link #PURGE_EVERY} of event time, so each call closes about that much of the feed
     * rather than an hour's worth at once (a pause every hour in the story step).
     *
     * @return how many were closed
     */
    public int purge(long streamTime) {
        List<String> idle = index.idleSince(streamTime - windowMs);
        idle.forEach(this::close);
        if (!idle.isEmpty()) {
            LOG.debug("closed {} stories older than {} ms; {} open", idle.size(), windowMs, index.size());
        }
        return idle.size();
    }
}
