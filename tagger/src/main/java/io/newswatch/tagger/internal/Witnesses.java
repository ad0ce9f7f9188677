package io.newswatch.tagger.internal;

import java.util.Arrays;

/** The hits (entry indexes of a {@link DocumentIndex}) that made a query true; a growable int list. */
public final class Witnesses {
    private int[] items = new int[16];
    private int size;

    void add(int entry) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = entry;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    void clear() {
        size = 0;
    }

    int get(int i) {
        return items[i];
    }
}
