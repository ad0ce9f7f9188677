package io.newswatch.streams.internal;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.streams.tagging.Condition;
import io.newswatch.streams.tagging.Scope;
import io.newswatch.streams.tagging.Segmentation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a condition holds in a text and collects its evidence: each sentence or paragraph that
 * satisfies it, with the terms and mentions that did. An empty list means the condition does not hold.
 *
 * <p>At most {@link #MAX_EVIDENCE} pieces of evidence are kept per tag (the first ones in the text), so one long
 * article cannot bloat an alert.
 */
public final class RuleEvaluator {
    public static final int MAX_EVIDENCE = 10;

    private final Map<String, Integer> termIds;

    /** @param termIds the index of every term in the matcher whose matches {@link TextFacts} holds */
    public RuleEvaluator(Map<String, Integer> termIds) {
        this.termIds = Map.copyOf(termIds);
    }

    public List<Evidence> evaluate(String tag, Condition condition, TextFacts facts) {
        List<Evidence> found = new ArrayList<>();
        collect(tag, condition, facts, found);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // two branches satisfied by the same sentence make one piece of evidence with both sets of terms
        Map<Long, Evidence> bySpan = new LinkedHashMap<>();
        for (Evidence e : found) {
            long span = ((long) e.start() << 32) | e.end();
            Evidence before = bySpan.get(span);
            if (before != null) {
                Set<String> matched = new LinkedHashSet<>(before.matched());
                matched.addAll(e.matched());
                bySpan.put(span, new Evidence(tag, e.text(), e.start(), e.end(), List.copyOf(matched)));
            } else if (bySpan.size() < MAX_EVIDENCE) {
                bySpan.put(span, e);
            }
        }
        List<Evidence> unique = new ArrayList<>(bySpan.values());
        return unique;
    }

    private void collect(String tag, Condition condition, TextFacts facts, List<Evidence> into) {
        if (condition instanceof Condition.Together t) {
            together(tag, t, facts, into);
        } else if (condition instanceof Condition.SentenceTerms s) {
            sentenceTerms(tag, s, facts, into);
        } else if (condition instanceof Condition.AnyOf a) {
            for (Condition c : a.conditions()) {
                collect(tag, c, facts, into);
            }
        }
    }

    private static void together(String tag, Condition.Together t, TextFacts facts, List<Evidence> into) {
        Segmentation seg = facts.segmentation();
        boolean bySentence = t.within() == Scope.SENTENCE;
        int count = bySentence ? seg.sentences().size() : seg.paragraphs().size();
        for (int i = 0; i < count; i++) {
            List<Mention> mentions = bySentence ? facts.mentionsInSentence(i) : facts.mentionsInParagraph(i);
            Set<String> present = new HashSet<>();
            mentions.forEach(m -> present.add(m.entity()));
            if (!present.containsAll(t.entities())) {
                continue;
            }
            int start = bySentence ? seg.sentences().get(i).start() : seg.paragraphs().get(i).start();
            int end = bySentence ? seg.sentences().get(i).end() : seg.paragraphs().get(i).end();
            Set<String> matched = new LinkedHashSet<>();
            for (Mention m : mentions) {
                if (t.entities().contains(m.entity())) {
                    matched.add(m.text());
                }
            }
            into.add(new Evidence(tag, facts.text().substring(start, end), start, end, List.copyOf(matched)));
        }
    }

    private void sentenceTerms(String tag, Condition.SentenceTerms c, TextFacts facts, List<Evidence> into) {
        Segmentation seg = facts.segmentation();
        for (Segmentation.Sentence sentence : seg.sentences()) {
            List<PhraseMatcher.Match> terms = facts.termsInSentence(sentence.index());
            if (terms.isEmpty()) {
                continue;
            }
            BitSet present = new BitSet();
            terms.forEach(m -> present.set(m.phrase()));
            if (!holds(c, present)) {
                continue;
            }
            List<Mention> required = requiredMentions(c.mentions(), sentence, facts);
            if (c.mentions() != null && required.isEmpty()) {
                continue;
            }
            Set<Integer> positive = new HashSet<>();
            c.allOf().forEach(group -> group.forEach(term -> positive.add(termIds.get(term))));
            c.anyOf().forEach(term -> positive.add(termIds.get(term)));
            Set<String> matched = new LinkedHashSet<>();
            for (PhraseMatcher.Match m : terms) {
                if (positive.contains(m.phrase())) {
                    matched.add(facts.text().substring(m.start(), m.end()));
                }
            }
            required.forEach(m -> matched.add(m.text()));
            into.add(new Evidence(tag, sentence.text(facts.text()), sentence.start(), sentence.end(),
                    List.copyOf(matched)));
        }
    }

    private boolean holds(Condition.SentenceTerms c, BitSet present) {
        for (List<String> group : c.allOf()) {
            if (!anyPresent(group, present)) {
                return false;
            }
        }
        if (!c.anyOf().isEmpty() && !anyPresent(c.anyOf(), present)) {
            return false;
        }
        return !anyPresent(c.noneOf(), present);
    }

    private boolean anyPresent(List<String> terms, BitSet present) {
        for (String term : terms) {
            if (present.get(termIds.get(term))) {
                return true;
            }
        }
        return false;
    }

    /** The mentions that satisfy the requirement (the first one per entity), or none. */
    private static List<Mention> requiredMentions(Condition.MentionRequirement req, Segmentation.Sentence sentence,
                                                  TextFacts facts) {
        if (req == null) {
            return List.of();
        }
        List<Mention> pool = req.within() == Scope.SENTENCE ? facts.mentionsInSentence(sentence.index())
                : facts.mentionsInParagraph(sentence.paragraph());
        List<Mention> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Mention m : pool) {
            if (req.entities().contains(m.entity()) && seen.add(m.entity())) {
                found.add(m);
            }
        }
        return found;
    }
}
