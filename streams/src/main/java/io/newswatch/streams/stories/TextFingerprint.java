package io.newswatch.streams.stories;

/**
 * A 64-bit SimHash of a text (Charikar 2002; as used for near-duplicate web pages by Manku, Jain and Das Sarma,
 * WWW 2007): texts that share most of their word 3-shingles get fingerprints a few bits apart, so the same wire
 * story carried by several outlets with light edits (a new headline, an outlet's dateline, a sentence added or cut)
 * is recognised by the Hamming distance of two longs.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased; in scripts written without spaces (Han, kana,
 * Hangul) each character counts as a word. A text with fewer than {@link #MIN_SHINGLES} shingles gets no
 * fingerprint ({@link #of} returns {@link #NONE}): a two-line brief says too little to be called a copy.
 */
public final class TextFingerprint {
    /** Shingles a text needs before it is fingerprinted. */
    public static final int MIN_SHINGLES = 12;
    /** Returned for a text too short to fingerprint. */
    public static final long NONE = 0L;
    private static final int SHINGLE = 3;
    private static final long BYTE_LOW_BITS = 0x0101010101010101L;
    /** Hangul Jamo, the lowest block of the scripts written without spaces (Han, kana and Hangul lie above it). */
    private static final int FIRST_SPACELESS = 0x1100;

    private TextFingerprint() {
    }

    /** The text's fingerprint, or {@link #NONE}. */
    public static long of(String text) {
        long[] words = words(text == null ? "" : text);
        int shingles = words.length - SHINGLE + 1;
        if (shingles < MIN_SHINGLES) {
            return NONE;
        }
        // SimHash sets bit p when more than half the shingle hashes have it. The ones are counted eight bit
        // positions at a time: byte b of lanes[j] counts bit 8b+j, so one shingle costs eight shift-mask-adds and
        // no branch; a byte can count to 255, so the lanes are emptied into ones[] every 255 shingles.
        long[] lanes = new long[8];
        int[] ones = new int[64];
        int inLanes = 0;
        for (int i = 0; i < shingles; i++) {
            long h = mix(words[i] * 31 * 31 + words[i + 1] * 31 + words[i + 2]);
            for (int j = 0; j < 8; j++) {
                lanes[j] += (h >>> j) & BYTE_LOW_BITS;
            }
            if (++inLanes == 255) {
                empty(lanes, ones);
                inLanes = 0;
            }
        }
        empty(lanes, ones);
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint == NONE ? 1L : fingerprint; // NONE is reserved for "too short"
    }

    private static void empty(long[] lanes, int[] ones) {
        for (int j = 0; j < 8; j++) {
            for (int b = 0; b < 8; b++) {
                ones[8 * b + j] += (int) ((lanes[j] >>> (8 * b)) & 0xFF);
            }
            lanes[j] = 0;
        }
    }

    /** How many bits two fingerprints differ in. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Each word's 64-bit hash, in text order. */
    private static long[] words(String text) {
        long[] out = new long[Math.max(16, text.length() / 4)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp;
            boolean letter;
            if (c < 128) {
                // ASCII, most of every English text: the Character tables cost more than the word hashing
                i++;
                if (c >= 'A' && c <= 'Z') {
                    cp = c + ('a' - 'A');
                    letter = true;
                } else {
                    cp = c;
                    letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                }
            } else {
                int raw = text.codePointAt(i);
                i += Character.charCount(raw);
                cp = Character.toLowerCase(raw);
                letter = Character.isLetterOrDigit(raw);
            }
            if (letter && writtenWithoutSpaces(cp)) {
                if (inWord) {
                    out = push(out, n++, h);
                }
                out = push(out, n++, mix(cp));
                inWord = false;
                h = 0;
            } else if (letter) {
                h = (inWord ? h : 0x9E3779B97F4A7C15L) * 0x100000001B3L ^ cp;
                inWord = true;
            } else if (inWord) {
                out = push(out, n++, h);
                inWord = false;
            }
        }
        if (inWord) {
            out = push(out, n++, h);
        }
        long[] words = new long[n];
        System.arraycopy(out, 0, words, 0, n);
        return words;
    }

    private static long[] push(long[] a, int at, long v) {
        long[] b = at < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
        b[at] = v;
        return b;
    }

    private static boolean writtenWithoutSpaces(int cp) {
        if (cp < FIRST_SPACELESS) {
            return false; // Latin, Cyrillic, Greek, Arabic, ...: no need for the (binary-search) script lookup
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
