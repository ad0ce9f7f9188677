package io.newswatch.tagger;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most of a {@link TagResult} that travels on in records ({@code news.tagged}, {@code news.story.candidates},
 * {@code news.alerts}), so that their size is bounded by design whatever the text: a text that names Russia ten
 * thousand times, or one sentence of 800 KB, once made a tagged record several megabytes long, over Kafka's 1 MiB
 * record limit.
 *
 * <p>The tags, rules, entities and events are never cut: they are decided on the whole text, and only the detail
 * that shows why (evidence, mentions) is bounded. Of a tag's evidence the decisive items are kept before any context
 * item, each kind in the order the tagger gave (text order); of mentions, the first in text order, so a reader sees
 * where the article starts to say it. Worst case with the limits below: {@value #MAX_EVIDENCE} evidence texts of
 * {@value #MAX_EVIDENCE_CHARS} characters (at most 150 KB of JSON in a 3-byte script) and {@value #MAX_MENTIONS}
 * mentions of about 100 bytes each.
 */
public final class ResultBounds {
    /** Evidence sentences kept per tag: enough to show that an article says it, and says it more than once. */
    public static final int MAX_EVIDENCE_PER_TAG = 10;
    /** Evidence sentences kept in all. */
    public static final int MAX_EVIDENCE = 50;
    /**
     * Characters of one evidence text kept: a long sentence is about 300; a "sentence" of 800 KB (a page without
     * full stops) is cut here, and its {@code end} offset moved with it, so the text is not repeated in full.
     */
    public static final int MAX_EVIDENCE_CHARS = 1_000;
    /** Matched words kept per evidence sentence. */
    public static final int MAX_MATCHED = 20;
    /** Mentions kept per entity: trend counts and readers need that an entity is named, not each time. */
    public static final int MAX_MENTIONS_PER_ENTITY = 50;
    /** Mentions kept in all. */
    public static final int MAX_MENTIONS = 500;

    private ResultBounds() {
    }

    /** The result with its evidence and mentions cut to the limits above; the result itself when it is within. */
    public static TagResult bound(TagResult result) {
        List<Evidence> evidence = boundEvidence(result.evidence());
        List<Mention> mentions = boundMentions(result.mentions());
        if (evidence == result.evidence() && mentions == result.mentions()) {
            return result;
        }
        return new TagResult(result.entities(), result.tags(), result.rules(), mentions, evidence, result.events());
    }

    private static List<Evidence> boundEvidence(List<Evidence> all) {
        boolean within = all.size() <= MAX_EVIDENCE_PER_TAG
                && all.stream().allMatch(e -> e.text().length() <= MAX_EVIDENCE_CHARS
                && e.matched().size() <= MAX_MATCHED);
        if (within) {
            return all;
        }
        // the first of each tag are kept, decisive before context, tags in turn while the total allows, so a tag
        // late in the alphabet keeps its first sentences too
        Map<String, List<Evidence>> byTag = new java.util.LinkedHashMap<>();
        for (boolean decisive : new boolean[] {true, false}) {
            for (Evidence e : all) {
                List<Evidence> kept = byTag.computeIfAbsent(e.tag(), t -> new ArrayList<>());
                if (e.isDecisive() == decisive && kept.size() < MAX_EVIDENCE_PER_TAG) {
                    kept.add(e);
                }
            }
        }
        List<List<Evidence>> perTag = new ArrayList<>(byTag.values());
        int[] take = new int[perTag.size()];
        int total = 0;
        for (int round = 0; round < MAX_EVIDENCE_PER_TAG && total < MAX_EVIDENCE; round++) {
            for (int t = 0; t < perTag.size() && total < MAX_EVIDENCE; t++) {
                if (take[t] == round && round < perTag.get(t).size()) {
                    take[t]++;
                    total++;
                }
            }
        }
        List<Evidence> out = new ArrayList<>(total);
        for (int t = 0; t < perTag.size(); t++) {
            for (Evidence e : perTag.get(t).subList(0, take[t])) {
                out.add(cut(e));
            }
        }
        return out;
    }

    private static Evidence cut(Evidence e) {
        String text = e.text();
        List<String> matched = e.matched().size() <= MAX_MATCHED ? e.matched() : e.matched().subList(0, MAX_MATCHED);
        if (text.length() <= MAX_EVIDENCE_CHARS && matched == e.matched()) {
            return e;
        }
        if (text.length() > MAX_EVIDENCE_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_EVIDENCE_CHARS - 1)) ? MAX_EVIDENCE_CHARS - 1
                    : MAX_EVIDENCE_CHARS;
            text = text.substring(0, end);
        }
        return new Evidence(e.tag(), e.role(), text, e.start(), e.start() + text.length(), matched);
    }

    private static List<Mention> boundMentions(List<Mention> all) {
        if (all.size() <= MAX_MENTIONS_PER_ENTITY) {
            return all;
        }
        Map<String, Integer> perEntity = new HashMap<>();
        List<Mention> out = new ArrayList<>(Math.min(all.size(), MAX_MENTIONS));
        for (Mention m : all) {
            if (out.size() == MAX_MENTIONS) {
                break;
            }
            if (perEntity.merge(m.entity(), 1, Integer::sum) <= MAX_MENTIONS_PER_ENTITY) {
                out.add(m);
            }
        }
        return out.size() == all.size() ? all : out;
    }
}
