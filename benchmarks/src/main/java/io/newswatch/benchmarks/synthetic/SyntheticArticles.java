package io.newswatch.benchmarks.synthetic;

import io.newswatch.benchmarks.synthetic.internal.Charge;
import io.newswatch.benchmarks.synthetic.internal.Story;
import io.newswatch.benchmarks.synthetic.internal.StoryWriter;
import io.newswatch.benchmarks.synthetic.internal.Words;
import io.newswatch.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic, unbounded sequence of synthetic English news articles for throughput benchmarks: the tagger's
 * (JMH) and the pipeline's, replay's and console's (the CLI's {@code bench} commands).
 *
 * <p>{@link #article(long) article(n)} depends only on the mix, the seed, the constructor arguments and {@code n}:
 * every article draws from its own {@link Random} seeded from seed and number, so articles can be generated in any
 * order, in parallel, or again later, without storing any. The texts are made of sentences about the economy,
 * weather, sport, politics, transport and culture in invented or ordinary European places, with invented firms and
 * people, grouped into paragraphs separated by a blank line, of {@code textBytes} UTF-8 bytes within ±5% (a little
 * below on average). Headlines, outlets, bylines, publication and fetch times and URLs are filled in too.
 *
 * <p>The {@link Mix} decides what the rules find: which share of the articles name Russia, North Korea or China
 * through aliases the default gazetteer knows, which share carry a sentence the default ruleset's
 * {@code sanctions-violation} rule matches, and which share are an earlier article republished by another outlet up
 * to three hours later under its own URL, with one detail of the headline and of the text changed, yet within the
 * story index's fingerprint distance, so story grouping has copies to find. Which article is which is decided by
 * seed and number alone, before any text is written, so the ground truth is cheap: {@link #mentionsEntity},
 * {@link #violation} and {@link #nearDuplicateOf} generate no text.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticArticles {
    /** How far back (in article numbers) a near-duplicate's original may lie. */
    private static final int DUPLICATE_REACH = 500;
    private static final long SALT_KIND = 0x4b494e44L;
    private static final long SALT_PLAN = 0x504c414eL;
    private static final long SALT_DUPLICATE = 0x44555045L;
    private static final long SALT_TIME = 0x54494d45L;
    private static final long SALT_FETCH = 0x46455443L;
    private static final long SALT_BODY = 0x424f4459L;
    private static final long SALT_EDIT = 0x45444954L;
    /** The fractional part of the golden ratio: its multiples spread over [0, 1) as evenly as any sequence can. */
    private static final double GOLDEN = 0.6180339887498949;

    private final Mix mix;
    private final long seed;
    private final StoryWriter writer;
    private final Instant from;
    private final long spanMillis;
    /** Zero: publication times uniform over the span; otherwise article n is published about n × this after from. */
    private final long spacingMillis;

    private SyntheticArticles(Mix mix, long seed, int textBytes, Instant from, long spanMillis, long spacingMillis) {
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(from, "from");
        if (textBytes < mix.minTextBytes()) {
            throw new IllegalArgumentException("textBytes must be at least " + mix.minTextBytes() + " for " + mix
                    + ": " + textBytes);
        }
        this.mix = mix;
        this.seed = seed;
        this.writer = new StoryWriter(textBytes, mix.style());
        this.from = from;
        this.spanMillis = spanMillis;
        this.spacingMillis = spacingMillis;
    }

    /**
     * An archive: publication times spread uniformly over {@code [from, to)}, in no order.
     *
     * @param mix       what the articles are made of
     * @param seed      selects the sequence; the same seed always gives the same articles
     * @param textBytes the intended text size in UTF-8 bytes, at least {@link Mix#minTextBytes()}
     * @param from      earliest publication time, inclusive
     * @param to        latest publication time, exclusive; must be at least a millisecond after {@code from}
     * @throws IllegalArgumentException when textBytes is too small for the mix or the time range is empty
     */
    public SyntheticArticles(Mix mix, long seed, int textBytes, Instant from, Instant to) {
        this(mix, seed, textBytes, from, span(from, to), 0);
    }

    private static long span(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.toEpochMilli() - from.toEpochMilli() < 1) {
            throw new IllegalArgumentException("the time range is empty: [" + from + ", " + to + ")");
        }
        return to.toEpochMilli() - from.toEpochMilli();
    }

    /**
     * The same articles as a live feed would bring them: the original article n is published at
     * {@code from + n × spacing} plus up to one spacing of jitter, so publication times rise with n, as they do for
     * articles arriving one after another; a near-duplicate is still published 10 minutes to 3 hours after its
     * original. The texts are those of the archive with the same mix, seed and size.
     *
     * @throws IllegalArgumentException when textBytes is too small for the mix or the spacing is not positive
     */
    public static SyntheticArticles inPublicationOrder(Mix mix, long seed, int textBytes, Instant from,
                                                       Duration spacing) {
        if (spacing.isNegative() || spacing.toMillis() < 1) {
            throw new IllegalArgumentException("the spacing must be a millisecond or more: " + spacing);
        }
        return new SyntheticArticles(mix, seed, textBytes, from, Long.MAX_VALUE - from.toEpochMilli(),
                spacing.toMillis());
    }

    /** The mix the articles are made of. */
    public Mix mix() {
        return mix;
    }

    /**
     * The n-th article; equal for equal mix, seed, constructor arguments and n, whatever was generated before.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Article article(long n) {
        requireIndex(n);
        long origin = originOf(n);
        Story story = story(origin);
        Random edit = random(n, SALT_EDIT);
        int source = story.source();
        String title = story.title().render();
        String byline = story.byline();
        long published = story.publishedMillis();
        String text;
        if (origin == n) {
            text = story.text();
        } else {
            // another outlet carries the same wire story a little later, with a retouched headline and text
            int outlets = Words.SOURCES.size();
            source = (story.source() + 1 + edit.nextInt(outlets - 1)) % outlets;
            title = story.title().render(0, edit);
            byline = edit.nextBoolean() ? null : "By " + Words.person(edit);
            published = Math.min(published + 60_000L * (10 + edit.nextInt(170)), from.toEpochMilli() + spanMillis - 1);
            text = story.editedText(edit);
        }
        Instant publishedAt = Instant.ofEpochMilli(published);
        Instant fetchedAt = publishedAt.plusSeconds(60L + random(n, SALT_FETCH).nextInt(14 * 60));
        String sourceId = Words.SOURCES.get(source);
        ZonedDateTime date = publishedAt.atZone(ZoneOffset.UTC);
        String url = String.format("https://synthetic.newswatch.test/%s/%04d/%02d/%d", sourceId, date.getYear(),
                date.getMonthValue(), n);
        return Article.of(url, sourceId, title, byline, publishedAt, fetchedAt, "en", text);
    }

    /** Articles 0 to count - 1, in order; each generated when the stream reaches it. */
    public Stream<Article> stream(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return LongStream.range(0, count).mapToObj(this::article);
    }

    /** Whether article n was written to name Russia, North Korea or China (near-duplicates as their original). */
    public boolean mentionsEntity(long n) {
        requireIndex(n);
        for (int count : charges(originOf(n))) {
            if (count > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether article n was written to report a sanctions breach; implies {@link #mentionsEntity}. */
    public boolean violation(long n) {
        requireIndex(n);
        return charges(originOf(n))[Charge.VIOLATION.ordinal()] > 0;
    }

    /** The number of the original article n copies, or empty when n is an original itself. */
    public OptionalLong nearDuplicateOf(long n) {
        requireIndex(n);
        long origin = originOf(n);
        return origin == n ? OptionalLong.empty() : OptionalLong.of(origin);
    }

    private static void requireIndex(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("article numbers start at 0: " + n);
        }
    }

    /** Follows copies back to an article that is no copy; article 0 never is one, so this ends. */
    private long originOf(long n) {
        long current = n;
        while (current > 0 && unit(current, SALT_DUPLICATE) < mix.nearDuplicateShare()) {
            long reach = Math.min(current, DUPLICATE_REACH);
            current = current - 1 - Math.floorMod(hash(seed, current, SALT_DUPLICATE + 1), reach);
        }
        return current;
    }

    /**
     * How many sentences of each {@link Charge} original article n carries: its profile's draw. The profile comes
     * from a golden-ratio sequence started at a point the seed picks, not from a hash: consecutive articles then
     * land far apart in [0, 1), so every run of articles, however short, holds each profile in close to its share
     * (256 articles to within two or three), and two corpora from different seeds differ little in how much the
     * rules find.
     */
    private int[] charges(long n) {
        double draw = unit(0, SALT_KIND) + n * GOLDEN;
        return mix.profile(draw - Math.floor(draw)).draw(random(n, SALT_PLAN));
    }

    private Story story(long n) {
        long published = spacingMillis > 0
                ? from.toEpochMilli() + n * spacingMillis + (long) (unit(n, SALT_TIME) * spacingMillis)
                : from.toEpochMilli() + (long) (unit(n, SALT_TIME) * spanMillis);
        return writer.write(charges(n), published, random(n, SALT_BODY));
    }

    private Random random(long n, long salt) {
        return new Random(hash(seed, n, salt));
    }

    /** A uniform double in [0, 1) from seed, n and salt alone. */
    private double unit(long n, long salt) {
        return (hash(seed, n, salt) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser over the three inputs: close inputs give unrelated outputs. */
    private static long hash(long seed, long n, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
