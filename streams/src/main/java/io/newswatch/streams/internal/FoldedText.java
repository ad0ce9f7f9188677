package io.newswatch.streams.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Text folded for matching, with a map back to the original offsets. Folding applies Unicode NFKC (so full-width
 * and compatibility forms match their plain forms, UAX #15), lower-cases with the root locale, reads Russian
 * {@code ё} as {@code е}, turns every apostrophe variant into {@code '}, and turns every run of whitespace and
 * hyphens/dashes into one space, so "Kim Jong-un", "KIM JONG UN" and a name hard-wrapped across two lines all
 * fold to {@code kim jong un}. Soft hyphens and zero-width characters are dropped.
 *
 * <p>Aliases and terms are folded with the same function as the text they are matched against.
 */
public final class FoldedText {
    private final String original;
    private final String folded;
    private final int[] originalStart;
    private final int[] originalEnd;

    private FoldedText(String original, String folded, int[] originalStart, int[] originalEnd) {
        this.original = original;
        this.folded = folded;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    /** Folds a text; never fails (an empty text folds to an empty text). */
    public static FoldedText of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() + 8];
        int[] ends = new int[text.length() + 8];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String mapped = isIgnorable(cp) ? "" : isSeparator(cp) ? " " : foldCodePoint(cp);
            for (int k = 0; k < mapped.length(); k++) {
                char c = mapped.charAt(k);
                if (c == ' ' && n > 0 && out.charAt(n - 1) == ' ') {
                    ends[n - 1] = next;
                    continue;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                out.append(c);
                starts[n] = i;
                ends[n] = next;
                n++;
            }
            i = next;
        }
        return new FoldedText(text, out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Folds an alias or a term: the same folding, with surrounding spaces removed. */
    public static String foldPattern(String pattern) {
        return of(pattern).folded().strip();
    }

    private static String foldCodePoint(int cp) {
        if (cp < 0x80) {
            char c = (char) cp;
            return String.valueOf(c == '`' ? '\'' : Character.toLowerCase(c));
        }
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == 'ё') {
                c = 'е';
            } else if (isApostrophe(c)) {
                c = '\'';
            } else if (isSeparator(c)) {
                c = ' ';
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isApostrophe(int c) {
        return c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u2032' || c == '\u00B4';
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '-' || cp == '_'
                || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
    }

    private static boolean isIgnorable(int cp) {
        return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060;
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** Original offset of the folded character at {@code foldedIndex}. */
    public int originalStart(int foldedIndex) {
        return originalStart[foldedIndex];
    }

    /** Original offset one past the folded character at {@code foldedIndex}. */
    public int originalEnd(int foldedIndex) {
        return originalEnd[foldedIndex];
    }
}
