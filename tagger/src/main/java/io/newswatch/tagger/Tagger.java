package io.newswatch.tagger;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.events.EventExtractor;
import io.newswatch.tagger.internal.EvidenceRoles;
import io.newswatch.tagger.internal.TaggingEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags texts with a ruleset: segments the text into paragraphs and sentences ({@link TextSegmenter}), finds every
 * entity alias and rule word in one pass of one automaton, resolves entity mentions (exclusions win), then
 * evaluates the rules whose words occur (semantics of the default ruleset: docs/rules.md; query
 * language: {@link io.newswatch.tagger.query.QueryParser}).
 *
 * <p>Every tag carries its evidence: the sentences whose words made a rule true, with offsets into the text and
 * the matched words as they stand, each {@code decisive} or {@code context} ({@link EvidenceRoles}); a tag's
 * decisive sentences come first (those that state a violation event ahead of the others, then text order), then its
 * context. Immutable and thread-safe: one instance serves every stream thread.
 */
public final class Tagger {
    /** The longest text accepted, in UTF-16 units (offsets are packed into 24 bits while resolving overlaps). */
    public static final int MAX_TEXT_CHARS = 16_000_000;
    /** The tag whose texts also get their violation events ({@link EventExtractor}). */
    private static final String SANCTIONS = "sanctions-violation";
    /** The default rules' tag of a breach stated outright ("violated resolution 2397"). */
    private static final String EXPLICIT_BREACH = "sanctions-explicit-breach";

    private final RuleSet ruleSet;
    private final TaggingEngine engine;
    private final int[] sortedCodes;

    private Tagger(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.engine = ruleSet.engine();
        List<String> codes = engine.codes();
        this.sortedCodes = java.util.stream.IntStream.range(0, codes.size()).boxed()
                .sorted(java.util.Comparator.comparing(codes::get)).mapToInt(Integer::intValue).toArray();
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
        boolean[] seen = new boolean[codes.size()];
        for (TaggingEngine.MentionHit m : match.mentions()) {
            seen[m.code()] = true;
            mentions.add(new Mention(codes.get(m.code()), text.substring(m.start(), m.end()), m.start(), m.end(),
                    m.sentence(), m.paragraph()));
        }
        List<String> entities = new ArrayList<>(codes.size());
        for (int c : sortedCodes) {
            if (seen[c]) {
                entities.add(codes.get(c));
            }
        }
        if (match.rules().isEmpty()) {
            return new TagResult(entities, List.of(), List.of(), mentions, List.of());
        }
        List<String> ruleIds = new ArrayList<>(match.rules().size());
        Map<String, Map<Integer, TaggingEngine.EvidenceUnit>> byTag = new TreeMap<>();
        for (Map.Entry<Integer, List<TaggingEngine.EvidenceUnit>> e : match.rules().entrySet()) {
            Rule rule = ruleSet.rules().get(e.getKey());
            ruleIds.add(rule.id());
            for (String tag : rule.tags()) {
                Map<Integer, TaggingEngine.EvidenceUnit> sentences = byTag.computeIfAbsent(tag, t -> new TreeMap<>());
                for (TaggingEngine.EvidenceUnit unit : e.getValue()) {
                    sentences.merge(unit.sentence(), unit, Tagger::union);
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        EvidenceRoles roles = new EvidenceRoles(text, match.segmentation());
        for (Map.Entry<String, Map<Integer, TaggingEngine.EvidenceUnit>> tag : byTag.entrySet()) {
            roles.add(tag.getKey(), tag.getValue().values(), evidence);
        }
        List<ViolationEvent> events = byTag.containsKey(SANCTIONS)
                ? EventExtractor.defaults().extract(text, match.segmentation(), mentions) : List.of();
        return new TagResult(entities, List.copyOf(byTag.keySet()), ruleIds, mentions,
                EvidenceRoles.eventsFirst(text, evidence, events, EvidenceRoles.PartyNamed.of(mentions,
                        (span, code) -> EventExtractor.defaults().namesState(span.text(), code)), SANCTIONS,
                        EXPLICIT_BREACH), events);
    }

    /** One sentence's evidence from two rules that give the same tag: the words of both. */
    private static TaggingEngine.EvidenceUnit union(TaggingEngine.EvidenceUnit a, TaggingEngine.EvidenceUnit b) {
        List<String> words = new ArrayList<>(a.matched());
        for (String w : b.matched()) {
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return new TaggingEngine.EvidenceUnit(a.sentence(), a.start(), a.end(), List.copyOf(words),
                a.decisive() || b.decisive());
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
