package io.newswatch.streams.tagging;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.streams.internal.TaggingEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tags texts with a ruleset: segments the text into paragraphs and sentences ({@link TextSegmenter}), finds every
 * entity alias and rule word in one pass of one automaton, resolves entity mentions (exclusions win), then
 * evaluates the rules whose words occur (semantics of the default ruleset: newswatch DESIGN.md, "The tagging
 * semantics of the default ruleset"; query language: {@link io.newswatch.streams.tagging.query.QueryParser}).
 *
 * <p>Every tag carries its evidence: the sentences whose words made a rule true, with offsets into the text and
 * the matched words as they stand. Immutable and thread-safe: one instance serves every stream thread.
 */
public final class Tagger {
    /** The longest text accepted, in UTF-16 units (offsets are packed into 24 bits while resolving overlaps). */
    public static final int MAX_TEXT_CHARS = 16_000_000;

    private final RuleSet ruleSet;
    private final TaggingEngine engine;

    private Tagger(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.engine = ruleSet.engine();
    }

    /** A tagger with the shipped default ruleset ({@link RuleSet#defaults()}). */
    public static Tagger withDefaultRules() {
        return new Tagger(RuleSet.defaults());
    }

    /** A tagger with the given ruleset. */
    public static Tagger withRules(RuleSet ruleSet) {
        return new Tagger(ruleSet);
    }

    /**
     * Tags one text (plain text, paragraphs separated by blank lines). An empty or blank text, or one in a script
     * no alias or rule uses, gets an empty result.
     *
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_TEXT_CHARS}
     */
    public TagResult tag(String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("a text of " + text.length() + " characters is longer than the "
                    + MAX_TEXT_CHARS + " the tagger accepts");
        }
        TaggingEngine.Match match = engine.match(text);
        List<String> codes = engine.codes();
        List<Mention> mentions = new ArrayList<>(match.mentions().size());
        Set<String> entities = new TreeSet<>();
        for (TaggingEngine.MentionHit m : match.mentions()) {
            String code = codes.get(m.code());
            entities.add(code);
            mentions.add(new Mention(code, text.substring(m.start(), m.end()), m.start(), m.end(), m.sentence(),
                    m.paragraph()));
        }
        List<String> ruleIds = new ArrayList<>();
        Map<String, Map<Integer, Set<String>>> byTag = new TreeMap<>();
        Map<Integer, int[]> spans = new TreeMap<>();
        for (Map.Entry<Integer, List<TaggingEngine.EvidenceUnit>> e : match.rules().entrySet()) {
            Rule rule = ruleSet.rules().get(e.getKey());
            ruleIds.add(rule.id());
            for (String tag : rule.tags()) {
                Map<Integer, Set<String>> sentences = byTag.computeIfAbsent(tag, t -> new TreeMap<>());
                for (TaggingEngine.EvidenceUnit unit : e.getValue()) {
                    sentences.computeIfAbsent(unit.sentence(), s -> new LinkedHashSet<>()).addAll(unit.matched());
                    spans.put(unit.sentence(), new int[] {unit.start(), unit.end()});
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Set<String>>> tag : byTag.entrySet()) {
            for (Map.Entry<Integer, Set<String>> s : tag.getValue().entrySet()) {
                int[] span = spans.get(s.getKey());
                evidence.add(new Evidence(tag.getKey(), text.substring(span[0], span[1]), span[0], span[1],
                        List.copyOf(s.getValue())));
            }
        }
        return new TagResult(List.copyOf(entities), List.copyOf(byTag.keySet()), ruleIds, mentions, evidence);
    }

    /** The paragraphs and sentences the tagger sees in a text. */
    public Segmentation segment(String text) {
        return TextSegmenter.segment(text);
    }

    /** The ruleset this tagger applies. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The version of the ruleset (a hash of rules and gazetteer), recorded on every tagged article. */
    public String rulesVersion() {
        return ruleSet.version();
    }

    /** The compiled size (automaton states, character classes, patterns, rules), for logs and benchmarks. */
    public String describe() {
        return engine.describe();
    }
}
