package io.newswatch.tagger.internal;

import io.newswatch.tagger.TextSegmenter;
import java.util.List;

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
 *
 * <p>The tables are built by {@link TermAutomatonCompiler}; this class defines their layout (the fields and
 * constants below) and scans with them.
 */
public final class TermAutomaton {
    /** A class table entry holds the character's class above this many bits and its kind ({@link CharClasses}). */
    static final int KIND_BITS = 6;
    static final int KIND_MASK = (1 << KIND_BITS) - 1;
    /** Pattern info bits: letters and digits only. */
    static final int SIMPLE = 1;
    /** Pattern info bits: matches any word that begins with it. */
    static final int PREFIX = 2;
    /** Pattern info bits: needs a word boundary before it. */
    static final int NEED_START = 4;
    /** Pattern info bits: needs a word boundary after it. */
    static final int NEED_END = 8;
    /** Pattern info: the pattern's length in folded units sits above the flags. */
    static final int UNITS_SHIFT = 4;

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
        this(new TermAutomatonCompiler(folded, isPrefix));
    }

    /**
     * Takes the compiled tables into this object's own final fields: a scan reads them exactly as it would had this
     * class built them, with no hop through the compiler.
     */
    private TermAutomaton(TermAutomatonCompiler c) {
        this.table = c.table;
        this.alphabet = c.alphabet;
        this.hotShift = c.hotShift;
        this.hotChars = c.hotChars;
        this.hotInts = c.hotInts;
        this.firstOutput = c.firstOutput;
        this.delta = c.delta;
        this.outputAt = c.outputAt;
        this.outs = c.outs;
        this.states = c.states;
        this.midWordRow = c.midWordRow;
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
