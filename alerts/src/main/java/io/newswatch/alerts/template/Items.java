package io.newswatch.alerts.template;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A list a template iterates with a section ({@code {{#evidence}}...{{/evidence}}}), which as a variable
 * ({@code {{evidence}}}) renders the text that name rendered before it was a list, so templates written for the
 * former single values keep their output. An empty list skips its section and enters its inverted section.
 *
 * @param items the item contexts, in order
 * @param text  what the name renders as a variable
 */
record Items(List<Map<String, Object>> items, String text) implements Iterable<Map<String, Object>> {
    Items {
        items = List.copyOf(items);
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        return items.iterator();
    }

    /** The variable's text: what {@code {{name}}} renders. */
    @Override
    public String toString() {
        return text;
    }
}
