package io.newswatch.streams.internal;

import java.util.Arrays;

/**
 * The raw hits of one scan, as parallel growable int arrays (no object per hit): pattern index, character span
 * {@code [start, end)} and the indexes of the first and last word the hit covers. Reused across texts by one
 * thread; not thread-safe.
 */
public final class ScanHits {
    private int[] pattern = new int[64];
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] wordStart = new int[64];
    private int[] wordEnd = new int[64];
    private int size;

    /** Forgets every hit, keeping the arrays. */
    public void clear() {
        size = 0;
    }

    void add(int p, int s, int e, int ws, int we) {
        if (size == pattern.length) {
            int cap = size * 2;
            pattern = Arrays.copyOf(pattern, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            wordStart = Arrays.copyOf(wordStart, cap);
            wordEnd = Arrays.copyOf(wordEnd, cap);
        }
        pattern[size] = p;
        start[size] = s;
        end[size] = e;
        wordStart[size] = ws;
        wordEnd[size] = we;
        size++;
    }

    public int size() {
        return size;
    }

    public int pattern(int i) {
        return pattern[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public int wordStart(int i) {
        return wordStart[i];
    }

    public int wordEnd(int i) {
        return wordEnd[i];
    }
}
