package io.newswatch.tagger.events.internal;

import java.util.Set;

/**
 * Word-level reading of a sentence for the event reader: the word before or after an offset, possessives, digits and
 * punctuation between two offsets, whether a sentence ends as prose does or opens by referring back. All offsets
 * are into the whole text; nothing here allocates more than the word it returns.
 */
final class Words {
    private Words() {
    }

    /** Words that open a sentence referring back to the one before. */
    static final Set<String> REFERRING = Set.of("those", "these", "such", "they", "this", "that");

    /** Whether a sentence ends as prose does, with a full stop, a question or exclamation mark (or a quote). */
    static boolean prose(String text, int start, int end) {
        int e = end;
        while (e > start && (Character.isWhitespace(text.charAt(e - 1)) || "\"”’»)".indexOf(text.charAt(e - 1)) >= 0)) {
            e--;
        }
        return e > start && ".!?。！？…".indexOf(text.charAt(e - 1)) >= 0;
    }

    /** Whether the sentence opens with a word that refers back ("Those things", "Such help"). */
    static boolean refersBack(String text, int start, int end) {
        int e = start;
        while (e < end && Character.isLetter(text.charAt(e))) {
            e++;
        }
        // every referring word has four or five letters (lower-casing keeps the length of any that could become
        // one): the first word of most sentences is turned away without a copy
        int length = e - start;
        return (length == 4 || length == 5)
                && REFERRING.contains(text.substring(start, e).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Literal words one of which every match of a case-insensitive pattern holds, case-folded (the lower case of
     * the upper case, the fold of {@code java.util.regex}'s {@code UNICODE_CASE}, which for a lower-case letter is
     * the letter itself): {@link #anyFolded} tells whether a text can match the pattern at all.
     */
    static final class Literals {
        /** The words by the low byte of their first letter, so a letter is compared with the few that may start. */
        private final String[][] byFirst = new String[256][];

        Literals(String... words) {
            for (String w : words) {
                String[] bucket = byFirst[w.charAt(0) & 0xFF];
                bucket = bucket == null ? new String[1] : java.util.Arrays.copyOf(bucket, bucket.length + 1);
                bucket[bucket.length - 1] = w;
                byFirst[w.charAt(0) & 0xFF] = bucket;
            }
        }
    }

    /** Every character's case fold, as {@link Literals} describes it. */
    private static final char[] FOLD = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLD[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    /**
     * Whether one of the {@code literals} stands in {@code text[from, to)} in any case: a filter before the pattern
     * they belong to, which turns away no text the pattern would match.
     */
    static boolean anyFolded(String text, int from, int to, Literals literals) {
        for (int i = from; i < to; i++) {
            char c = FOLD[text.charAt(i)];
            String[] bucket = literals.byFirst[c & 0xFF];
            if (bucket == null) {
                continue;
            }
            for (String w : bucket) {
                if (w.charAt(0) == c && i + w.length() <= to && restFolded(text, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean restFolded(String text, int at, String word) {
        for (int j = 1; j < word.length(); j++) {
            if (FOLD[text.charAt(at + j)] != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text[from, to)} may match a case-insensitive pattern anchored at its end ({@code (?:a|b)$})
     * whose every alternative ends in one of {@code lastFolded} (case-folded as in {@link Literals}): false only when
     * its last character folds to none of them. A final line break, before which {@code $} also matches, lets
     * every text through.
     */
    static boolean mayEndIn(String text, int from, int to, String lastFolded) {
        if (to <= from) {
            return true;
        }
        char c = text.charAt(to - 1);
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                || lastFolded.indexOf(FOLD[c]) >= 0;
    }

    static boolean hasPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '.') {
                return true;
            }
        }
        return false;
    }

    static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean wordAfterIsPossessive(String text, int at, int end) {
        return at + 1 < end && (text.charAt(at) == '\'' || text.charAt(at) == '’') && text.charAt(at + 1) == 's';
    }

    /** The word after {@code at} (past a possessive), lower case; empty when none. */
    static String wordAfter(String text, int at, int end) {
        int s = at;
        if (s + 1 < end && (text.charAt(s) == '\'' || text.charAt(s) == '’') && text.charAt(s + 1) == 's') {
            s += 2;
        }
        while (s < end && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < end && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    }

    /** Where the word before {@code at} starts ({@code at} itself when there is none). */
    static int wordStartBefore(String text, int from, int at) {
        int e = endBefore(text, from, at);
        int s = letterStart(text, from, e);
        return s == e ? at : s;
    }

    /** The word (letters only, lower case) before {@code at}, within the sentence; empty when none. */
    static String wordBefore(String text, int from, int at) {
        int e = endBefore(text, from, at);
        return text.substring(letterStart(text, from, e), e).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code at} less the white space before it, not before {@code from}. */
    private static int endBefore(String text, int from, int at) {
        int e = at;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** Where the run of letters that ends at {@code end} starts, not before {@code from}. */
    private static int letterStart(String text, int from, int end) {
        int s = end;
        while (s > from && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    /**
     * Endings of a Russian or Ukrainian transfer noun ("поставки", "экспорт", "передача", "постачання", "вывоз"),
     * none of which ends a verb: after such a noun a state is its genitive possessor, the supplier, not the dative
     * receiver that follows a give verb.
     */
    private static final java.util.regex.Pattern SLAVIC_NOUN = java.util.regex.Pattern.compile(
            "(?iu).*(?:к[иау]|ок|ни[яе]|ння|орт[ау]?|ач[аиуі]|оз[ау]?|аж[аиі])$");

    /** Whether the Cyrillic word at [start, end) is a transfer noun, not a verb (see {@link #SLAVIC_NOUN}). */
    static boolean slavicNoun(String text, int start, int end) {
        return Character.UnicodeScript.of(text.charAt(start)) == Character.UnicodeScript.CYRILLIC
                && SLAVIC_NOUN.matcher(text.substring(start, end)).matches();
    }

    /** The endings of a Russian or Ukrainian state's name in the instrumental case: "Россией", "Кореєю", "Китаем". */
    private static final java.util.regex.Pattern SLAVIC_INSTRUMENTAL = java.util.regex.Pattern.compile(
            "(?iu).*(?:ей|ой|ою|єю|ею|ем|ом|єм|ём)$");

    /** Whether the Cyrillic state name at [start, end) is in the instrumental case: the agent of a passive. */
    static boolean slavicInstrumental(String text, int start, int end) {
        return Character.UnicodeScript.of(text.charAt(start)) == Character.UnicodeScript.CYRILLIC
                && SLAVIC_INSTRUMENTAL.matcher(text.substring(start, end)).matches();
    }
}
