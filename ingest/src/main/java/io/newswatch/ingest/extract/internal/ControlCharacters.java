package io.newswatch.ingest.extract.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Control characters in scraped pages, and telling a text body from a binary one.
 *
 * <p>Text keeps tab, line feed, carriage return and form feed; every other C0 control (U+0000–U+001F), DEL
 * (U+007F) and the C1 controls (U+0080–U+009F, which no HTML page means as text: the HTML standard maps their
 * numeric references to windows-1252 characters, and jsoup does that) are removed. Bytes are stripped only for
 * charsets in which every byte below 0x80 is that ASCII character: not UTF-16 or UTF-32, where a NUL byte is half
 * of a letter, nor ISO-2022, which switches modes with ESC.
 *
 * <p>A body is binary when, in its first {@link #SAMPLE_BYTES} decoded with its charset (UTF-8 when none is
 * declared), the control characters other than NUL and the undecodable sequences are more than
 * {@link #BINARY_SHARE} of the characters that are not NUL, or when it holds nothing but NULs. NULs alone do not
 * make a body binary: a broken page padded with them is still text. Images, archives, compressed and random bytes
 * are far over the share (a third to a half of random bytes are invalid UTF-8 or controls); text in a charset other
 * than the one assumed stays far under it (an accented letter decoded wrongly is one character in twenty at most).
 */
public final class ControlCharacters {
    /** How much of a body the binary test looks at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    /** The share of controls and undecodable sequences above which a body is binary. */
    public static final double BINARY_SHARE = 0.10;

    private ControlCharacters() {
    }

    /** True for a character text never carries: C0 except tab, LF, FF and CR; DEL; C1. */
    public static boolean isStripped(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    /** The text without the control characters described in the class comment. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !isStripped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isStripped(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The bytes without C0 controls (except tab, LF, FF, CR) and DEL, when the charset is ASCII-compatible and the
     * body has no UTF-16 or UTF-32 byte-order mark; else the bytes as they are.
     *
     * @param charset the declared charset, or null when none is (then an ASCII-compatible one is assumed)
     */
    public static byte[] strip(byte[] body, Charset charset) {
        if (!asciiCompatible(charset) || hasWideBom(body)) {
            return body;
        }
        int kept = 0;
        byte[] out = null;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b >= 0 && isStripped(b)) {
                if (out == null) {
                    out = new byte[body.length];
                    System.arraycopy(body, 0, out, 0, i);
                    kept = i;
                }
                continue;
            }
            if (out != null) {
                out[kept] = b;
            }
            kept++;
        }
        return out == null ? body : Arrays.copyOf(out, kept);
    }

    /**
     * Whether a body is binary rather than text, as the class comment defines it.
     *
     * @param charset the declared charset, or null for UTF-8
     */
    public static boolean looksBinary(byte[] body, Charset charset) {
        int n = Math.min(body.length, SAMPLE_BYTES);
        if (n == 0) {
            return false;
        }
        Charset cs = charset != null ? charset : bomCharset(body);
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD");
        CharBuffer chars = CharBuffer.allocate((int) (n * (double) decoder.maxCharsPerByte()) + 16);
        decoder.decode(ByteBuffer.wrap(body, 0, n), chars, n == body.length);
        // the buffer's own array, read directly: CharBuffer.charAt per character cost a backfill a twelfth of its
        // extraction time on 150 KB pages
        char[] decoded = chars.array();
        int length = chars.position();
        long counted = 0;
        long bad = 0;
        for (int i = 0; i < length; i++) {
            char c = decoded[i];
            if (c == 0) {
                continue;
            }
            counted++;
            if (c == '\uFFFD' || isStripped(c)) {
                bad++;
            }
        }
        return counted == 0 || bad > counted * BINARY_SHARE;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean hasWideBom(byte[] b) {
        return b.length >= 2 && (((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)
                || ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe));
    }

    private static boolean asciiCompatible(Charset charset) {
        if (charset == null) {
            return true;
        }
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !name.startsWith("UTF-16") && !name.startsWith("UTF-32") && !name.startsWith("X-UTF-32")
                && !name.startsWith("ISO-2022") && !name.equals("UTF-7") && !name.startsWith("X-UTF-16");
    }
}
