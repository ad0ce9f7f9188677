package io.newswatch.ingest.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Undoes a response's Content-Encoding (RFC 9110 section 8.4) chunk by chunk, as the body arrives, so the decoded
 * size can be checked while decoding and a small compressed body that would decode to gigabytes (a "gzip bomb")
 * is stopped after at most the limit. Codings: {@code identity}, {@code gzip} and {@code x-gzip} (RFC 1952, several
 * members in a row allowed, CRC-32 and length checked), and {@code deflate}, which RFC 9110 defines as the zlib
 * format (RFC 1950) but which some servers send as raw DEFLATE (RFC 1951): the first two bytes tell which. Anything
 * else (br, zstd, compress, a list of codings) is refused by {@link #forEncoding}. One instance per body; not thread
 * safe.
 *
 * <p>An inflater holds native zlib memory that the garbage collector does not see, so a decoder must be
 * {@link #close closed} however its body ends: {@link #finish} closes it, and whoever abandons a body early (over the
 * limit, corrupt, a broken connection) calls {@link #close}. Once closed, {@link #feed} and {@link #finish} throw
 * {@link IllegalStateException}.
 */
public abstract class ContentDecoder implements AutoCloseable {
    /** A body whose coding is unknown, corrupt or truncated. */
    public static final class DecodingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DecodingException(String message) {
            super(message);
        }
    }

    /** Receives decoded bytes; may throw to stop decoding (the body limit). */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    private static final int CHUNK = 16 * 1024;

    /**
     * The decoder for a Content-Encoding header value (null or blank: identity).
     *
     * @throws DecodingException naming the coding when it is not one this class decodes
     */
    public static ContentDecoder forEncoding(String contentEncoding) {
        String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> new Identity();
            case "gzip", "x-gzip" -> new Gzip();
            case "deflate" -> new Deflate();
            default -> throw new DecodingException("unsupported Content-Encoding '" + contentEncoding.trim()
                    + "' (only gzip and deflate are decoded)");
        };
    }

    private boolean closed;

    /**
     * Decodes the next piece of the body and writes what it yields to the sink.
     *
     * @throws DecodingException when the body is corrupt
     * @throws IllegalStateException when the decoder is closed
     */
    public final void feed(byte[] chunk, Sink out) {
        ensureOpen();
        decode(chunk, out);
    }

    /**
     * Called at the end of the body; closes the decoder whatever the outcome.
     *
     * @throws DecodingException when the body ended inside a compressed stream
     * @throws IllegalStateException when the decoder is already closed
     */
    public final void finish() {
        ensureOpen();
        try {
            checkComplete();
        } finally {
            close();
        }
    }

    /** Frees the decoder's native memory now rather than at garbage collection. Idempotent. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Whether {@link #close} (or {@link #finish}) has run. */
    public final boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("content decoder is closed");
        }
    }

    /** Decodes one piece of an open body. */
    protected abstract void decode(byte[] chunk, Sink out);

    /** Throws when the body ended inside a compressed stream. */
    protected abstract void checkComplete();

    /** Ends whatever native resource the decoder holds; called once. */
    protected abstract void release();

    private static final class Identity extends ContentDecoder {
        @Override
        protected void decode(byte[] chunk, Sink out) {
            out.write(chunk, 0, chunk.length);
        }

        @Override
        protected void checkComplete() {
        }

        @Override
        protected void release() {
        }
    }

    /** Inflates into the sink until the inflater wants more input or has reached the end of its stream. */
    private static void inflate(Inflater inflater, Sink out, CRC32 crc, String coding) {
        byte[] buffer = new byte[CHUNK];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new DecodingException(coding + " body needs a preset dictionary");
                    }
                    return; // needs more input, or has reached the end of its stream
                }
                if (crc != null) {
                    crc.update(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new DecodingException(coding + " body is corrupt: " + e.getMessage());
        }
    }

    private static final class Deflate extends ContentDecoder {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private Inflater inflater;

        @Override
        protected void decode(byte[] chunk, Sink out) {
            if (inflater == null) {
                head.write(chunk, 0, chunk.length);
                if (head.size() < 2) {
                    return;
                }
                chunk = head.toByteArray();
                inflater = new Inflater(!isZlibHeader(chunk[0] & 0xff, chunk[1] & 0xff));
            }
            if (inflater.finished()) {
                return; // bytes after the end of the stream carry nothing
            }
            inflater.setInput(chunk);
            inflate(inflater, out, null, "deflate");
        }

        /** RFC 1950 section 2.2: method 8 (deflate), a window of at most 32 KiB, and a header check multiple of 31. */
        private static boolean isZlibHeader(int cmf, int flg) {
            return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
        }

        @Override
        protected void checkComplete() {
            boolean empty = inflater == null && head.size() == 0;
            if (!empty && (inflater == null || !inflater.finished())) {
                throw new DecodingException("deflate body is truncated");
            }
        }

        @Override
        protected void release() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** RFC 1952: header, raw DEFLATE data, then CRC-32 and length mod 2^32; members may follow one another. */
    private static final class Gzip extends ContentDecoder {
        private static final int MAX_HEADER = 64 * 1024 + 4096;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private long memberBytes;
        private int members;
        private State state = State.HEADER;

        private enum State { HEADER, DATA, TRAILER, TRAILING_GARBAGE }

        @Override
        protected void decode(byte[] chunk, Sink out) {
            byte[] input = chunk;
            while (input.length > 0) {
                switch (state) {
                    case HEADER -> input = header(input);
                    case DATA -> input = data(input, out);
                    case TRAILER -> input = trailer(input);
                    case TRAILING_GARBAGE -> input = new byte[0];
                }
            }
        }

        private byte[] header(byte[] input) {
            pending.write(input, 0, input.length);
            byte[] h = pending.toByteArray();
            if (h.length >= 2 && ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b)) {
                if (members > 0) {
                    // what GZIPInputStream does too: bytes after a complete member that are not a member are ignored
                    state = State.TRAILING_GARBAGE;
                    return new byte[0];
                }
                throw new DecodingException("gzip body does not start with the gzip magic bytes");
            }
            int length = headerLength(h);
            if (length < 0) {
                if (h.length > MAX_HEADER) {
                    throw new DecodingException("gzip header is longer than " + MAX_HEADER + " bytes");
                }
                return new byte[0];
            }
            pending.reset();
            inflater.reset();
            crc.reset();
            memberBytes = 0;
            state = State.DATA;
            return Arrays.copyOfRange(h, length, h.length);
        }

        /** The header's length once all of it is here (RFC 1952 section 2.3), else -1. */
        private static int headerLength(byte[] h) {
            if (h.length < 10) {
                return -1;
            }
            if ((h[2] & 0xff) != 8) {
                throw new DecodingException("gzip body uses compression method " + (h[2] & 0xff) + ", not deflate");
            }
            int flags = h[3] & 0xff;
            int at = 10;
            if ((flags & 4) != 0) { // FEXTRA
                if (h.length < at + 2) {
                    return -1;
                }
                at += 2 + ((h[at] & 0xff) | (h[at + 1] & 0xff) << 8);
            }
            for (int flag : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
                if ((flags & flag) != 0) {
                    while (at < h.length && h[at] != 0) {
                        at++;
                    }
                    if (at >= h.length) {
                        return -1;
                    }
                    at++;
                }
            }
            if ((flags & 2) != 0) { // FHCRC
                at += 2;
            }
            return at <= h.length ? at : -1;
        }

        private byte[] data(byte[] input, Sink out) {
            inflater.setInput(input);
            long before = inflater.getBytesWritten();
            inflate(inflater, out, crc, "gzip");
            memberBytes += inflater.getBytesWritten() - before;
            if (!inflater.finished()) {
                return new byte[0];
            }
            state = State.TRAILER;
            int rest = inflater.getRemaining();
            return Arrays.copyOfRange(input, input.length - rest, input.length);
        }

        private byte[] trailer(byte[] input) {
            int need = 8 - pending.size();
            int take = Math.min(need, input.length);
            pending.write(input, 0, take);
            if (pending.size() < 8) {
                return new byte[0];
            }
            byte[] t = pending.toByteArray();
            long storedCrc = le32(t, 0);
            long storedSize = le32(t, 4);
            if (storedCrc != crc.getValue()) {
                throw new DecodingException("gzip body fails its CRC-32 check");
            }
            if (storedSize != (memberBytes & 0xffffffffL)) {
                throw new DecodingException("gzip body has the wrong length in its trailer");
            }
            pending.reset();
            members++;
            state = State.HEADER;
            return Arrays.copyOfRange(input, take, input.length);
        }

        private static long le32(byte[] b, int at) {
            return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
        }

        @Override
        protected void checkComplete() {
            boolean complete = members > 0 && (state == State.HEADER || state == State.TRAILING_GARBAGE);
            boolean empty = state == State.HEADER && pending.size() == 0 && members == 0;
            if (!complete && !empty) {
                throw new DecodingException("gzip body is truncated");
            }
        }

        @Override
        protected void release() {
            inflater.end();
        }
    }
}
