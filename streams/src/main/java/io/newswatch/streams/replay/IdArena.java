package io.newswatch.streams.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Article ids packed into shared byte pages, found again by reference: what a replay keeps of each article's id,
 * about the id's length in bytes instead of the 70-odd bytes of a {@link String} and its array.
 *
 * <p>An id whose characters are all below U+0080 (the hexadecimal ids the ingester gives) takes one byte per
 * character; any other id takes two, its UTF-16 code units as they are, so that every string, unpaired surrogates
 * included, comes back exactly and two different ids never share a form. Each entry starts with a variable-length
 * header: the length in characters and that flag.
 *
 * <p>{@link #hash} equals {@link String#hashCode()} of the id, so a caller can hash a string it looks up and an
 * entry it rehashes the same way. Not thread-safe; pages are 256 KiB (below the size the garbage collector treats
 * as humongous), and an id too long for one gets a page of its own.
 */
final class IdArena {
    private static final int PAGE = 1 << 18;

    private final List<byte[]> pages = new ArrayList<>();
    private int used = PAGE; // no page yet: the first id opens one

    /** Stores an id and returns its reference. */
    long add(String id) {
        boolean wide = false;
        for (int i = 0; i < id.length() && !wide; i++) {
            wide = id.charAt(i) >= 0x80;
        }
        int header = id.length() << 1 | (wide ? 1 : 0);
        int bytes = headerLength(header) + id.length() * (wide ? 2 : 1);
        if (bytes > PAGE - used) {
            pages.add(new byte[Math.max(PAGE, bytes)]);
            used = 0;
        }
        int pageIndex = pages.size() - 1;
        byte[] page = pages.get(pageIndex);
        int at = used;
        int p = writeHeader(page, at, header);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (wide) {
                page[p++] = (byte) (c >>> 8);
            }
            page[p++] = (byte) c;
        }
        used = p;
        return (long) pageIndex << 32 | at;
    }

    /** Whether the entry at {@code ref} is {@code id}. */
    boolean sameAs(long ref, String id) {
        byte[] page = pages.get((int) (ref >>> 32));
        int header = headerAt(page, (int) ref);
        if (header >>> 1 != id.length()) {
            return false;
        }
        int start = (int) ref + headerLength(header);
        for (int i = 0; i < id.length(); i++) {
            if (charAt(page, start, header, i) != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The id at {@code ref}. */
    String get(long ref) {
        byte[] page = pages.get((int) (ref >>> 32));
        int header = headerAt(page, (int) ref);
        int start = (int) ref + headerLength(header);
        char[] chars = new char[header >>> 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = charAt(page, start, header, i);
        }
        return new String(chars);
    }

    /** {@link String#hashCode()} of the id at {@code ref}, without making the string. */
    int hash(long ref) {
        byte[] page = pages.get((int) (ref >>> 32));
        int header = headerAt(page, (int) ref);
        int start = (int) ref + headerLength(header);
        int h = 0;
        for (int i = 0; i < header >>> 1; i++) {
            h = 31 * h + charAt(page, start, header, i);
        }
        return h;
    }

    /** Bytes held, pages included: what the ids cost the heap. */
    long footprint() {
        return pages.stream().mapToLong(p -> p.length).sum();
    }

    private static int headerAt(byte[] page, int at) {
        int header = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = page[at++];
            header |= (b & 0x7f) << shift;
            if (b >= 0) {
                return header;
            }
        }
    }

    private static char charAt(byte[] page, int start, int header, int i) {
        if ((header & 1) == 0) {
            return (char) (page[start + i] & 0xff);
        }
        int p = start + 2 * i;
        return (char) ((page[p] & 0xff) << 8 | page[p + 1] & 0xff);
    }

    private static int headerLength(int header) {
        int n = 1;
        while ((header >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static int writeHeader(byte[] page, int at, int header) {
        while ((header & ~0x7f) != 0) {
            page[at++] = (byte) (header & 0x7f | 0x80);
            header >>>= 7;
        }
        page[at++] = (byte) header;
        return at;
    }
}
