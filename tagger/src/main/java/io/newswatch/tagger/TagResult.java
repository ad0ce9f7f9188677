package io.newswatch.tagger;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import java.util.List;

/**
 * What the tagger found in one text.
 *
 * @param entities entity codes mentioned, sorted, each once
 * @param tags     tags given, sorted
 * @param rules    ids of the rules that matched, in ruleset order
 * @param mentions every entity mention, in text order
 * @param evidence for each tag, the sentences that made it true, ordered by tag then offset
 */
public record TagResult(List<String> entities, List<String> tags, List<String> rules, List<Mention> mentions,
                        List<Evidence> evidence) {
    public TagResult {
        entities = List.copyOf(entities);
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        mentions = List.copyOf(mentions);
        evidence = List.copyOf(evidence);
    }

    /** The evidence behind one tag; empty when the text does not carry it. */
    public List<Evidence> evidenceFor(String tag) {
        return evidence.stream().filter(e -> e.tag().equals(tag)).toList();
    }

    /** Whether the rule with this id matched. */
    public boolean matched(String ruleId) {
        return rules.contains(ruleId);
    }
}
