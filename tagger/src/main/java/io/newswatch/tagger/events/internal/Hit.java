package io.newswatch.tagger.events.internal;

/**
 * One lexicon word found in a text, or one state mention (kind {@link Lexicon.Kind#STATE}, value its code).
 *
 * @param kind    what the word means
 * @param value   the commodity or state code; {@link Lexicon#REGION} for a macro-region; null for the other kinds
 * @param start   offset of its first character
 * @param end     offset one past its last character
 * @param generic for a commodity word: whether it is too general to stand beside a more specific one; for a
 *                state: whether it comes from the lexicon rather than the gazetteer (it then plays a part only
 *                when a preposition, possessive or verb gives it one)
 */
record Hit(Lexicon.Kind kind, String value, int start, int end, boolean generic) {
    boolean is(Lexicon.Kind k) {
        return kind == k;
    }
}
