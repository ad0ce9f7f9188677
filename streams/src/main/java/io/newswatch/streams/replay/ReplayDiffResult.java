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
 */
public record ReplayDiffResult(Instant since, Instant until, String oldVersion, String newVersion, long inRange,
                               List<RuleDiff> rules, Duration took) {
    public ReplayDiffResult {
        rules = List.copyOf(rules);
    }
}
