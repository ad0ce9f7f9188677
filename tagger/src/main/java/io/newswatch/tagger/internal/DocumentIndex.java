package io.newswatch.tagger.internal;

import io.newswatch.tagger.Segmentation;
import java.util.Arrays;

/**
 * One text as the query evaluator sees it: its sentences and paragraphs as offset arrays, and every hit (entity
 * mention or rule term) grouped by leaf id, each hit knowing its words, sentence and paragraph.
 *
 * <p>Reused by one thread from text to text: arrays grow but are never cleared, a generation stamp tells which
 * leaves have hits in the current text, so the cost per text follows the number of hits, not the number of
 * leaves in the ruleset. Not thread-safe.
 */
public final class DocumentIndex {
    private String text;
    private int[] sentStart = new int[64];
    private int[] sentEnd = new int[64];
    private int[] sentPara = new int[64];
    private int sentences;
    private int[] paraStart = new int[16];
    private int[] paraEnd = new int[16];
    private int paragraphs;

    private int[] raw = new int[5 * 64];
    private int rawCount;
    private int[] eStart = new int[64];
    private int[] eEnd = new int[64];
    private int[] eWs = new int[64];
    private int[] eWe = new int[64];
    private int[] eSent = new int[64];
    private int entries;

    private final int[] leafFirst;
    private final int[] leafCount;
    private final int[] leafStamp;
    private final int[] leafFill;
    private int[] touched = new int[64];
    private int touchedCount;
    private int stamp;

    private final int[][] setEntries;
    private final int[] setStamp;
    private static final int[] NONE = new int[0];

    private final int[] memoValue;
    private final int[] memoStamp;
    /** Per memo slot and context mode (slot * 2 + mode): the witnesses of its true whole-text verdict. */
    private final int[][] memoWitnesses;
    private final int[] memoWitnessStamp;

    DocumentIndex(int leaves, int leafSets, int memos) {
        memoValue = new int[memos];
        memoStamp = new int[memos];
        memoWitnesses = new int[memos * 2][];
        memoWitnessStamp = new int[memos * 2];
        setEntries = new int[leafSets][];
        setStamp = new int[leafSets];
        leafFirst = new int[leaves];
        leafCount = new int[leaves];
        leafStamp = new int[leaves];
        leafFill = new int[leaves];
    }

    void reset(String text, Segmentation seg) {
        this.text = text;
        this.rawCount = 0;
        this.entries = 0;
        this.touchedCount = 0;
        this.stamp++;
        sentences = seg.sentences().size();
        if (sentStart.length < sentences) {
            sentStart = new int[sentences * 2];
            sentEnd = new int[sentences * 2];
            sentPara = new int[sentences * 2];
        }
        for (int i = 0; i < sentences; i++) {
            Segmentation.Sentence s = seg.sentences().get(i);
            sentStart[i] = s.start();
            sentEnd[i] = s.end();
            sentPara[i] = s.paragraph();
        }
        paragraphs = seg.paragraphs().size();
        if (paraStart.length < paragraphs) {
            paraStart = new int[paragraphs * 2];
            paraEnd = new int[paragraphs * 2];
        }
        for (int i = 0; i < paragraphs; i++) {
            paraStart[i] = seg.paragraphs().get(i).start();
            paraEnd[i] = seg.paragraphs().get(i).end();
        }
    }

    /** Records one hit of a leaf; call {@link #seal()} when all are in. */
    void add(int leaf, int start, int end, int ws, int we) {
        if (rawCount + 5 > raw.length) {
            raw = Arrays.copyOf(raw, raw.length * 2);
        }
        raw[rawCount++] = leaf;
        raw[rawCount++] = start;
        raw[rawCount++] = end;
        raw[rawCount++] = ws;
        raw[rawCount++] = we;
        if (leafStamp[leaf] != stamp) {
            leafStamp[leaf] = stamp;
            leafCount[leaf] = 0;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = leaf;
        }
        leafCount[leaf]++;
    }

