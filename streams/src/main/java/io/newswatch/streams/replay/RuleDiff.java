package io.newswatch.streams.replay;

import java.util.List;

/**
 * How two versions of one rule differ over the same archived articles.
 *
 * @param ruleId  the rule id (present in the old ruleset, the new one, or both)
 * @param inOld   whether the old ruleset has the rule
 * @param inNew   whether the new ruleset has the rule
 * @param onlyOld articles the old version matches and the new does not, with the old version's evidence
 * @param onlyNew articles the new version matches and the old does not, with the new version's evidence
 * @param both    articles both versions match
 */
public record RuleDiff(String ruleId, boolean inOld, boolean inNew, List<ReplayMatch> onlyOld,
                       List<ReplayMatch> onlyNew, int both) {
    public RuleDiff {
        onlyOld = onlyOld.stream().sorted(ReplayResult.MATCH_ORDER).toList();
        onlyNew = onlyNew.stream().sorted(ReplayResult.MATCH_ORDER).toList();
    }

    /** Whether the two versions match exactly the same articles. */
    public boolean same() {
        return onlyOld.isEmpty() && onlyNew.isEmpty();
    }
}
