package io.newswatch.streams.replay;

import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One rule matching one archived article in a replay: the unit of a backtest's table, CSV and report.
 *
 * @param ruleId      the rule
 * @param ruleTitle   its title
 * @param articleId   the article
 * @param publishedAt when the article says it was published (the replay range and the day use this)
 * @param sourceId    the source that found it
 * @param title       the article's headline
 * @param url         the article's URL
 * @param evidence    the evidence that made the rule's tags match, each sentence once, decisive items first (then
 *                    context items), each group in the tagger's order
 * @param events      the violation events the article states (empty unless it is tagged
 *                    {@code sanctions-violation}); every rule that matched the article carries them
 */
public record ReplayMatch(String ruleId, String ruleTitle, String articleId, Instant publishedAt, String sourceId,
                          String title, String url, List<Evidence> evidence, List<ViolationEvent> events) {
    public ReplayMatch {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        evidence = evidence == null ? List.of() : decisiveFirst(evidence);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A match without violation events. */
    public ReplayMatch(String ruleId, String ruleTitle, String articleId, Instant publishedAt, String sourceId,
                       String title, String url, List<Evidence> evidence) {
        this(ruleId, ruleTitle, articleId, publishedAt, sourceId, title, url, evidence, List.of());
    }

    /** The UTC day of its publication: the bucket of the per-day table and chart. */
    public LocalDate day() {
        return publishedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The proof a one-line view shows: the first decisive evidence item ({@link Evidence#firstDecisive}), or null. */
    public Evidence proof() {
        return Evidence.firstDecisive(evidence);
    }

    /** One summary line per event ({@link ViolationEvent#summary()}), unescaped, in the match's order. */
    public List<String> eventSummaries() {
        return events.stream().map(ViolationEvent::summary).toList();
    }

    private static List<Evidence> decisiveFirst(List<Evidence> evidence) {
        List<Evidence> ordered = new ArrayList<>(evidence.size());
        evidence.stream().filter(Evidence::isDecisive).forEach(ordered::add);
        evidence.stream().filter(e -> !e.isDecisive()).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
