package io.newswatch.tagger.internal;

import io.newswatch.tagger.TextSegmenter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pattern of a ruleset (gazetteer aliases and exclusions, rule terms and phrases) compiled into one
 * deterministic Aho–Corasick automaton (Aho and Corasick, "Efficient string matching", CACM 18(6), 1975) over
 * folded characters ({@link CharClasses}), so a scan costs one table load and one transition per character
 * whatever the number of patterns.
 *
 * <p>Patterns are folded strings ({@link CharClasses#foldPattern}); a run of whitespace or dashes in the text
 * counts as the single space of the pattern, ignorable characters are skipped, so "Kim Jong-un", "KIM JONG UN" and
 * "Kim\nJong Un" all match {@code kim jong un}. A hit must stand on word boundaries: the characters before and
 * after it must not continue a word, except that a prefix pattern ({@code sanction*}) may run on to the end of its
 * word, and ideographs and Hangul need no boundary on either side (Chinese is written without spaces; Korean
 * particles attach to the noun, 북한은, 북한과, and compounds are written solid, 군사정찰위성).
 *
 * <p>The state table is dense ({@code states × alphabet} ints, the alphabet being only the characters the
 * patterns use plus two classes for everything else), with a narrow copy of its ASCII columns that nearly every
 * transition of a scan reads (16-bit state numbers when there are at most 65,536 states), states numbered
 * breadth-first, those without outputs first. The automaton is anchored at word starts: it never
 * enters a state for a suffix that begins inside a word unless that suffix begins with an ideograph or Hangul
 * (such a hit would fail its boundary check anyway), so the hits are exactly those of the plain Aho–Corasick
 * automaton with the boundary checks, in the same order. Immutable and thread-safe; {@link #scan} allocates nothing
 * beyond growing the caller's {@link ScanHits}.
 */
public final class TermAutomaton {
    private static final int KIND_BITS = 6;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;
    /** The class of every character no pattern uses that continues a word. */
    private static final int OTHER_WORD = 2;
    /** At most this many ASCII classes past a power of two are left out of the narrow table. */
    private static final int SPILL = 4;
    /** Pattern info bits: letters and digits only. */
    private static final int SIMPLE = 1;
    /** Pattern info bits: matches any word that begins with it. */
    private static final int PREFIX = 2;
    /** Pattern info bits: needs a word boundary before it. */
    private static final int NEED_START = 4;
    /** Pattern info bits: needs a word boundary after it. */
    private static final int NEED_END = 8;
    /** Pattern info: the pattern's length in folded units sits above the flags. */
    private static final int UNITS_SHIFT = 4;

    private final int[] table;
    private final int alphabet;
    private final int hotShift;
    /** The narrow table: next state numbers in 16 bits, or null when there are too many states for that. */
    private final char[] hotChars;
    /** The narrow table in 32 bits, when {@link #hotChars} is null. */
    private final int[] hotInts;
    /** The first state number with outputs: states are numbered without outputs first. */
    private final int firstOutput;
    private final int[] delta;
    /**
     * Per state with outputs (its number minus {@link #firstOutput}): where its outputs start in {@link #outs}.
     */
    private final int[] outputAt;
    /**
     * The outputs of every state with outputs, one after the other: a head (twice the count, plus one when every
     * output needs a word boundary after it, so that a word character right after the state's last character rules
     * out all of them at once), then per output its pattern and its length and flags ({@link #UNITS_SHIFT},
     * {@link #SIMPLE} ...). Packed in one array so that a hit reads two places of memory, not one per property of
     * its pattern: after another text has been tagged the automaton's arrays are out of cache, and each read costs
     * a miss.
     */
    private final int[] outs;
    private final int states;
    /**
     * The row of the "inside a word" state when every plain word character (kind {@link CharClasses#WORD} alone)
     * keeps the automaton there, else -1. Why: on most words the trie runs out after a few letters, and the rest of
     * the word then needs neither a transition nor an output check, only the next character's kind.
     */
    private final int midWordRow;

    /**
     * Compiles patterns.
     *
     * @param folded   folded patterns, each non-empty and without leading or trailing space; duplicates allowed
     * @param isPrefix for each pattern, whether it matches any word that begins with it
     * @throws IllegalArgumentException on an empty pattern
     */
    public TermAutomaton(List<String> folded, boolean[] isPrefix) {
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

    /** The number of automaton states (for sizing reports). */
    public int stateCount() {
        return states;
    }

    /**
     * The number of character classes: those the patterns use, plus two for every other character (one for those
     * that continue a word, one for the rest).
     */
    public int alphabetSize() {
        return alphabet;
    }

    /**
     * Finds every boundary-respecting occurrence of every pattern in {@code text} and appends it to {@code hits},
     * in order of the hit's last character. Overlapping hits are all reported; resolving them is the caller's
     * business. Also records the positions of line breaks and sentence marks ({@link TextSegmenter#isMark}) so the
     * segmenter need not read the text again.
     */
    public void scan(String text, ScanHits hits) {
        char[] chars = hits.chars(text.length());
        text.getChars(0, text.length(), chars, 0);
        scan(text, chars, hits);
    }

    /** As {@link #scan(String, ScanHits)}, with the text already copied into the first {@code text.length()} chars. */
    public void scan(String text, char[] chars, ScanHits hits) {
        final int[] table = this.table;
        final char[] hotChars = this.hotChars;
        final int[] hotInts = this.hotInts;
        final boolean compact = hotChars != null;
        final int firstOutput = this.firstOutput;
        final int[] delta = this.delta;
        final int[] outputAt = this.outputAt;
        final int[] outs = this.outs;
        final int alphabet = this.alphabet;
        final int shift = this.hotShift;
        final int hotWidth = 1 << shift;
        final int midWordRow = this.midWordRow;
        int n = text.length();
        int row = 0;
        int words = 0;
        boolean prevSpace = true;
        boolean prevWord = false;
        int lastIgnorable = -1;
        for (int i = 0; i < n; i++) {
            int t = table[chars[i]];
            int kind = t & KIND_MASK;
            if (kind == CharClasses.WORD) {
                if (row == midWordRow && prevWord) {
                    // the word goes on, the automaton stays inside it: nothing to count, read or report
                    continue;
                }
                if (!prevWord) {
                    words++;
                    prevWord = true;
                }
                prevSpace = false;
            } else if (kind != 0 && kind != CharClasses.APOSTROPHE) {
                if ((kind & CharClasses.IGNORABLE) != 0) {
                    lastIgnorable = i;
                    continue;
                }
                if ((kind & CharClasses.SPACE) != 0) {
                    prevWord = false;
                    if (chars[i] == '\n') {
                        hits.mark(i);
                    }
                    if (prevSpace) {
                        continue;
                    }
                    prevSpace = true;
                } else {
                    prevSpace = false;
                    if (!prevWord || (kind & CharClasses.IDEOGRAPH) != 0) {
                        words++;
                    }
                    prevWord = true;
                }
            } else {
                prevSpace = false;
                // an apostrophe after a letter keeps the word going: the s of "Russia's" starts no new word
                prevWord = prevWord && (kind & CharClasses.APOSTROPHE) != 0;
                if (TextSegmenter.isMark(chars[i])) {
                    hits.mark(i);
                }
            }
            int cls = t >>> KIND_BITS;
            int state = cls >= hotWidth ? delta[(row >> shift) * alphabet + cls]
                    : compact ? hotChars[row + cls] : hotInts[row + cls];
            row = state << shift;
            if (state >= firstOutput) {
                int at = outputAt[state - firstOutput];
                int head = outs[at];
                if ((head & 1) != 0 && i + 1 < n && CharClasses.wordFrom(chars, i + 1, n)) {
                    // the word runs on ("t" of "the"): every hit here would fail its end boundary check
                    continue;
                }
                int last = at + 1 + (head & ~1);
                for (int o = at + 1; o < last; o += 2) {
                    int p = outs[o];
                    int info = outs[o + 1];
                    if ((info & SIMPLE) != 0 && lastIgnorable < i - (info >>> UNITS_SHIFT) + 1) {
                        emitWord(chars, n, p, info, i, words, hits);
                    } else {
                        emit(chars, n, p, info, i, words, hits);
                    }
                }
            }
        }
    }

    /**
     * The fast path for a one-word pattern (letters and digits only) with nothing skipped inside the hit: its
     * start is known from its length and it is a single word.
     */
    private static void emitWord(char[] chars, int n, int p, int info, int last, int words, ScanHits hits) {
        int start = last - (info >>> UNITS_SHIFT) + 1;
        int end = endOnBoundaries(chars, n, info, start, last);
        if (end >= 0) {
            hits.add(p, start, end, words - 1, words - 1);
        }
    }

    /**
     * Where a hit spanning {@code start..last} of the pattern with {@code info} ends once its word boundaries are
     * checked (a prefix pattern runs on to the end of its word), or -1 when a boundary fails.
     */
    private static int endOnBoundaries(char[] chars, int n, int info, int start, int last) {
        if ((info & NEED_START) != 0 && start > 0 && CharClasses.wordBefore(chars, start)) {
            return -1;
        }
        int end = last + 1;
        if ((info & PREFIX) != 0) {
            return wordEnd(chars, end, n);
        }
        return (info & NEED_END) != 0 && end < n && CharClasses.wordFrom(chars, end, n) ? -1 : end;
    }

    private static void emit(char[] chars, int n, int p, int info, int last, int words, ScanHits hits) {
        int start = startOf(chars, last, info >>> UNITS_SHIFT);
        int end = endOnBoundaries(chars, n, info, start, last);
        if (end < 0) {
            return;
        }
        int wordStarts = 0;
        for (int j = start; j <= last; j++) {
            int k = CharClasses.kind(chars[j]);
            if ((k & CharClasses.WORD) != 0
                    && ((k & CharClasses.IDEOGRAPH) != 0 || !CharClasses.continuesWord(chars, j))) {
                wordStarts++;
            }
        }
        int wordEnd = Math.max(words - 1, 0);
        int wordStart = wordStarts == 0 ? wordEnd : words - wordStarts;
        hits.add(p, start, end, wordStart, wordEnd);
    }

    /** The end of the word a prefix hit runs on into (ignorable characters inside it included). */
    private static int wordEnd(char[] chars, int from, int n) {
        int end = from;
        int j = from;
        while (j < n) {
            int k = CharClasses.kind(chars[j]);
            if ((k & CharClasses.IGNORABLE) != 0) {
                j++;
                continue;
            }
            if (!CharClasses.joinsWord(chars[j])) {
                break;
            }
            j++;
            end = j;
        }
        return end;
    }

    /** Walks back from the last character over {@code units} folded units to the hit's first character. */
    private static int startOf(char[] text, int last, int units) {
        int j = last;
        int remaining = units;
        while (remaining > 0 && j >= 0) {
            int k = CharClasses.kind(text[j]);
            if ((k & CharClasses.IGNORABLE) != 0) {
                j--;
                continue;
            }
            if ((k & CharClasses.SPACE) != 0) {
                while (j >= 0 && (CharClasses.kind(text[j]) & (CharClasses.SPACE | CharClasses.IGNORABLE)) != 0) {
                    j--;
                }
            } else {
                j--;
            }
            remaining--;
        }
        return j + 1;
    }
}
