package io.newswatch.tagger;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import java.util.List;

/**
 * What the tagger found in one text.
 *
 * @param entities entity codes mentioned, sorted, each once
 * @param tags     tags given, sorted
 * @param rules    ids of the rules that matched, in ruleset order
 * @param mentions every entity mention, in text order
 * @param evidence for each tag, the sentences that made it true, ordered by tag, decisive items first
 * @param events   the violation events the text asserts or warns of; empty unless it is tagged
 *                 {@code sanctions-violation}
 */
public record TagResult(List<String> entities, List<String> tags, List<String> rules, List<Mention> mentions,
                        List<Evidence> evidence, List<ViolationEvent> events) {
    public TagResult {
        entities = List.copyOf(entities);
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        mentions = List.copyOf(mentions);
        evidence = List.copyOf(evidence);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A result without violation events. */
    public TagResult(List<String> entities, List<String> tags, List<String> rules, List<Mention> mentions,
                     List<Evidence> evidence) {
        this(entities, tags, rules, mentions, evidence, List.of());
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
