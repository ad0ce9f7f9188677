package io.newswatch.streams.replay;

import java.util.Arrays;

/**
 * A growable column of longs kept in fixed pages of 16,384 values (128 KiB): growing allocates one more page and
 * never copies the column, and no page is large enough for the garbage collector to treat it as a humongous object.
 * That keeps a replay's per-article bookkeeping at a few dozen bytes an article with no copying spikes, where a
 * list of records would cost an object header, a reference and a hash entry for each.
 *
 * <p>Not thread-safe. Indexes outside {@code [0, size())} throw {@link IndexOutOfBoundsException}.
 */
final class LongColumn {
    private static final int SHIFT = 14;
    private static final int PAGE = 1 << SHIFT;
    private static final int MASK = PAGE - 1;

    private long[][] pages = new long[4][];
    private int size;

    /** Appends a value and returns its index. */
    int add(long value) {
        int page = size >>> SHIFT;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[page] == null) {
            pages[page] = new long[PAGE];
        }
        pages[page][size & MASK] = value;
        return size++;
    }

    /** The value at an index. */
    long get(int index) {
        return pages[check(index) >>> SHIFT][index & MASK];
    }

    /** Replaces the value at an index. */
    void set(int index, long value) {
        pages[check(index) >>> SHIFT][index & MASK] = value;
    }

    /** Values appended. */
    int size() {
        return size;
    }

    /** Bytes the pages take: what the column costs the heap. */
    long footprint() {
        long allocated = 0;
        for (long[] page : pages) {
            allocated += page == null ? 0 : (long) Long.BYTES * PAGE;
        }
        return allocated;
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of a column of " + size);
        }
        return index;
    }
}
