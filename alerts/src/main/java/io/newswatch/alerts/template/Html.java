package io.newswatch.alerts.template;

import java.util.Objects;

/**
 * A value that already is HTML, built by {@link AlertContext} from escaped pieces and fixed tags: an HTML template
 * renders it as it is, with {@code {{name}}} as with {@code {{{name}}}}, where every other value is escaped. Only
 * the names in {@link AlertContext#MARKUP_NAMES} hold one.
 *
 * @param markup the HTML, never null
 */
record Html(String markup) implements CharSequence {
    Html {
        Objects.requireNonNull(markup, "markup");
    }

    @Override
    public int length() {
        return markup.length();
    }

    @Override
    public char charAt(int index) {
        return markup.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return markup.subSequence(start, end);
    }

    @Override
    public String toString() {
        return markup;
    }
}