    /** Groups the hits by leaf (stable, so each leaf's hits stay in text order) and finds their sentences. */
    void seal() {
        entries = rawCount / 5;
        if (eStart.length < entries) {
            int cap = Math.max(entries, eStart.length * 2);
            eStart = new int[cap];
            eEnd = new int[cap];
            eWs = new int[cap];
            eWe = new int[cap];
            eSent = new int[cap];
        }
        int next = 0;
        for (int t = 0; t < touchedCount; t++) {
            int leaf = touched[t];
            leafFirst[leaf] = next;
            next += leafCount[leaf];
        }
        for (int t = 0; t < touchedCount; t++) {
            leafFill[touched[t]] = leafFirst[touched[t]];
        }
        for (int r = 0; r < rawCount; r += 5) {
            int slot = leafFill[raw[r]]++;
            eStart[slot] = raw[r + 1];
            eEnd[slot] = raw[r + 2];
            eWs[slot] = raw[r + 3];
            eWe[slot] = raw[r + 4];
            eSent[slot] = sentenceAt(raw[r + 1]);
        }
        for (int t = 0; t < touchedCount; t++) {
            sortByStart(leafFirst[touched[t]], leafFirst[touched[t]] + leafCount[touched[t]]);
        }
    }

    /** Insertion sort of one leaf's entries by start: they arrive almost sorted (in order of their last char). */
    private void sortByStart(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int j = i;
            while (j > from && eStart[j - 1] > eStart[j]) {
                swap(j - 1, j);
                j--;
            }
        }
    }

    private void swap(int a, int b) {
        int[][] columns = {eStart, eEnd, eWs, eWe, eSent};
        for (int[] col : columns) {
            int t = col[a];
            col[a] = col[b];
            col[b] = t;
        }
    }

    /**
     * The first entry of {@code leaf} starting at or after {@code from}, or {@link #limit(int)} when none; entries
     * of a leaf are sorted by start, so the caller walks on while {@code start(e) < to}.
     */
    int seek(int leaf, int from) {
        if (leafStamp[leaf] != stamp) {
            return 0;
        }
        int lo = leafFirst[leaf];
        int hi = lo + leafCount[leaf];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eStart[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** One past the last entry of {@code leaf} (0 when it has none, matching {@link #seek}). */
    int limit(int leaf) {
        return leafStamp[leaf] == stamp ? leafFirst[leaf] + leafCount[leaf] : 0;
    }

    /**
     * The entries of every leaf of a word list, merged and sorted by start; computed on first use in this text and
     * kept for the rest of it.
     */
    int[] setEntries(int slot, int[] leaves) {
        if (setStamp[slot] == stamp) {
            return setEntries[slot];
        }
        int total = 0;
        int nonEmpty = 0;
        int only = -1;
        for (int leaf : leaves) {
            if (leafStamp[leaf] == stamp) {
                total += leafCount[leaf];
                nonEmpty++;
                only = leaf;
            }
        }
        int[] out;
        if (total == 0) {
            out = NONE;
        } else if (nonEmpty == 1) {
            out = new int[total];
            for (int i = 0; i < total; i++) {
                out[i] = leafFirst[only] + i;
            }
        } else {
            long[] keyed = new long[total];
            int n = 0;
            for (int leaf : leaves) {
                if (leafStamp[leaf] == stamp) {
                    for (int e = leafFirst[leaf], end = e + leafCount[leaf]; e < end; e++) {
                        keyed[n++] = ((long) eStart[e] << 32) | e;
                    }
                }
            }
            Arrays.sort(keyed);
            out = new int[total];
            for (int i = 0; i < total; i++) {
                out[i] = (int) keyed[i];
            }
        }
        setStamp[slot] = stamp;
        setEntries[slot] = out;
        return out;
    }

    /** A remembered whole-text verdict: 1 true, 0 false, -1 not yet known in this text. */
    int memo(int slot) {
        return memoStamp[slot] == stamp ? memoValue[slot] : -1;
    }

    void remember(int slot, boolean value) {
        memoStamp[slot] = stamp;
        memoValue[slot] = value ? 1 : 0;
    }

    /**
     * The witnesses a true whole-text verdict recorded when evaluated in context mode {@code contextMode}
     * ({@link Witnesses#packed}), or null when not yet known in this text.
     */
    int[] memoWitnesses(int slot, boolean contextMode) {
        int k = slot * 2 + (contextMode ? 1 : 0);
        return memoWitnessStamp[k] == stamp ? memoWitnesses[k] : null;
    }

    void rememberWitnesses(int slot, boolean contextMode, int[] packed) {
        int k = slot * 2 + (contextMode ? 1 : 0);
        memoWitnessStamp[k] = stamp;
        memoWitnesses[k] = packed;
    }

    /** The first position in {@code entries} (sorted by start) whose entry starts at or after {@code from}. */
    int seekIn(int[] entries, int from) {
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eStart[entries[mid]] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sentence holding {@code offset} (the earlier one between two sentences); 0 when before all. */
    int sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sentStart[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    boolean hasHits(int leaf) {
        return leafStamp[leaf] == stamp;
    }

    int touchedCount() {
        return touchedCount;
    }

    int touched(int i) {
        return touched[i];
    }

    int start(int e) {
        return eStart[e];
    }

    int end(int e) {
        return eEnd[e];
    }

    int wordStart(int e) {
        return eWs[e];
    }

    int wordEnd(int e) {
        return eWe[e];
    }

    int sentence(int e) {
        return eSent[e];
    }

    String text() {
        return text;
    }

    int sentenceCount() {
        return sentences;
    }

    int sentenceStart(int s) {
        return sentStart[s];
    }

    int sentenceEnd(int s) {
        return sentEnd[s];
    }

    int sentenceParagraph(int s) {
        return sentPara[s];
    }

    int paragraphStart(int p) {
        return paraStart[p];
    }

    int paragraphEnd(int p) {
        return paraEnd[p];
    }

    /**
     * The sentences (or paragraphs) overlapping {@code [from, to)} that hold a hit of one of {@code triggers}, in
     * text order; every overlapping unit when {@code triggers} is null.
     */
    int[] candidateUnits(int[] triggers, boolean paragraph, int from, int to) {
        int total = paragraph ? paragraphs : sentences;
        if (triggers == null) {
            int[] all = new int[total];
            int n = 0;
            for (int u = 0; u < total; u++) {
                int s = paragraph ? paraStart[u] : sentStart[u];
                int e = paragraph ? paraEnd[u] : sentEnd[u];
                if (s < to && e > from) {
                    all[n++] = u;
                }
            }
            return Arrays.copyOf(all, n);
        }
        // a bitmap of units, read back in order: no sort, no duplicates, whatever order the leaves' hits come in
        long[] bits = new long[(total + 63) >>> 6];
        int n = 0;
        for (int leaf : triggers) {
            if (leafStamp[leaf] != stamp) {
                continue;
            }
            for (int e = seek(leaf, from), end = limit(leaf); e < end && eStart[e] < to; e++) {
                int u = paragraph ? sentPara[eSent[e]] : eSent[e];
                long mask = 1L << (u & 63);
                if ((bits[u >>> 6] & mask) == 0) {
                    bits[u >>> 6] |= mask;
                    n++;
                }
            }
        }
        return unitsFromBits(bits, n);
    }

    /** As {@link #candidateUnits} for a word list, read from its merged hits ({@link #setEntries}). */
    int[] unitsOfWordList(int slot, int[] leaves, boolean paragraph, int from, int to) {
        int[] entries = setEntries(slot, leaves);
        if (entries.length == 0) {
            return NONE;
        }
        long[] bits = new long[((paragraph ? paragraphs : sentences) + 63) >>> 6];
        int n = 0;
        for (int i = seekIn(entries, from); i < entries.length && eStart[entries[i]] < to; i++) {
            int u = paragraph ? sentPara[eSent[entries[i]]] : eSent[entries[i]];
            long mask = 1L << (u & 63);
            if ((bits[u >>> 6] & mask) == 0) {
                bits[u >>> 6] |= mask;
                n++;
            }
        }
        return unitsFromBits(bits, n);
    }

    private static int[] unitsFromBits(long[] bits, int n) {
        if (n == 0) {
            return NONE;
        }
        int[] units = new int[n];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                units[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return units;
    }
}
