package io.newswatch.streams.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of replaying two rulesets over the same articles.
 *
 * @param since       first publication instant included
 * @param until       first publication instant excluded
 * @param oldVersion  version of the old ruleset
 * @param newVersion  version of the new ruleset
 * @param inRange     distinct articles published in the range
 * @param rules       one entry per rule id of either ruleset, sorted by id
 * @param took        wall time
 * @param events      the articles whose violation events differ between the two sides (events gained and lost),
 *                    in {@link EventDiff#ORDER}
 */
public record ReplayDiffResult(Instant since, Instant until, String oldVersion, String newVersion, long inRange,
                               List<RuleDiff> rules, Duration took, List<EventDiff> events) {
    public ReplayDiffResult {
        rules = List.copyOf(rules);
        events = events == null ? List.of() : events.stream().sorted(EventDiff.ORDER).toList();
    }

    /** A diff without event differences. */
    public ReplayDiffResult(Instant since, Instant until, String oldVersion, String newVersion, long inRange,
                            List<RuleDiff> rules, Duration took) {
        this(since, until, oldVersion, newVersion, inRange, rules, took, List.of());
    }

    /** Events only the new side yields, over all articles. */
    public int eventsGained() {
        return events.stream().mapToInt(e -> e.gained().size()).sum();
    }

    /** Events only the old side yields, over all articles. */
    public int eventsLost() {
        return events.stream().mapToInt(e -> e.lost().size()).sum();
    }
}
