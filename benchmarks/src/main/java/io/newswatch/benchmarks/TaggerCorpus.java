package io.newswatch.benchmarks;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tagger benchmark's input: the texts of the first articles of {@link SyntheticArticles} with
 * {@link Mix#FOREIGN_DESK}, {@value #ARTICLE_BYTES} bytes each (±5%, plain ASCII, so as many characters), so that
 * many articles get no tag from the default rules and many get several, as on a news feed.
 *
 * <p>Contract: the same {@code (count, seed)} always gives the same texts, on any JVM, and every text is distinct
 * (an article that repeats an earlier text, which the generator makes vanishingly rare, is passed over).
 */
public final class TaggerCorpus {
    /** The seed the benchmark uses. */
    public static final long DEFAULT_SEED = 0x6e657773L;
    /** The number of articles the benchmark uses. */
    public static final int DEFAULT_SIZE = 256;
    /** The intended size of one article, in UTF-8 bytes. */
    public static final int ARTICLE_BYTES = 5_000;
    /** The publication times are of no interest to the tagger; any range will do. */
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

    private final List<String> articles;
    private final long totalUtf8Bytes;
    private final long totalChars;

    private TaggerCorpus(List<String> articles) {
        this.articles = List.copyOf(articles);
        long bytes = 0;
        long chars = 0;
        for (String a : this.articles) {
            bytes += a.getBytes(StandardCharsets.UTF_8).length;
            chars += a.length();
        }
        this.totalUtf8Bytes = bytes;
        this.totalChars = chars;
    }

    /** The benchmark's corpus: {@value #DEFAULT_SIZE} articles from {@link #DEFAULT_SEED}. */
    public static TaggerCorpus standard() {
        return generate(DEFAULT_SIZE, DEFAULT_SEED);
    }

    /**
     * The texts of the first {@code count} distinct articles generated from {@code seed}.
     *
     * @throws IllegalArgumentException when {@code count} is not positive
     */
    public static TaggerCorpus generate(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        SyntheticArticles generator = new SyntheticArticles(Mix.FOREIGN_DESK, seed, ARTICLE_BYTES, FROM, TO);
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(count);
        for (long n = 0; out.size() < count; n++) {
            String text = generator.article(n).text();
            if (seen.add(text)) {
                out.add(text);
            }
        }
        return new TaggerCorpus(out);
    }

    /** The articles, in generation order; immutable. */
    public List<String> articles() {
        return articles;
    }

    /** The number of articles. */
    public int size() {
        return articles.size();
    }

    /** The UTF-8 size of all articles together, in bytes. */
    public long totalUtf8Bytes() {
        return totalUtf8Bytes;
    }

    /** The mean UTF-8 size of one article, in bytes: what one benchmark operation reads. */
    public double meanUtf8Bytes() {
        return (double) totalUtf8Bytes / articles.size();
    }

    /** The mean length of one article, in characters. */
    public double meanChars() {
        return (double) totalChars / articles.size();
    }
}
