package io.newswatch.tagger.internal;

import io.newswatch.tagger.Segmentation;
import io.newswatch.tagger.TextSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching core behind {@link io.newswatch.tagger.Tagger}: one {@link TermAutomaton} for every alias,
 * exclusion and rule word, entity resolution, and the compiled rule queries.
 *
 * <p>Per text: segment, scan once, resolve entity candidates leftmost-longest (an exclusion wins a tie, so "South
 * China Sea" hides "China" while "Democratic People's Republic of Korea" keeps North Korea), index every hit by
 * leaf, then evaluate only the rules one of whose trigger leaves was hit, so a thousand rules that do not concern a
 * text cost almost nothing. Immutable and thread-safe; per-thread scratch space is reused. Built by
 * {@link TaggingEngineBuilder}.
 */
public final class TaggingEngine {
    private final TermAutomaton automaton;
    private final int[][] patternEntities;
    private final boolean[] patternExcludes;
    private final int[][] patternLeaves;
    private final List<String> codes;
    private final QueryNode[] rules;
    /** Per rule, whether it names its decisive parts, so that the rest of its query starts as context. */
    private final boolean[] explicitDecisive;
    private final int[][][] required;
    private final int[][] leafRules;
    private final int leaves;
    private final ThreadLocal<Scratch> scratch;

    TaggingEngine(TaggingEngineBuilder b) {
        int n = b.patterns.size();
        boolean[] prefix = new boolean[n];
        this.patternEntities = new int[n][];
        this.patternExcludes = new boolean[n];
        this.patternLeaves = new int[n][];
        List<String> keys = new ArrayList<>(n);
        int i = 0;
        for (Map.Entry<String, TaggingEngineBuilder.PatternInfo> e : b.patterns.entrySet()) {
            TaggingEngineBuilder.PatternInfo info = e.getValue();
            keys.add(info.folded);
            prefix[i] = info.prefix;
            patternEntities[i] = info.entities.stream().mapToInt(Integer::intValue).toArray();
            patternExcludes[i] = info.exclusion;
            patternLeaves[i] = info.leaves.stream().mapToInt(Integer::intValue).toArray();
            i++;
        }
        this.automaton = new TermAutomaton(keys, prefix);
        this.codes = List.copyOf(b.codes);
        this.rules = b.rules.toArray(new QueryNode[0]);
        this.explicitDecisive = new boolean[rules.length];
        for (int r = 0; r < rules.length; r++) {
            explicitDecisive[r] = b.explicit.get(r);
        }
        this.required = new int[rules.length][][];
        for (int r = 0; r < rules.length; r++) {
            required[r] = rules[r].required();
        }
        this.leaves = b.leafCount;
        List<List<Integer>> byLeaf = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            byLeaf.add(new ArrayList<>());
        }
        for (int r = 0; r < rules.length; r++) {
            for (int leaf : rules[r].triggers) {
                if (!byLeaf.get(leaf).contains(r)) {
                    byLeaf.get(leaf).add(r);
                }
            }
        }
        this.leafRules = new int[leaves][];
        for (int l = 0; l < leaves; l++) {
            leafRules[l] = byLeaf.get(l).stream().mapToInt(Integer::intValue).toArray();
        }
        int sets = b.leafSets;
        int memos = b.memos;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(leaves, sets, memos, rules.length));
    }

    /** One entity mention: code index into {@link #codes()}, span, sentence and paragraph. */
    public record MentionHit(int code, int start, int end, int sentence, int paragraph) {
    }

    /**
     * One sentence of evidence for a matched rule and the terms matched in it, as they stand in the text;
     * {@code decisive} when a decisive part of the rule's query matched in it, not only a context part.
     */
    public record EvidenceUnit(int sentence, int start, int end, List<String> matched, boolean decisive) {
    }

    /** What one text produced: mentions, and for each matched rule (by index) its evidence. */
    public record Match(Segmentation segmentation, List<MentionHit> mentions,
                        Map<Integer, List<EvidenceUnit>> rules) {
    }

    /** The entity codes, in gazetteer order (entity leaf ids are their indexes). */
    public List<String> codes() {
        return codes;
    }

    /** Automaton size, for reports: states and alphabet. */
    public String describe() {
        return automaton.stateCount() + " states, " + automaton.alphabetSize() + " character classes, "
                + patternLeaves.length + " patterns, " + leaves + " leaves, " + rules.length + " rules";
    }

    /** Tags one text; see the class comment. */
    public Match match(String text) {
        Scratch s = scratch.get();
        char[] chars = s.hits.chars(text.length());
        text.getChars(0, text.length(), chars, 0);
        s.hits.clear();
        automaton.scan(text, chars, s.hits);
        Segmentation seg = TextSegmenter.segment(chars, text.length(), s.hits.marks(), s.hits.markCount());
        DocumentIndex d = s.index;
        d.reset(text, seg);
        List<MentionHit> mentions = resolveEntities(s, d);
        ScanHits hits = s.hits;
        for (int h = 0; h < hits.size(); h++) {
            for (int leaf : patternLeaves[hits.pattern(h)]) {
                d.add(leaf, hits.start(h), hits.end(h), hits.wordStart(h), hits.wordEnd(h));
            }
        }
        d.seal();
        s.ruleStamp++;
        int candidates = 0;
        for (int t = 0; t < d.touchedCount(); t++) {
            for (int r : leafRules[d.touched(t)]) {
                if (s.ruleSeen[r] != s.ruleStamp) {
                    s.ruleSeen[r] = s.ruleStamp;
                    s.candidates[candidates++] = r;
                }
            }
        }
        candidates = keepSatisfiable(d, s.candidates, candidates);
        Arrays.sort(s.candidates, 0, candidates);
        Map<Integer, List<EvidenceUnit>> matched = new LinkedHashMap<>();
        int end = text.length();
        for (int c = 0; c < candidates; c++) {
            int r = s.candidates[c];
            // one pass that proves and collects: a query's verdict is the same with witnesses as without, and a
            // false one leaves none behind, so a separate yes-or-no pass first would only read the hits twice
            s.witnesses.clear();
            s.witnesses.contextMode(explicitDecisive[r]);
            if (rules[r].eval(d, 0, end, s.witnesses)) {
                matched.put(r, evidence(d, s.witnesses));
            }
        }
        return new Match(seg, mentions, matched);
    }

    /**
     * Drops candidate rules one of whose required conjuncts has no hit anywhere in the text: a rule reached through
     * one word can be ruled out by the absence of another before any scope is walked.
     */
    private int keepSatisfiable(DocumentIndex d, int[] candidates, int count) {
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int r = candidates[c];
            boolean possible = true;
            for (int[] set : required[r]) {
                boolean any = false;
                for (int leaf : set) {
                    if (d.hasHits(leaf)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    possible = false;
                    break;
                }
            }
            if (possible) {
                candidates[kept++] = r;
            }
        }
        return kept;
    }

    private List<MentionHit> resolveEntities(Scratch s, DocumentIndex d) {
        ScanHits hits = s.hits;
        int n = 0;
        long[] keys = s.keys(hits.size());
        for (int h = 0; h < hits.size(); h++) {
            int p = hits.pattern(h);
            if (patternEntities[p].length == 0 && !patternExcludes[p]) {
                continue;
            }
            long start = hits.start(h);
            long inverseLength = 1023 - Math.min(1023, hits.end(h) - hits.start(h));
            long notExclusion = patternExcludes[p] ? 0 : 1;
            keys[n++] = ((start << 40) | (inverseLength << 30) | (notExclusion << 29) | h) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys, 0, n);
        List<MentionHit> mentions = new ArrayList<>();
        int takenEnd = -1;
        for (int k = 0; k < n; k++) {
            int h = (int) (keys[k] & ((1 << 29) - 1));
            int start = hits.start(h);
            if (start < takenEnd) {
                continue;
            }
            takenEnd = hits.end(h);
            for (int code : patternEntities[hits.pattern(h)]) {
                int sentence = d.sentenceAt(start);
                int paragraph = d.sentenceCount() == 0 ? 0 : d.sentenceParagraph(sentence);
                mentions.add(new MentionHit(code, start, hits.end(h), sentence, paragraph));
                d.add(code, start, hits.end(h), hits.wordStart(h), hits.wordEnd(h));
            }
        }
        return mentions;
    }

    /** Groups the witness hits by sentence, in text order, each with its distinct matched words. */
    private static List<EvidenceUnit> evidence(DocumentIndex d, Witnesses w) {
        int n = w.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // entry indexes are below 2^31: bit 31 carries the role, context set
            int e = w.get(i);
            keyed[i] = ((long) d.sentence(e) << 32) | e | (w.isContext(i) ? 0x8000_0000L : 0);
        }
        java.util.Arrays.sort(keyed);
        List<EvidenceUnit> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int sentence = (int) (keyed[i] >>> 32);
            List<String> matched = new ArrayList<>(4);
            boolean decisive = false;
            for (; i < n && (int) (keyed[i] >>> 32) == sentence; i++) {
                decisive |= (keyed[i] & 0x8000_0000L) == 0;
                int e = (int) (keyed[i] & 0x7FFF_FFFFL);
                // most witnesses repeat a word already listed: compare in place, copy only a new one
                if (!listed(matched, d.text(), d.start(e), d.end(e))) {
                    matched.add(d.text().substring(d.start(e), d.end(e)));
                }
            }
            out.add(new EvidenceUnit(sentence, d.sentenceStart(sentence), d.sentenceEnd(sentence),
                    List.copyOf(matched), decisive));
        }
        return out;
    }

    /** Whether {@code words} holds the text between {@code start} and {@code end}. */
    private static boolean listed(List<String> words, String text, int start, int end) {
        int length = end - start;
        for (String w : words) {
            if (w.length() == length && text.regionMatches(start, w, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static final class Scratch {
        final ScanHits hits = new ScanHits();
        final DocumentIndex index;
        final Witnesses witnesses = new Witnesses();
        final int[] ruleSeen;
        final int[] candidates;
        int ruleStamp;
        long[] keys = new long[64];

        Scratch(int leaves, int leafSets, int memos, int rules) {
            index = new DocumentIndex(leaves, leafSets, memos);
            ruleSeen = new int[rules];
            candidates = new int[rules];
        }

        long[] keys(int size) {
            if (keys.length < size) {
                keys = new long[Math.max(size, keys.length * 2)];
            }
            return keys;
        }
    }
}
