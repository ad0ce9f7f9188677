package io.newswatch.tagger.internal;

import java.util.Arrays;

/**
 * The hits (entry indexes of a {@link DocumentIndex}) that made a query true, each with the role of the query part
 * that recorded it: decisive, or context when it was recorded while a context part (an entity condition, a condition
 * of a wider scope than the decisive part) was evaluated. A growable int list.
 */
public final class Witnesses {
    private int[] items = new int[16];
    private boolean[] context = new boolean[16];
    private int size;
    private boolean contextMode;

    void add(int entry) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            context = Arrays.copyOf(context, size * 2);
        }
        context[size] = contextMode;
        items[size++] = entry;
    }

    /** Sets whether hits added from now on are context; returns the previous setting, to restore it after. */
    boolean contextMode(boolean on) {
        boolean previous = contextMode;
        contextMode = on;
        return previous;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    void clear() {
        size = 0;
        contextMode = false;
    }

    int get(int i) {
        return items[i];
    }

    /** Whether hit {@code i} was recorded by a context part of the query. */
    boolean isContext(int i) {
        return context[i];
    }
}
