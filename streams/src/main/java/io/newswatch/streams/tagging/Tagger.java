package io.newswatch.streams.tagging;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.streams.internal.FoldedText;
import io.newswatch.streams.internal.PhraseMatcher;
import io.newswatch.streams.internal.RuleEvaluator;
import io.newswatch.streams.internal.TextFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tags texts with a ruleset: segments the text ({@link TextSegmenter}), finds entity mentions
 * ({@link Gazetteer}), matches every term of every rule in one pass, then evaluates each rule (semantics of the
 * default ruleset: newswatch DESIGN.md, "The tagging semantics of the default ruleset").
 *
 * <p>Immutable and thread-safe: one instance serves every stream thread. {@link #tag} never returns null and
 * fails only on a null text.
 */
public final class Tagger {
    private final RuleSet ruleSet;
    private final PhraseMatcher termMatcher;
    private final RuleEvaluator evaluator;

    private Tagger(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        Set<String> terms = new LinkedHashSet<>();
        for (Rule rule : ruleSet.rules()) {
            collectTerms(rule.condition(), terms);
        }
        List<String> termList = List.copyOf(terms);
        this.termMatcher = new PhraseMatcher(termList);
        Map<String, Integer> termIds = termList.stream()
                .collect(Collectors.toMap(Function.identity(), termList::indexOf));
        this.evaluator = new RuleEvaluator(termIds);
    }

    /** A tagger with the shipped default ruleset ({@link RuleSet#defaults()}). */
    public static Tagger withDefaultRules() {
        return new Tagger(RuleSet.defaults());
    }

    /** A tagger with the given ruleset. */
    public static Tagger withRules(RuleSet ruleSet) {
        return new Tagger(ruleSet);
    }

    private static void collectTerms(Condition condition, Set<String> into) {
        if (condition instanceof Condition.SentenceTerms s) {
            s.allOf().forEach(into::addAll);
            into.addAll(s.anyOf());
            into.addAll(s.noneOf());
        } else if (condition instanceof Condition.AnyOf a) {
            a.conditions().forEach(c -> collectTerms(c, into));
        }
    }

    /** Tags one text (plain text, paragraphs separated by blank lines). */
    public TagResult tag(String text) {
        Segmentation seg = TextSegmenter.segment(text);
        FoldedText folded = FoldedText.of(text);
        List<Mention> mentions = ruleSet.gazetteer().find(folded, seg);
        TextFacts facts = new TextFacts(text, seg, mentions, termMatcher.findAll(folded));
        List<String> tags = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            List<Evidence> found = evaluator.evaluate(rule.id(), rule.condition(), facts);
            if (!found.isEmpty()) {
                tags.add(rule.id());
                evidence.addAll(found);
            }
        }
        evidence.sort((a, b) -> a.tag().equals(b.tag()) ? Integer.compare(a.start(), b.start())
                : a.tag().compareTo(b.tag()));
        Set<String> entities = new TreeSet<>();
        mentions.forEach(m -> entities.add(m.entity()));
        return new TagResult(List.copyOf(entities), tags.stream().sorted().toList(), mentions, evidence);
    }

    /** The ruleset this tagger applies. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The version of the ruleset (a hash of rules and gazetteer), recorded on every tagged article. */
    public String rulesVersion() {
        return ruleSet.version();
    }
}
