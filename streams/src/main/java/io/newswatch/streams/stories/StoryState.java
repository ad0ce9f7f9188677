package io.newswatch.streams.stories;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswatch.model.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One story as the story step keeps it: the reports that belong to it and the alerts it raised.
 *
 * @param storyId     stable id: the id of the story's first article
 * @param fingerprint the first article's {@link TextFingerprint} ({@link TextFingerprint#NONE} when too short)
 * @param firstSeen   event time (ms) of the first report
 * @param lastSeen    event time (ms) of the latest report: the story stays open for near-duplicates for the
 *                    window after this
 * @param outlets     source ids that carried it, in the order they did (at most {@link #MAX_LISTED})
 * @param articles    article ids in it (at most {@link #MAX_LISTED}; the ones beyond keep their own mapping)
 * @param alerts      per rule id, the latest revision of the alert the story raised
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryState(String storyId, long fingerprint, long firstSeen, long lastSeen, List<String> outlets,
                         List<String> articles, Map<String, Alert> alerts) {
    /** Longest outlet and article lists kept: a story carried by hundreds of sites must not grow without bound. */
    public static final int MAX_LISTED = 100;

    public StoryState {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        articles = articles == null ? List.of() : List.copyOf(articles);
        alerts = alerts == null ? Map.of() : Map.copyOf(alerts);
    }

    /** A story of one article. */
    public static StoryState first(String articleId, String sourceId, long fingerprint, long eventTime) {
        return new StoryState(articleId, fingerprint, eventTime, eventTime, List.of(sourceId), List.of(articleId),
                Map.of());
    }

    /** Whether this outlet has carried the story already. */
    public boolean hasOutlet(String sourceId) {
        return outlets.contains(sourceId);
    }

    /** The story with one more report. */
    public StoryState withReport(String articleId, String sourceId, long eventTime) {
        List<String> o = new ArrayList<>(outlets);
        if (!o.contains(sourceId) && o.size() < MAX_LISTED) {
            o.add(sourceId);
        }
        List<String> a = new ArrayList<>(articles);
        if (!a.contains(articleId) && a.size() < MAX_LISTED) {
            a.add(articleId);
        }
        return new StoryState(storyId, fingerprint, Math.min(firstSeen, eventTime), Math.max(lastSeen, eventTime),
                o, a, alerts);
    }

    /** The story with the latest revision of one rule's alert. */
    public StoryState withAlert(Alert alert) {
        Map<String, Alert> m = new LinkedHashMap<>(alerts);
        m.put(alert.ruleId(), alert);
        return new StoryState(storyId, fingerprint, firstSeen, lastSeen, outlets, articles, m);
    }

    /** Every outlet but the first: what an alert lists as "also reported by". */
    public List<String> otherOutlets() {
        return outlets.size() <= 1 ? List.of() : outlets.subList(1, outlets.size());
    }
}
