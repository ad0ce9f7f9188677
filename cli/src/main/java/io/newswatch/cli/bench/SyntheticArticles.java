package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.TextFingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic, unbounded sequence of synthetic English news articles for replay and throughput benchmarks.
 *
 * <p>{@link #article(long) article(n)} depends only on the seed, the constructor arguments and {@code n}: every
 * article draws from its own {@link Random} seeded from the pair, so articles can be generated in any order, in
 * parallel, or again later, without storing any. The texts are made of sentences about economy, weather, sport,
 * politics and shipping in invented places, firms and people, most followed by an aside of invented words (see
 * {@code body}), grouped into paragraphs separated by a blank line, of {@code textBytes} UTF-8 bytes within ±10%.
 *
 * <p>The mix is fixed: about {@link #ENTITY_SHARE} of the articles mention Russia, North Korea or China through
 * aliases the default gazetteer knows, and about {@link #VIOLATION_SHARE} (a subset of those) carry a sentence that
 * the default ruleset's {@code sanctions-violation} rule matches. About {@link #NEAR_DUPLICATE_SHARE} are an
 * earlier article republished by another outlet up to three hours later under its own URL, with one detail of the
 * headline and of the text changed, yet within the story index's fingerprint distance, so story grouping has copies
 * to find. Which article is which is decided by hashes of seed and number alone, so the ground truth is cheap:
 * {@link #mentionsEntity}, {@link #violation} and {@link #nearDuplicateOf} generate no text.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticArticles {
    /** Intended share of articles that mention at least one watched country. */
    public static final double ENTITY_SHARE = 0.30;
    /** Intended share of articles that report a sanctions violation; each of them also mentions a country. */
    public static final double VIOLATION_SHARE = 0.05;
    /** Intended share of articles that are a lightly edited copy of an earlier one from another outlet. */
    public static final double NEAR_DUPLICATE_SHARE = 0.03;
    /** The smallest text size accepted: below it the mandatory sentences alone could break the ±10% bound. */
    public static final int MIN_TEXT_BYTES = 512;

    /** How far back (in article numbers) a near-duplicate's original may lie. */
    private static final int DUPLICATE_REACH = 500;
    private static final long SALT_KIND = 0x4b494e44L;
    private static final long SALT_DUPLICATE = 0x44555045L;
    private static final long SALT_TIME = 0x54494d45L;
    private static final long SALT_FETCH = 0x46455443L;
    private static final long SALT_BODY = 0x424f4459L;
    private static final long SALT_EDIT = 0x45444954L;
    private static final int EDIT_ATTEMPTS = 8;
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final long seed;
    private final int textBytes;
    private final Instant from;
    private final long spanMillis;
    /** Zero: publication times uniform over the span; otherwise article n is published about n × this after from. */
    private final long spacingMillis;

    /**
     * @param seed      selects the sequence; the same seed always gives the same articles
     * @param textBytes the intended text size in UTF-8 bytes, at least {@link #MIN_TEXT_BYTES}
     * @param from      earliest publication time, inclusive
     * @param to        latest publication time, exclusive; must be after {@code from}
     * @throws IllegalArgumentException when textBytes is too small or the time range is empty
     */
    public SyntheticArticles(long seed, int textBytes, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (textBytes < MIN_TEXT_BYTES) {
            throw new IllegalArgumentException("textBytes must be at least " + MIN_TEXT_BYTES + ": " + textBytes);
        }
        if (!to.isAfter(from) || to.toEpochMilli() - from.toEpochMilli() < 1) {
            throw new IllegalArgumentException("the time range is empty: [" + from + ", " + to + ")");
        }
        this.seed = seed;
        this.textBytes = textBytes;
        this.from = from;
        this.spanMillis = to.toEpochMilli() - from.toEpochMilli();
        this.spacingMillis = 0;
    }

    private SyntheticArticles(long seed, int textBytes, Instant from, long spacingMillis) {
        if (textBytes < MIN_TEXT_BYTES) {
            throw new IllegalArgumentException("textBytes must be at least " + MIN_TEXT_BYTES + ": " + textBytes);
        }
        this.seed = seed;
        this.textBytes = textBytes;
        this.from = Objects.requireNonNull(from, "from");
        this.spanMillis = Long.MAX_VALUE - from.toEpochMilli();
        this.spacingMillis = spacingMillis;
    }

    /**
     * The same articles as a live feed would bring them: the original article n is published at
     * {@code from + n × spacing} plus up to one spacing of jitter, so publication times rise with n, as they do for
     * articles arriving one after another; a near-duplicate is still published 10 minutes to 3 hours after its
     * original. The archive constructor instead spreads publication times uniformly over a range, in no order.
     *
     * @throws IllegalArgumentException when textBytes is too small or the spacing is not positive
     */
    public static SyntheticArticles inPublicationOrder(long seed, int textBytes, Instant from,
            java.time.Duration spacing) {
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("the spacing must be positive: " + spacing);
        }
        return new SyntheticArticles(seed, textBytes, from, spacing.toMillis());
    }

    /**
     * The n-th article; equal for equal seed, constructor arguments and n, whatever was generated before.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Article article(long n) {
        requireIndex(n);
        long origin = originOf(n);
        Story story = story(origin);
        Random edit = random(n, SALT_EDIT);
        int source = story.source;
        String title = story.title.render(-1, null);
        String byline = story.byline;
        long published = story.publishedMillis;
        String text;
        if (origin == n) {
            text = story.text(-1, -1, null);
        } else {
            // another outlet carries the same wire story a little later, with a retouched headline and text
            source = (story.source + 1 + edit.nextInt(SyntheticVocabulary.SOURCES.size() - 1))
                    % SyntheticVocabulary.SOURCES.size();
            title = story.title.render(0, edit);
            byline = edit.nextBoolean() ? null : "By " + SyntheticVocabulary.person(edit);
            published = Math.min(published + 60_000L * (10 + edit.nextInt(170)), from.toEpochMilli() + spanMillis - 1);
            text = story.editedText(edit);
        }
        Instant publishedAt = Instant.ofEpochMilli(published);
        Instant fetchedAt = publishedAt.plusSeconds(60L + random(n, SALT_FETCH).nextInt(14 * 60));
        String sourceId = SyntheticVocabulary.SOURCES.get(source);
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

    /** Whether article n was written to mention Russia, North Korea or China (near-duplicates as their original). */
    public boolean mentionsEntity(long n) {
        requireIndex(n);
        return kindDraw(originOf(n)) < ENTITY_SHARE;
    }

    /** Whether article n was written to report a sanctions violation; implies {@link #mentionsEntity}. */
    public boolean violation(long n) {
        requireIndex(n);
        return kindDraw(originOf(n)) < VIOLATION_SHARE;
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
        while (current > 0 && unit(current, SALT_DUPLICATE) < NEAR_DUPLICATE_SHARE) {
            long reach = Math.min(current, DUPLICATE_REACH);
            current = current - 1 - Math.floorMod(mix(seed, current, SALT_DUPLICATE + 1), reach);
        }
        return current;
    }

    private double kindDraw(long n) {
        return unit(n, SALT_KIND);
    }

    /** Everything an original article is made of, before any outlet's edit. */
    private Story story(long n) {
        Random r = random(n, SALT_BODY);
        double kind = kindDraw(n);
        SyntheticVocabulary.Topic topic = SyntheticVocabulary.TOPICS.get(r.nextInt(SyntheticVocabulary.TOPICS.size()));
        int source = r.nextInt(SyntheticVocabulary.SOURCES.size());
        String byline = r.nextInt(5) == 0 ? null : "By " + SyntheticVocabulary.person(r);
        long published = spacingMillis > 0
                ? from.toEpochMilli() + n * spacingMillis + (long) (unit(n, SALT_TIME) * spacingMillis)
                : from.toEpochMilli() + (long) (unit(n, SALT_TIME) * spanMillis);
        List<String> titles = kind < VIOLATION_SHARE ? SyntheticVocabulary.VIOLATION_HEADLINES : topic.headlines();
        Sentence title = new Sentence(titles.get(r.nextInt(titles.size())), r.nextLong(), true);

        List<Sentence> mandatory = new ArrayList<>();
        if (kind < VIOLATION_SHARE) {
            mandatory.add(pick(SyntheticVocabulary.VIOLATION, r, true));
        }
        if (kind < ENTITY_SHARE && (kind >= VIOLATION_SHARE || r.nextBoolean())) {
            int count = 1 + (r.nextInt(3) == 0 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                mandatory.add(pick(SyntheticVocabulary.ENTITY, r, true));
            }
        }
        return new Story(source, byline, published, title, body(topic, mandatory, r));
    }

    /**
     * Neutral sentences around the mandatory ones until the text is within 5% of its size. Each neutral sentence
     * (but the short fillers) is followed by an aside of invented words: the templates are few, and without the
     * asides two unrelated articles on one topic share most of their word 3-shingles, so their fingerprints fall
     * within {@link StoryIndex#MAX_DISTANCE} of each other and a feed of them collapses into a few huge stories (four
     * articles in five joined an unrelated story); unrelated news texts share few shingles. Each sentence's cost
     * counts a two-byte separator, an upper bound, so the joined text never ends up larger than planned.
     */
    private List<Sentence> body(SyntheticVocabulary.Topic topic, List<Sentence> mandatory, Random r) {
        int low = (int) (textBytes * 0.95);
        int high = (int) (textBytes * 1.05);
        List<Sentence> sentences = new ArrayList<>();
        int planned = 0;
        for (Sentence s : mandatory) {
            planned += cost(s);
        }
        List<String> pool = new ArrayList<>();
        while (planned < low) {
            if (pool.isEmpty()) {
                pool.addAll(topic.sentences());
                pool.addAll(SyntheticVocabulary.GENERAL);
            }
            Sentence next = null;
            for (int attempt = 0; attempt < 8 && next == null && !pool.isEmpty(); attempt++) {
                Sentence candidate = new Sentence(pool.get(r.nextInt(pool.size())), r.nextLong(), false, true);
                if (planned + cost(candidate) <= high) {
                    next = candidate;
                    pool.remove(candidate.template);
                }
            }
            if (next == null) {
                // a short sentence always fits: the window between low and high is wider than any of them
                next = pick(SyntheticVocabulary.SHORT, r, false);
            }
            sentences.add(next);
            planned += cost(next);
        }
        // the violation sentence leads the story; other mentions fall anywhere
        for (int i = 0; i < mandatory.size(); i++) {
            int at = i == 0 && isViolation(mandatory.get(0))
                    ? r.nextInt(Math.min(2, sentences.size() + 1)) : r.nextInt(sentences.size() + 1);
            sentences.add(at, mandatory.get(i));
        }
        return sentences;
    }

    private static boolean isViolation(Sentence s) {
        return SyntheticVocabulary.VIOLATION.contains(s.template);
    }

    private static int cost(Sentence s) {
        return s.render(-1, null).getBytes(StandardCharsets.UTF_8).length + 2;
    }

    private static Sentence pick(List<String> templates, Random r, boolean fixed) {
        return new Sentence(templates.get(r.nextInt(templates.size())), r.nextLong(), fixed);
    }

    private Random random(long n, long salt) {
        return new Random(mix(seed, n, salt));
    }

    /** A uniform double in [0, 1) from seed, n and salt alone. */
    private double unit(long n, long salt) {
        return (mix(seed, n, salt) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser over the three inputs: close inputs give unrelated outputs. */
    private static long mix(long seed, long n, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One sentence: a template and the seed its slots are filled from. {@code fixed} sentences carry the mix
     * (entity and violation mentions) and are never edited in a copy.
     */
    private record Sentence(String template, long seed, boolean fixed, boolean aside) {
        Sentence(String template, long seed, boolean fixed) {
            this(template, seed, fixed, false);
        }

        /**
         * The filled sentence, followed by its aside of invented words when it has one; slot number
         * {@code changedSlot} draws from {@code edit} instead (-1: none). A copy editor never touches the aside.
         */
        String render(int changedSlot, Random edit) {
            String filled = fill(changedSlot, edit);
            return aside ? filled + " " + SyntheticVocabulary.aside(new Random(~seed)) : filled;
        }

        private String fill(int changedSlot, Random edit) {
            Random r = new Random(seed);
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder(template.length() + 32);
            int slot = 0;
            while (m.find()) {
                String value = SyntheticVocabulary.fill(m.group(1), r);
                if (slot == changedSlot) {
                    String original = value;
                    for (int attempt = 0; attempt < 8 && value.equals(original); attempt++) {
                        value = SyntheticVocabulary.fill(m.group(1), edit);
                    }
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
                slot++;
            }
            m.appendTail(out);
            out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
            return out.toString();
        }

        int slots() {
            return (int) SLOT.matcher(template).results().count();
        }
    }

    private record Story(int source, String byline, long publishedMillis, Sentence title, List<Sentence> body) {
        /** Paragraphs of two to four sentences; the grouping is drawn from the body, so a copy groups alike. */
        String text(int changedSentence, int changedSlot, Random edit) {
            Random grouping = new Random(body.get(0).seed ^ body.size());
            StringBuilder out = new StringBuilder();
            int left = 0;
            for (int i = 0; i < body.size(); i++) {
                if (i > 0) {
                    out.append(left == 0 ? "\n\n" : " ");
                }
                if (left == 0) {
                    left = 2 + grouping.nextInt(3);
                }
                left--;
                out.append(i == changedSentence ? body.get(i).render(changedSlot, edit) : body.get(i).render(-1, null));
            }
            return out.toString();
        }

        /**
         * The text with one slot of one neutral sentence changed, as a copy editor would. Edits are drawn until one
         * keeps the copy within {@link StoryIndex#MAX_DISTANCE} fingerprint bits of the original, so the pipeline
         * can group every copy; after a few failed draws the closest edit is kept.
         */
        String editedText(Random edit) {
            List<Integer> editable = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                if (!body.get(i).fixed && body.get(i).slots() > 0) {
                    editable.add(i);
                }
            }
            String original = text(-1, -1, null);
            if (editable.isEmpty()) {
                return original;
            }
            long originalFingerprint = TextFingerprint.of(original);
            String closest = null;
            int closestDistance = Integer.MAX_VALUE;
            for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
                int sentence = editable.get(edit.nextInt(editable.size()));
                String candidate = text(sentence, edit.nextInt(body.get(sentence).slots()), edit);
                if (candidate.equals(original)) {
                    continue;
                }
                int distance = TextFingerprint.distance(originalFingerprint, TextFingerprint.of(candidate));
                if (distance < closestDistance) {
                    closest = candidate;
                    closestDistance = distance;
                }
                if (distance <= StoryIndex.MAX_DISTANCE) {
                    break;
                }
            }
            return closest != null ? closest : original;
        }
    }
}
