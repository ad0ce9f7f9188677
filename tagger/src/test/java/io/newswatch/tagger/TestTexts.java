package io.newswatch.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the table-driven tagging tests. */
final class TestTexts {
    static final String FIXTURES = "/io/newswatch/tagger/rules-fixtures/";

    private TestTexts() {
    }

    /**
     * Turns the escapes a {@code @CsvSource} table can hold into the characters they stand for: a literal
     * backslash-n is a line break, backslash-t a tab, and backslash-u plus four hex digits that UTF-16 unit
     * (soft hyphens, no-break spaces and the like stay visible in the table that way).
     */
    static String unescape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(i + 1);
            if (next == 'n') {
                out.append('\n');
                i++;
            } else if (next == 't') {
                out.append('\t');
                i++;
            } else if (next == 'u' && i + 6 <= s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A fixture file under {@code rules-fixtures/}, as text. */
    static String fixture(String relative) {
        String resource = FIXTURES + relative;
        try (InputStream in = TestTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The caret line of a {@link RuleSetException} message: the column its '^' stands in, from 1. */
    static int caretColumn(String message) {
        String[] lines = message.split("\n");
        String caret = lines[lines.length - 1];
        int bar = caret.indexOf(" | ");
        int hat = caret.indexOf('^');
        if (bar < 0 || hat < 0) {
            return -1;
        }
        return hat - (bar + 3) + 1;
    }
}
