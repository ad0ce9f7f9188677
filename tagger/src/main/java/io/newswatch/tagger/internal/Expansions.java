package io.newswatch.tagger.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell-style alternatives in aliases and rule words: {@code Северн{ая,ой,ую} Коре{я,и,ю}} stands for every
 * combination (nine forms), which is how inflected names are written down without listing each by hand.
 * Braces do not nest; an empty alternative is allowed ({@code violation{,s}}).
 */
public final class Expansions {
    /** More forms than this from one text is almost certainly a mistake. */
    static final int MAX_FORMS = 512;

    private Expansions() {
    }

    /**
     * Expands {@code text}.
     *
     * @throws IllegalArgumentException on an unbalanced or nested brace, or too many forms
     */
    public static List<String> expand(String text) {
        List<String> forms = new ArrayList<>();
        forms.add("");
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("'}' without '{' in '" + text + "'");
            }
            if (c != '{') {
                int next = i;
                while (next < text.length() && text.charAt(next) != '{' && text.charAt(next) != '}') {
                    next++;
                }
                String literal = text.substring(i, next);
                forms.replaceAll(f -> f + literal);
                i = next;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("'{' is never closed in '" + text + "'");
            }
            String inside = text.substring(i + 1, close);
            if (inside.indexOf('{') >= 0) {
                throw new IllegalArgumentException("braces cannot nest in '" + text + "'");
            }
            String[] options = inside.split(",", -1);
            List<String> next = new ArrayList<>(forms.size() * options.length);
            for (String f : forms) {
                for (String o : options) {
                    next.add(f + o.strip());
                }
            }
            if (next.size() > MAX_FORMS) {
                throw new IllegalArgumentException("'" + text + "' expands to more than " + MAX_FORMS + " forms");
            }
            forms = next;
            i = close + 1;
        }
        return forms;
    }
}
