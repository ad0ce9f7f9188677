package io.newswatch.tagger.internal;

import java.text.Normalizer;

/**
 * How the matcher sees each UTF-16 unit: its folded form and its kind, precomputed once for all 65,536 units so
 * the scan loop does one table load per character.
 *
 * <p>Folding is NFKC (full-width and compatibility forms become their plain letters), then simple case folding
 * ({@code toLowerCase(toUpperCase(c))}), then newswatch's own equivalences: every dash and every kind of
 * whitespace (line breaks included) is one {@link #SPACE}, every apostrophe-like mark is {@code '}, and Russian
 * {@code ё} is {@code е} (the two are interchangeable in ordinary Russian print), and a Traditional Chinese ideograph
 * is its Simplified form (Taiwanese and Hong Kong outlets write 北韓運送砲彈 where mainland ones write 北韩运送炮弹; the
 * table, {@code han-simplified.txt}, is ICU's Traditional-Simplified transform, one-to-one replacements only).
 * Combining marks, the soft hyphen
 * and zero-width characters are {@link #IGNORABLE}: the matcher skips them. A unit whose NFKC form is longer than
 * one unit (ligatures such as {@code ﬁ}) keeps its own identity.
 */
public final class CharClasses {
    /** A letter or digit: part of a word. */
    public static final int WORD = 1;
    /** Whitespace or a dash: separates words; a run of them counts as one. */
    public static final int SPACE = 2;
    /** Skipped entirely (combining marks, soft hyphen, zero-width characters). */
    public static final int IGNORABLE = 4;
    /** A CJK ideograph: a word of its own, and no word boundary is needed around it. */
    public static final int IDEOGRAPH = 8;
    /** A Hangul syllable or jamo: particles attach on the right, so no boundary is needed after it. */
    public static final int HANGUL = 16;
    /** An apostrophe: between letters it keeps a word together ("Russia's" is one word for NEAR). */
    public static final int APOSTROPHE = 32;

    private static final char[] FOLD = new char[65536];
    private static final byte[] KIND = new byte[65536];

    static {
        char[] simplified = simplifiedForms();
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || ch == '\u00AD'
                    || (ch >= '\u200B' && ch <= '\u200F') || ch == '\u2060' || ch == '\uFEFF') {
                FOLD[c] = 0;
                KIND[c] = IGNORABLE;
                continue;
            }
            char f = ch;
            if (c >= 0x80 && !Character.isSurrogate(ch)) {
                String n = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
                if (n.length() == 1) {
                    f = n.charAt(0);
                }
            }
            f = Character.toLowerCase(Character.toUpperCase(f));
            if (f == 'ё') {
                f = 'е';
            }
            if (simplified[f] != 0) {
                f = simplified[f];
            }
            if (Character.isWhitespace(f) || Character.isSpaceChar(f)
                    || Character.getType(f) == Character.DASH_PUNCTUATION || f == '\u2212') {
                FOLD[c] = ' ';
                KIND[c] = SPACE;
                continue;
            }
            if (f == '’' || f == '‘' || f == 'ʼ' || f == '′' || f == '`' || f == '´' || f == 'ʻ') {
                f = '\'';
            }
            FOLD[c] = f;
            int kind = f == '\'' ? APOSTROPHE : 0;
            if (Character.isLetterOrDigit(f)) {
                kind = WORD;
                Character.UnicodeScript script = Character.UnicodeScript.of(f);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    kind |= IDEOGRAPH;
                } else if (script == Character.UnicodeScript.HANGUL) {
                    kind |= HANGUL;
                }
            }
            KIND[c] = (byte) kind;
        }
    }

    private CharClasses() {
    }

    /**
     * The Simplified form of each Traditional ideograph in {@code han-simplified.txt}, 0 elsewhere.
     *
     * @throws IllegalStateException when the table is missing or a line is not two ideographs (a broken build)
     */
    private static char[] simplifiedForms() {
        char[] table = new char[65536];
        try (java.io.InputStream in = CharClasses.class.getResourceAsStream("han-simplified.txt")) {
            if (in == null) {
                throw new IllegalStateException("han-simplified.txt is missing from the tagger's classpath");
            }
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                if (line.length() != 3 || line.charAt(1) != ' ') {
                    throw new IllegalStateException("han-simplified.txt: not a pair of ideographs: " + line);
                }
                table[line.charAt(0)] = line.charAt(2);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return table;
    }

    /** The folded form of {@code c}; 0 for an ignorable unit, a space for whitespace and dashes. */
    public static char fold(char c) {
        return FOLD[c];
    }

    /** The kind bits of {@code c} ({@link #WORD}, {@link #SPACE}, ...; 0 for punctuation and symbols). */
    public static int kind(char c) {
        return KIND[c];
    }

    /** Whether {@code c} is part of a word for boundary purposes: a letter or digit that is not an ideograph. */
    public static boolean joinsWord(char c) {
        return (KIND[c] & (WORD | IDEOGRAPH)) == WORD;
    }

    /**
     * Folds a whole pattern the way the scanner folds text: ignorable units dropped, runs of spaces and dashes
     * collapsed to one space, leading and trailing spaces removed.
     */
    public static String foldPattern(CharSequence pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean space = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int kind = KIND[c];
            if ((kind & IGNORABLE) != 0) {
                continue;
            }
            if ((kind & SPACE) != 0) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(FOLD[c]);
        }
        return out.toString();
    }

    /** Whether a word character at {@code i} continues the word before it rather than starting a new one. */
    static boolean continuesWord(char[] text, int i) {
        int j = i - 1;
        while (j >= 0 && (KIND[text[j]] & IGNORABLE) != 0) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        int k = KIND[text[j]];
        if ((k & APOSTROPHE) != 0) {
            int b = j - 1;
            while (b >= 0 && (KIND[text[b]] & IGNORABLE) != 0) {
                b--;
            }
            return b >= 0 && (KIND[text[b]] & (WORD | IDEOGRAPH)) == WORD;
        }
        return (k & (WORD | IDEOGRAPH)) == WORD;
    }

    /** Whether the nearest visible character before {@code i} continues a word (ignorable characters skipped). */
    static boolean wordBefore(char[] text, int i) {
        int j = i - 1;
        while (j >= 0 && (KIND[text[j]] & IGNORABLE) != 0) {
            j--;
        }
        return j >= 0 && joinsWord(text[j]);
    }

    /**
     * Whether the nearest visible character from {@code i} on continues the word a hit ends in (ignorable characters
     * skipped). Hangul does not: a Korean particle is written solid after a foreign word or a number with its unit
     * ("KN-23을", "UN의", "600t을"), and the word still ends where the Latin or Cyrillic letters end.
     */
    static boolean wordFrom(char[] text, int i, int n) {
        int j = i;
        while (j < n && (KIND[text[j]] & IGNORABLE) != 0) {
            j++;
        }
        return j < n && joinsWord(text[j]) && (KIND[text[j]] & HANGUL) == 0;
    }

    /** A copy of the fold table, for the automaton's class table. */
    static char[] foldTable() {
        return FOLD;
    }

    /** The kind table, shared read-only with the automaton. */
    static byte[] kindTable() {
        return KIND;
    }
}
