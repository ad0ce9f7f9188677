package io.newswatch.benchmarks.synthetic.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes original stories of a given size: a topic's headline and neutral sentences around the charged sentences an
 * article's profile asks for. Immutable and thread-safe; every draw comes from the {@link Random} it is handed.
 */
public final class StoryWriter {
    private final int textBytes;
    private final Style style;

    /**
     * @param textBytes the intended text size in UTF-8 bytes; texts land within 5% of it, a little below on average
     *                  (separators are costed at two bytes), unless the charged sentences alone are larger
     * @param style     asides and paragraph lengths
     */
    public StoryWriter(int textBytes, Style style) {
        this.textBytes = textBytes;
        this.style = style;
    }

    /**
     * A story carrying {@code counts[k]} sentences of {@code Charge.values()[k]}; one that carries a violation gets a
     * violation headline, and a violation sentence leads its text.
     */
    public Story write(int[] counts, long publishedMillis, Random r) {
        Templates.Topic topic = Templates.TOPICS.get(r.nextInt(Templates.TOPICS.size()));
        int source = r.nextInt(Words.SOURCES.size());
        String byline = r.nextInt(5) == 0 ? null : "By " + Words.person(r);
        boolean violation = counts[Charge.VIOLATION.ordinal()] > 0;
        List<String> titles = violation ? Templates.VIOLATION_HEADLINES : topic.headlines();
        Sentence title = new Sentence(titles.get(r.nextInt(titles.size())), r.nextLong(), true, false);
        List<Sentence> charged = new ArrayList<>();
        // violations first, so that the first of them is the one that leads
        for (Charge c : List.of(Charge.VIOLATION, Charge.MENTION, Charge.PAIR, Charge.TALK)) {
            for (String template : distinct(c.templates(), counts[c.ordinal()], r)) {
                charged.add(new Sentence(template, r.nextLong(), true, false));
            }
        }
        return new Story(source, byline, publishedMillis, title, body(topic, charged, violation, r), style);
    }

    /** {@code count} templates, none repeated before every one has been used once. */
    private static List<String> distinct(List<String> templates, int count, Random r) {
        List<String> out = new ArrayList<>(count);
        List<String> deck = new ArrayList<>(templates);
        while (out.size() < count) {
            Collections.shuffle(deck, r);
            out.addAll(deck.subList(0, Math.min(deck.size(), count - out.size())));
        }
        return out;
    }

    /**
     * Neutral sentences around the charged ones until the text is as close to its size as a sentence more or less
     * can bring it, and within 5% of it. With asides, each neutral sentence but the short fillers is followed by a
     * sentence of invented words: the templates are few, and without the asides two unrelated articles on one topic
     * share most of their word 3-shingles, so their fingerprints fall within the story index's distance of each
     * other and a feed of them collapses into a few huge stories (four articles in five joined an unrelated story);
     * unrelated news texts share few shingles. Each sentence's cost counts a two-byte separator, an upper bound, so
     * the joined text never ends up larger than planned.
     */
    private List<Sentence> body(Templates.Topic topic, List<Sentence> charged, boolean violation, Random r) {
        int low = (int) (textBytes * 0.95);
        int high = (int) (textBytes * 1.05);
        List<Sentence> sentences = new ArrayList<>();
        int planned = 0;
        for (Sentence s : charged) {
            planned += cost(s);
        }
        List<String> pool = new ArrayList<>();
        while (planned < textBytes) {
            if (pool.isEmpty()) {
                pool.addAll(topic.sentences());
                pool.addAll(Templates.GENERAL);
                pool.addAll(Templates.NEAR_MISSES);
            }
            Sentence next = null;
            int nextCost = 0;
            for (int attempt = 0; attempt < 8 && next == null && !pool.isEmpty(); attempt++) {
                String template = pool.get(r.nextInt(pool.size()));
                Sentence candidate = new Sentence(template, r.nextLong(), false, style.asides());
                int candidateCost = cost(candidate); // rendering is most of the generator's work: once a sentence
                if (planned + candidateCost <= high) {
                    next = candidate;
                    nextCost = candidateCost;
                    pool.remove(candidate.template());
                }
            }
            if (next == null) {
                // a short sentence always fits: the window between low and high is wider than any of them
                List<String> shorts = Templates.SHORT;
                next = new Sentence(shorts.get(r.nextInt(shorts.size())), r.nextLong(), false, false);
                nextCost = cost(next);
            }
            if (planned >= low && planned + nextCost - textBytes > textBytes - planned) {
                break; // stopping here lands closer to the size than one more sentence would
            }
            sentences.add(next);
            planned += nextCost;
        }
        int lead = violation ? 1 : 0;
        for (Sentence s : charged.subList(lead, charged.size())) {
            sentences.add(r.nextInt(sentences.size() + 1), s);
        }
        if (violation) {
            // the violation is the news: it opens the story or follows its first sentence
            sentences.add(r.nextInt(Math.min(2, sentences.size() + 1)), charged.get(0));
        }
        return sentences;
    }

    private static int cost(Sentence s) {
        return s.render().getBytes(StandardCharsets.UTF_8).length + 2;
    }
}
