package io.newswatch.benchmarks.synthetic;

import io.newswatch.benchmarks.synthetic.internal.Charge;
import io.newswatch.benchmarks.synthetic.internal.Profile;
import io.newswatch.benchmarks.synthetic.internal.Style;
import java.util.List;

/**
 * What a stream of synthetic articles is made of: which share of the articles names a watched country, reports a
 * sanctions breach or copies an earlier article, and the house style of the text. Both mixes use the same sentences
 * and words; they differ in how many of an article's sentences carry something for the rules.
 */
public enum Mix {
    /**
     * A general news feed, as the pipeline sees one: 70% of the articles name no watched country, 25% name one in a
     * sentence or two (one in seven of them two countries together in one sentence), 5% report a sanctions breach
     * (half of them also name a country elsewhere), and 3% are a lightly edited copy of an earlier article by
     * another outlet. Every neutral sentence is followed by an aside of invented words, which keeps unrelated
     * articles apart in the story index; paragraphs of two to four sentences with their asides.
     */
    NEWS_FEED(0.03, 512, new Style(true, 2, 4), List.of(
            Profile.of(0.700),
            Profile.of(0.215).with(Charge.MENTION, 1, 2),
            Profile.of(0.035).with(Charge.MENTION, 0, 1).with(Charge.PAIR, 1, 1),
            Profile.of(0.050).with(Charge.VIOLATION, 1, 1).with(Charge.MENTION, 0, 1))),
    /**
     * A foreign-affairs desk, as the tagger benchmark reads one: 40% home news with up to two passing mentions, 25%
     * foreign news (mentions and a few sentences naming two countries together), 20% diplomacy (many of both, some
     * sanctions talk, a breach in two of three) and 15% sanctions reporting (several breaches, and talk of
     * sanctions that reports none). So about 56% of the articles get a tag from the default rules and 28% match
     * {@code sanctions-violation}, many articles several rules at once. No copies, no asides; paragraphs of three
     * to six sentences. Needs articles of at least 4,000 bytes to hold its charged sentences.
     */
    FOREIGN_DESK(0, 4_000, new Style(false, 3, 6), List.of(
            Profile.of(0.40).with(Charge.MENTION, 0, 2),
            Profile.of(0.25).with(Charge.MENTION, 4, 8).with(Charge.PAIR, 0, 5),
            Profile.of(0.20).with(Charge.MENTION, 4, 8).with(Charge.PAIR, 4, 8).with(Charge.TALK, 0, 2)
                    .with(Charge.VIOLATION, 0, 2),
            Profile.of(0.15).with(Charge.MENTION, 2, 5).with(Charge.PAIR, 1, 4).with(Charge.TALK, 2, 6)
                    .with(Charge.VIOLATION, 4, 9)));

    private final double nearDuplicateShare;
    private final int minTextBytes;
    private final Style style;
    private final List<Profile> profiles;

    Mix(double nearDuplicateShare, int minTextBytes, Style style, List<Profile> profiles) {
        this.nearDuplicateShare = nearDuplicateShare;
        this.minTextBytes = minTextBytes;
        this.style = style;
        this.profiles = profiles;
        double total = profiles.stream().mapToDouble(Profile::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalStateException(name() + ": the profile shares add up to " + total + ", not 1");
        }
    }

    /** The expected share of articles that name at least one watched country (copies as their original). */
    public double entityShare() {
        return profiles.stream().mapToDouble(p -> p.share() * (1 - p.chanceOfNone(Charge.values()))).sum();
    }

    /** The expected share of articles that report a sanctions breach; each of them names a watched country. */
    public double violationShare() {
        return profiles.stream().mapToDouble(p -> p.share() * (1 - p.chanceOfNone(Charge.VIOLATION))).sum();
    }

    /** The expected share of articles that are a lightly edited copy of an earlier one from another outlet. */
    public double nearDuplicateShare() {
        return nearDuplicateShare;
    }

    /** The profile a uniform draw in [0, 1) falls on. */
    Profile profile(double draw) {
        double below = 0;
        for (Profile p : profiles) {
            below += p.share();
            if (draw < below) {
                return p;
            }
        }
        return profiles.get(profiles.size() - 1); // rounding left the last sliver of [0, 1) uncovered
    }

    /** The smallest text size this mix accepts: below it the charged sentences alone could break the size bound. */
    public int minTextBytes() {
        return minTextBytes;
    }

    /** How the articles are written, apart from what they say: asides and paragraph lengths. */
    Style style() {
        return style;
    }
}
