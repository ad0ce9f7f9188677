package io.newswatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic corpus of synthetic English news articles of about 5 KB each, for throughput benchmarks.
 *
 * <p>Contract: the same {@code (count, seed)} always gives the same articles, on any JVM. Every article is distinct,
 * holds {@value #MIN_CHARS} to {@value #MAX_CHARS} characters, and consists of paragraphs of three to six sentences
 * separated by a blank line. Articles follow one of four profiles, from purely neutral (city news, weather, markets,
 * sport) to sanctions reporting, so that under the default rules many articles get no tag and some get several: the
 * rules have real work to do, as on a news feed. The sentences come from {@link SentenceTemplates}.
 */
public final class ArticleCorpus {
    /** The seed the benchmark uses. */
    public static final long DEFAULT_SEED = 0x6e657773L;
    /** The number of articles the benchmark uses. */
    public static final int DEFAULT_SIZE = 256;
    /** The shortest article, in characters. */
    public static final int MIN_CHARS = 4_500;
    /** The longest article, in characters. */
    public static final int MAX_CHARS = 5_500;

    /** How often each profile is drawn, and how it weighs the template groups. */
    private enum Profile {
        // weights: neutral, single, pair, sanctions, arms
        NEUTRAL(40, new int[] {97, 3, 0, 0, 0}),
        FOREIGN(25, new int[] {80, 15, 5, 0, 0}),
        DIPLOMACY(20, new int[] {66, 14, 14, 6, 0}),
        SANCTIONS(15, new int[] {60, 8, 6, 15, 11});

        final int share;
        final int[] weights;

        Profile(int share, int[] weights) {
            this.share = share;
            this.weights = weights;
        }
    }

    private static final List<List<String>> GROUPS = List.of(SentenceTemplates.NEUTRAL, SentenceTemplates.SINGLE,
            SentenceTemplates.PAIR, SentenceTemplates.SANCTIONS, SentenceTemplates.ARMS);

    private final List<String> articles;
    private final long totalUtf8Bytes;
    private final long totalChars;

    private ArticleCorpus(List<String> articles) {
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
    public static ArticleCorpus standard() {
        return generate(DEFAULT_SIZE, DEFAULT_SEED);
    }

    /**
     * Generates {@code count} distinct articles from {@code seed}.
     *
     * @throws IllegalArgumentException when {@code count} is not positive
     */
    public static ArticleCorpus generate(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            String article = article(random, profile(random));
            if (seen.add(article)) {
                out.add(article);
            }
        }
        return new ArticleCorpus(out);
    }

    private static Profile profile(Random random) {
        int draw = random.nextInt(100);
        for (Profile p : Profile.values()) {
            draw -= p.share;
            if (draw < 0) {
                return p;
            }
        }
        throw new AssertionError("profile shares must add up to 100");
    }

    private static String article(Random random, Profile profile) {
        int target = MIN_CHARS + 200 + random.nextInt(MAX_CHARS - MIN_CHARS - 400);
        List<Deck> decks = new ArrayList<>();
        for (List<String> group : GROUPS) {
            decks.add(new Deck(group, random));
        }
        StringBuilder text = new StringBuilder(MAX_CHARS);
        int inParagraph = 0;
        int paragraphLength = 3 + random.nextInt(4);
        while (text.length() < target) {
            String sentence = SentenceTemplates.fill(decks.get(group(random, profile)).next(), random);
            String separator = text.length() == 0 ? "" : inParagraph == 0 ? "\n\n" : " ";
            if (text.length() + separator.length() + sentence.length() > MAX_CHARS) {
                continue; // a shorter sentence will come; every template is far shorter than the slack left
            }
            text.append(separator).append(sentence);
            if (++inParagraph == paragraphLength) {
                inParagraph = 0;
                paragraphLength = 3 + random.nextInt(4);
            }
        }
        if (text.length() < MIN_CHARS || text.length() > MAX_CHARS) {
            throw new AssertionError("article of " + text.length() + " characters");
        }
        return text.toString();
    }

    private static int group(Random random, Profile profile) {
        int total = 0;
        for (int w : profile.weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int g = 0; g < profile.weights.length; g++) {
            draw -= profile.weights[g];
            if (draw < 0) {
                return g;
            }
        }
        throw new AssertionError();
    }

    /** Draws templates of one group without repeating one before all have been used. */
    private static final class Deck {
        private final List<String> cards;
        private final Random random;
        private int next;

        Deck(List<String> templates, Random random) {
            this.cards = new ArrayList<>(templates);
            this.random = random;
            this.next = cards.size();
        }

        String next() {
            if (next == cards.size()) {
                Collections.shuffle(cards, random);
                next = 0;
            }
            return cards.get(next++);
        }
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
