package io.newswatch.tagger.internal;

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
    private char[] chars = new char[8192];

    /** A reusable buffer of at least {@code n} chars for the scanner's copy of the text. */
    public char[] chars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        return chars;
    }

    private int[] marks = new int[256];
    private int markCount;

    /** Forgets every hit and mark, keeping the arrays. */
    public void clear() {
        size = 0;
        markCount = 0;
    }

    void mark(int position) {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, markCount * 2);
        }
        marks[markCount++] = position;
    }

    /** Positions of line breaks and sentence marks seen by the scan, increasing; valid up to {@link #markCount()}. */
    public int[] marks() {
        return marks;
    }

    public int markCount() {
        return markCount;
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
