package io.newswatch.cli.bench;

import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic articles generated and serialized before any clock starts, so that a benchmark times Kafka and the
 * pipeline, not the generator; the raw reference and the pipeline send exactly these records.
 *
 * <p>The serialized values are kept outside the heap, in a memory-mapped temporary file (deleted as soon as it is
 * mapped, so nothing is left behind): in production they come from an ingester in another process, and tens of
 * thousands of 5 KB values held in the heap the pipeline shares would make the benchmark measure its own garbage
 * collector (with 20,000 of them, G1 ran a concurrent marking cycle several times a second under the 512 MiB
 * heap). Each {@link #value} call copies one value out.
 */
public final class ArticleBatch {
    /** Values are mapped in chunks of at most this many bytes (a mapping is indexed by int). */
    private static final long CHUNK = 1L << 30;

    private final long chunk;
    private final byte[][] keys;
    private final long[] offsets;
    private final int[] lengths;
    private final long[] timestamps;
    private final List<MappedByteBuffer> chunks;
    private final long bytes;

    private ArticleBatch(long chunk, byte[][] keys, long[] offsets, int[] lengths, long[] timestamps,
                         List<MappedByteBuffer> chunks, long bytes) {
        this.chunk = chunk;
        this.keys = keys;
        this.offsets = offsets;
        this.lengths = lengths;
        this.timestamps = timestamps;
        this.chunks = chunks;
        this.bytes = bytes;
    }

    /**
     * Articles {@code first..first+count-1} of the generator, serialized as {@code news.articles} holds them.
     *
     * @throws UncheckedIOException when the temporary file cannot be written or mapped
     */
    public static ArticleBatch generate(SyntheticArticles generator, long first, int count) {
        return generate(generator, first, count, CHUNK);
    }

    /** As {@link #generate(SyntheticArticles, long, int)}, mapping at most {@code chunk} bytes at a time. */
    static ArticleBatch generate(SyntheticArticles generator, long first, int count, long chunk) {
        byte[][] keys = new byte[count][];
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        long[] timestamps = new long[count];
        try {
            Path file = Files.createTempFile("newswatch-bench-articles", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long offset = 0;
                for (int i = 0; i < count; i++) {
                    Article a = generator.article(first + i);
                    keys[i] = a.id().getBytes(StandardCharsets.UTF_8);
                    byte[] value = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a);
                    if (value.length > chunk) {
                        throw new IllegalArgumentException("an article of " + value.length + " bytes is larger than a "
                                + "mapping of " + chunk);
                    }
                    if (offset / chunk != (offset + value.length - 1) / chunk) {
                        offset = (offset / chunk + 1) * chunk; // a value never straddles two mappings
                    }
                    channel.write(ByteBuffer.wrap(value), offset);
                    offsets[i] = offset;
                    lengths[i] = value.length;
                    timestamps[i] = a.fetchedAt().toEpochMilli();
                    offset += value.length;
                }
                List<MappedByteBuffer> chunks = new ArrayList<>();
                for (long at = 0; at < offset; at += chunk) {
                    chunks.add(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(chunk, offset - at)));
                }
                long total = 0;
                for (int length : lengths) {
                    total += length;
                }
                return new ArticleBatch(chunk, keys, offsets, lengths, timestamps, chunks, total);
            } finally {
                Files.deleteIfExists(file); // the mappings outlive the name
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the benchmark's articles in a temporary file", e);
        }
    }

    public int size() {
        return keys.length;
    }

    /** Serialized bytes of all values. */
    public long bytes() {
        return bytes;
    }

    public byte[] key(int i) {
        return keys[i];
    }

    /** A copy of value {@code i}. */
    public byte[] value(int i) {
        byte[] out = new byte[lengths[i]];
        chunks.get((int) (offsets[i] / chunk)).get((int) (offsets[i] % chunk), out);
        return out;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** The article id of record {@code i}. */
    public String id(int i) {
        return new String(keys[i], StandardCharsets.UTF_8);
    }
}
