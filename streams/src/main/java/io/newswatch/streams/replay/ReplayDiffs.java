package io.newswatch.streams.replay;

import io.newswatch.model.Article;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Compares what two rulesets matched over the same articles, rule by rule, and the events they yield. */
final class ReplayDiffs {
    private ReplayDiffs() {
    }

    /**
     * @param oldMatches per article id, the old ruleset's matches
     * @param newMatches per article id, the new ruleset's matches (same article ids)
     */
    static ReplayDiffResult compare(Tagger older, Tagger newer, Instant since, Instant until,
                                    Map<String, List<ReplayMatch>> oldMatches,
                                    Map<String, List<ReplayMatch>> newMatches, List<EventDiff> events,
                                    Duration took) {
        Set<String> oldRules = ids(older);
        Set<String> newRules = ids(newer);
        Set<String> all = new TreeSet<>(oldRules);
        all.addAll(newRules);
        List<RuleDiff> diffs = new ArrayList<>();
        for (String rule : all) {
            List<ReplayMatch> onlyOld = new ArrayList<>();
            List<ReplayMatch> onlyNew = new ArrayList<>();
            int both = 0;
            for (String articleId : oldMatches.keySet()) {
                ReplayMatch o = find(oldMatches.get(articleId), rule);
                ReplayMatch n = find(newMatches.getOrDefault(articleId, List.of()), rule);
                if (o != null && n != null) {
                    both++;
                } else if (o != null) {
                    onlyOld.add(o);
                } else if (n != null) {
                    onlyNew.add(n);
                }
            }
            diffs.add(new RuleDiff(rule, oldRules.contains(rule), newRules.contains(rule), onlyOld, onlyNew, both));
        }
        return new ReplayDiffResult(since, until, older.rulesVersion(), newer.rulesVersion(), oldMatches.size(), diffs,
                took, events);
    }

    /**
     * The events of one article that only one side yields, compared by (commodity, from, to); null when both sides
     * yield the same ones.
     */
    static EventDiff events(Article article, Instant at, List<ViolationEvent> older, List<ViolationEvent> newer) {
        List<ViolationEvent> lost = onlyIn(older, newer);
        List<ViolationEvent> gained = onlyIn(newer, older);
        if (lost.isEmpty() && gained.isEmpty()) {
            return null;
        }
        return new EventDiff(article.id(), at, article.sourceId(), article.title(), article.url(), lost, gained);
    }

    private static List<ViolationEvent> onlyIn(List<ViolationEvent> side, List<ViolationEvent> other) {
        Set<List<String>> otherKeys = new HashSet<>();
        other.forEach(e -> otherKeys.add(EventDiff.key(e)));
        Set<List<String>> seen = new HashSet<>();
        return side.stream().filter(e -> !otherKeys.contains(EventDiff.key(e)) && seen.add(EventDiff.key(e)))
                .toList();
    }

    private static ReplayMatch find(List<ReplayMatch> matches, String rule) {
        for (ReplayMatch m : matches) {
            if (m.ruleId().equals(rule)) {
                return m;
            }
        }
        return null;
    }

    private static Set<String> ids(Tagger tagger) {
        Set<String> ids = new TreeSet<>();
        for (Rule r : tagger.ruleSet().rules()) {
            ids.add(r.id());
        }
        return ids;
    }
}
