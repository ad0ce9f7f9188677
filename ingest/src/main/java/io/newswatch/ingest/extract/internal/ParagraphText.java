package io.newswatch.ingest.extract.internal;

import java.util.Set;

/**
 * How paragraph text is counted, the quantity every content decision weighs: all the text of {@code <p>} and
 * {@code <pre>}, and the text directly inside other block containers (many blogs write paragraphs as br-separated
 * text in a div), whitespace runs counted once. The walks that use it count characters in place; no {@code text()}
 * strings are built, which on a 200 KB page would cost more than parsing it.
 */
final class ParagraphText {
    /** Blocks whose whole text is running text. */
    static final Set<String> FULL = Set.of("p", "pre");
    /** Blocks whose own (direct) text is running text: many blogs write paragraphs as br-separated text in a div. */
    static final Set<String> OWN = Set.of("div", "td", "section", "article", "blockquote", "main", "font", "center");

    private ParagraphText() {
    }

    /** Length of a text once whitespace runs are collapsed to one space and leading whitespace dropped. */
    static int normalisedLength(String s) {
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0, len = s.length(); i < len; i++) {
            char ch = s.charAt(i);
            if (ch <= ' ' || ch == '\u00a0' || Character.isWhitespace(ch)) {
                pendingSpace = n > 0;
            } else {
                if (pendingSpace) {
                    n++;
                    pendingSpace = false;
                }
                n++;
            }
        }
        return pendingSpace ? n + 1 : n;
    }

    /** Sentence punctuation in a text (Latin, CJK and Arabic commas and full stops, colons, ! and ?). */
    static int punctuation(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            switch (s.charAt(i)) {
                case ',', '.', ';', ':', '!', '?', '\u3001', '\u3002', '\uff0c', '\uff0e', '\u060c' -> n++;
                default -> {
                }
            }
        }
        return n;
    }
}
