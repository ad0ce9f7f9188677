package io.newswatch.tagger.internal;

import static io.newswatch.tagger.internal.TermAutomaton.KIND_BITS;
import static io.newswatch.tagger.internal.TermAutomaton.KIND_MASK;
import static io.newswatch.tagger.internal.TermAutomaton.NEED_END;
import static io.newswatch.tagger.internal.TermAutomaton.NEED_START;
import static io.newswatch.tagger.internal.TermAutomaton.PREFIX;
import static io.newswatch.tagger.internal.TermAutomaton.SIMPLE;
import static io.newswatch.tagger.internal.TermAutomaton.UNITS_SHIFT;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tables a {@link TermAutomaton} scans with from its patterns: the character class table, the anchored
 * Aho–Corasick transitions renumbered breadth-first (states without outputs first), their narrow ASCII copy, and
 * the packed outputs. The layout of every table, and the bits of pattern info in the outputs, are the ones
 * {@link TermAutomaton} documents and reads; this class only writes them.
 *
 * <p>Used once, by {@link TermAutomaton}'s constructor, which copies the tables into its own fields and drops this
 * object. Patterns are taken as folded ({@link CharClasses#foldPattern}) and not checked; an empty one is rejected
 * with {@link IllegalArgumentException}.
 */
final class TermAutomatonCompiler {
    /** The class of every character no pattern uses that continues a word. */
    private static final int OTHER_WORD = 2;
    /** At most this many ASCII classes past a power of two are left out of the narrow table. */
    private static final int SPILL = 4;

    // Each table is the same-named field of TermAutomaton, documented there.
    final int[] table;
    final int alphabet;
    final int hotShift;
    final char[] hotChars;
    final int[] hotInts;
    final int firstOutput;
    final int[] delta;
    final int[] outputAt;
    final int[] outs;
    final int states;
    final int midWordRow;

    /** Compiles patterns, as {@link TermAutomaton#TermAutomaton(List, boolean[])} documents. */
    TermAutomatonCompiler(List<String> folded, boolean[] isPrefix) {
        int n = folded.size();
        int[] units = new int[n];
        boolean[] prefix = Arrays.copyOf(isPrefix, n);
        boolean[] needStart = new boolean[n];
        boolean[] needEnd = new boolean[n];
        boolean[] simple = new boolean[n];
        // Class ids in character order, so the few dozen Latin letters and digits that English text exercises sit
        // side by side in every row of the table: a transition then touches the same one or two cache lines of a
        // row whatever the state, and the hot part of a large automaton stays in cache.
        java.util.TreeSet<Character> used = new java.util.TreeSet<>();
        for (String pattern : folded) {
            for (int i = 0; i < pattern.length(); i++) {
                used.add(pattern.charAt(i));
            }
        }
        // Class 0 is every other character that does not continue a word, OTHER_WORD every other one that does
        // (a letter no pattern uses), 1 the space; then the patterns' characters.
        Map<Character, Integer> classes = new HashMap<>();
        classes.put(' ', 1);
        for (char c : used) {
            classes.putIfAbsent(c, classes.size() + 2);
        }
        for (int p = 0; p < n; p++) {
            String s = folded.get(p);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("pattern " + p + " is empty");
            }
            units[p] = s.length();
            int firstKind = CharClasses.kind(s.charAt(0));
            int lastKind = CharClasses.kind(s.charAt(s.length() - 1));
            needStart[p] = (firstKind & (CharClasses.IDEOGRAPH | CharClasses.HANGUL)) == 0;
            needEnd[p] = !prefix[p] && (lastKind & (CharClasses.IDEOGRAPH | CharClasses.HANGUL)) == 0;
            boolean word = true;
            for (int i = 0; i < s.length(); i++) {
                word &= CharClasses.joinsWord(s.charAt(i));
            }
            simple[p] = word;
        }
        this.alphabet = classes.size() + 2;
        // Per class: whether its characters continue a word (so no pattern that needs a word boundary may start
        // right after one), and whether a pattern starting with it needs no boundary (ideographs, Hangul). The
        // folded character of a class has the same kind as every character folded to it.
        boolean[] joins = new boolean[alphabet];
        boolean[] free = new boolean[alphabet];
        joins[OTHER_WORD] = true;
        for (Map.Entry<Character, Integer> e : classes.entrySet()) {
            if (e.getValue() != 1) {
                joins[e.getValue()] = CharClasses.joinsWord(e.getKey());
                free[e.getValue()] = (CharClasses.kind(e.getKey()) & (CharClasses.IDEOGRAPH | CharClasses.HANGUL)) != 0;
            }
        }
        char[] fold = CharClasses.foldTable();
        byte[] kind = CharClasses.kindTable();
        this.table = new int[65536];
        for (int c = 0; c < 65536; c++) {
            Integer cls = (kind[c] & CharClasses.SPACE) != 0 ? Integer.valueOf(1) : classes.get(fold[c]);
            if (cls == null) {
                cls = CharClasses.joinsWord((char) c) ? OTHER_WORD : 0;
            }
            table[c] = (cls << KIND_BITS) | kind[c];
        }

        List<int[]> trieNext = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        trieNext.add(newRow());
        own.add(null);
        for (int p = 0; p < n; p++) {
            String s = folded.get(p);
            int state = 0;
            for (int i = 0; i < s.length(); i++) {
                int cls = classes.get(s.charAt(i));
                int next = trieNext.get(state)[cls];
                if (next < 0) {
                    next = trieNext.size();
                    trieNext.add(newRow());
                    own.add(null);
                    trieNext.get(state)[cls] = next;
                }
                state = next;
            }
            if (own.get(state) == null) {
                own.set(state, new ArrayList<>());
            }
            own.get(state).add(p);
        }
        // The automaton is anchored at word starts (the trie nodes plus a second root, "inside a word"): its state
        // is the longest suffix of the text read so far that is a trie path and may start a hit, i.e. that starts
        // after a character that does not continue a word, or starts with an ideograph or Hangul. A pattern that
        // needs a word boundary before it and would start inside a word can only fail the boundary check, so the
        // plain Aho–Corasick automaton's detours through such suffixes are dropped: inside a word the scan mostly
        // stays in the second root, and reaches far fewer states and outputs. The hits and their order are those of
        // the plain automaton (the outputs of a state are the startable patterns ending there, longest first).
        int trieStates = trieNext.size();
        int midWord = trieStates;
        this.states = trieStates + 1;
        this.delta = new int[states * alphabet];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] rootRow = trieNext.get(0);
        int[] bfs = new int[states];
        bfs[1] = midWord;
        int visited = 2;
        for (int a = 0; a < alphabet; a++) {
            int next = rootRow[a];
            int stay = joins[a] ? midWord : 0;
            delta[a] = next > 0 ? next : stay;
            delta[midWord * alphabet + a] = next > 0 && free[a] ? next : stay;
            if (next > 0) {
                fail[next] = stay;
                queue.add(next);
            }
        }
        int[][] trieOutputs = new int[states][];
        while (!queue.isEmpty()) {
            int s = queue.poll();
            bfs[visited++] = s;
            trieOutputs[s] = merge(own.get(s), trieOutputs[fail[s]]);
            int[] row = trieNext.get(s);
            for (int a = 0; a < alphabet; a++) {
                int next = row[a];
                if (next > 0) {
                    fail[next] = delta[fail[s] * alphabet + a];
                    delta[s * alphabet + a] = next;
                    queue.add(next);
                } else {
                    delta[s * alphabet + a] = delta[fail[s] * alphabet + a];
                }
            }
        }
        // States renumbered in breadth-first order, so the shallow states a scan spends nearly all its time in sit
        // together at the start of the tables instead of being spread over them in pattern order; those without
        // outputs first, then those with, each part in breadth-first order, so whether a state has outputs is one
        // comparison of its number with the first of the second part.
        int[] renumbered = new int[states];
        int withoutOutputs = 0;
        for (int i = 0; i < states; i++) {
            if (trieOutputs[bfs[i]] == null) {
                renumbered[bfs[i]] = withoutOutputs++;
            }
        }
        this.firstOutput = withoutOutputs;
        int numbered = withoutOutputs;
        for (int i = 0; i < states; i++) {
            if (trieOutputs[bfs[i]] != null) {
                renumbered[bfs[i]] = numbered++;
            }
        }
        // The classes of ASCII characters are the lowest ids (ids follow character order), and they are nearly all
        // an English text holds: their transitions get a narrow table of their own, its row width a power of two,
        // so the rows a scan visits are a few cache lines each and packed together, and a state id is an offset
        // shifted. The full table is read only for the other characters.
        int asciiClasses = OTHER_WORD + 1;
        for (char c : used) {
            if (c < 0x80 && c != ' ') {
                asciiClasses++;
            }
        }
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(asciiClasses - 1, 1));
        if (shift > 5 && asciiClasses - (1 << (shift - 1)) <= SPILL) {
            // a few classes past a power of two (the lexicon's 35): those last few, the end of the alphabet, are
            // read from the full table, and the rows every other transition reads are half as wide
            shift--;
        }
        this.hotShift = shift;
        int hotWidth = 1 << hotShift;
        int[] info = new int[n];
        for (int p = 0; p < n; p++) {
            info[p] = units[p] << UNITS_SHIFT | (simple[p] ? SIMPLE : 0) | (prefix[p] ? PREFIX : 0)
                    | (needStart[p] ? NEED_START : 0) | (needEnd[p] ? NEED_END : 0);
        }
        int[][] byNew = new int[states][];
        int outputSize = 0;
        for (int old = 0; old < states; old++) {
            byNew[renumbered[old]] = trieOutputs[old];
            outputSize += trieOutputs[old] == null ? 0 : 1 + 2 * trieOutputs[old].length;
        }
        this.outputAt = new int[states - firstOutput];
        this.outs = new int[outputSize];
        int at = 0;
        for (int s = firstOutput; s < states; s++) {
            outputAt[s - firstOutput] = at;
            boolean gated = true;
            for (int p : byNew[s]) {
                gated &= needEnd[p];
            }
            outs[at++] = 2 * byNew[s].length + (gated ? 1 : 0);
            for (int p : byNew[s]) {
                outs[at++] = p;
                outs[at++] = info[p];
            }
        }
        // Every entry is the next state's number. The narrow table holds it in 16 bits when the states are few
        // enough (the engine's and the lexicon's are): half the bytes of an int table, so a row of 32 classes is
        // one cache line and twice as many of the rows a scan visits stay in cache between texts.
        int[] byOld = new int[states * alphabet];
        this.hotChars = states <= 1 << Character.SIZE ? new char[states << hotShift] : null;
        this.hotInts = hotChars == null ? new int[states << hotShift] : null;
        for (int old = 0; old < states; old++) {
            int s = renumbered[old];
            for (int a = 0; a < alphabet; a++) {
                int next = renumbered[delta[old * alphabet + a]];
                byOld[s * alphabet + a] = next;
                if (a < hotWidth) {
                    if (hotChars != null) {
                        hotChars[(s << hotShift) + a] = (char) next;
                    } else {
                        hotInts[(s << hotShift) + a] = next;
                    }
                }
            }
        }
        System.arraycopy(byOld, 0, delta, 0, delta.length);
        int mid = renumbered[midWord];
        boolean holds = mid < firstOutput;
        for (int c = 0; c < table.length && holds; c++) {
            holds = (table[c] & KIND_MASK) != CharClasses.WORD || delta[mid * alphabet + (table[c] >>> KIND_BITS)] == mid;
        }
        this.midWordRow = holds ? mid << hotShift : -1;
    }

    private int[] newRow() {
        int[] row = new int[alphabet];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] merge(List<Integer> own, int[] inherited) {
        if (own == null) {
            return inherited;
        }
        int[] out = new int[own.size() + (inherited == null ? 0 : inherited.length)];
        for (int i = 0; i < own.size(); i++) {
            out[i] = own.get(i);
        }
        if (inherited != null) {
            System.arraycopy(inherited, 0, out, own.size(), inherited.length);
        }
        return out;
    }
}
