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

    /** Whether hits added now are context. */
    boolean contextMode() {
        return contextMode;
    }

    /** The hits recorded from {@code from} on, each as its entry shifted left by one, plus one when context. */
    int[] packed(int from) {
        int[] out = new int[size - from];
        for (int i = from; i < size; i++) {
            out[i - from] = items[i] << 1 | (context[i] ? 1 : 0);
        }
        return out;
    }

    /** Appends hits as {@link #packed} gave them, each with the role it was recorded with. */
    void addPacked(int[] packed) {
        for (int p : packed) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
                context = Arrays.copyOf(context, size * 2);
            }
            context[size] = (p & 1) != 0;
            items[size++] = p >>> 1;
        }
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
