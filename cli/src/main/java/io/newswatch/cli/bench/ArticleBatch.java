package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic articles generated and serialized before any clock starts, so that a benchmark times Kafka and the
 * pipeline, not the generator; the raw reference and the pipeline send exactly these records.
 */
public final class ArticleBatch {
    private final byte[][] keys;
    private final byte[][] values;
    private final long[] timestamps;
    private final long bytes;

    private ArticleBatch(byte[][] keys, byte[][] values, long[] timestamps) {
        this.keys = keys;
        this.values = values;
        this.timestamps = timestamps;
        long total = 0;
        for (byte[] v : values) {
            total += v.length;
        }
        this.bytes = total;
    }

    /** Articles {@code first..first+count-1} of the generator, serialized as {@code news.articles} holds them. */
    public static ArticleBatch generate(SyntheticArticles generator, long first, int count) {
        byte[][] keys = new byte[count][];
        byte[][] values = new byte[count][];
        long[] timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            Article a = generator.article(first + i);
            keys[i] = a.id().getBytes(StandardCharsets.UTF_8);
            values[i] = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a);
            timestamps[i] = a.fetchedAt().toEpochMilli();
        }
        return new ArticleBatch(keys, values, timestamps);
    }

    public int size() {
        return values.length;
    }

    /** Serialized bytes of all values. */
    public long bytes() {
        return bytes;
    }

    public byte[] key(int i) {
        return keys[i];
    }

    public byte[] value(int i) {
        return values[i];
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** The article id of record {@code i}. */
    public String id(int i) {
        return new String(keys[i], StandardCharsets.UTF_8);
    }
}
