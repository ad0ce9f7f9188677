package io.newswatch.benchmarks.synthetic.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * One kind of article in a mix: how often it occurs, and how many sentences of each {@link Charge} it carries, each
 * count drawn uniformly from its own range; the rest of the article is neutral. Immutable.
 */
public final class Profile {
    private static final int KINDS = Charge.values().length;

    private final double share;
    private final int[] least;
    private final int[] most;

    private Profile(double share, int[] least, int[] most) {
        this.share = share;
        this.least = least;
        this.most = most;
    }

    /**
     * A profile that occurs in {@code share} of the articles and carries no charged sentence until {@link #with}
     * adds some.
     *
     * @throws IllegalArgumentException when the share is not within (0, 1]
     */
    public static Profile of(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a profile's share must be within (0, 1]: " + share);
        }
        return new Profile(share, new int[KINDS], new int[KINDS]);
    }

    /**
     * This profile with {@code least} to {@code most} sentences (both inclusive) of {@code charge}.
     *
     * @throws IllegalArgumentException when the range is empty or negative
     */
    public Profile with(Charge charge, int least, int most) {
        if (least < 0 || most < least) {
            throw new IllegalArgumentException("not a range of sentence counts: " + least + ".." + most);
        }
        int[] l = Arrays.copyOf(this.least, KINDS);
        int[] m = Arrays.copyOf(this.most, KINDS);
        l[charge.ordinal()] = least;
        m[charge.ordinal()] = most;
        return new Profile(share, l, m);
    }

    /** The share of the articles of a mix that have this profile. */
    public double share() {
        return share;
    }

    /** One article's sentence counts, indexed by {@link Charge#ordinal()}. */
    public int[] draw(Random r) {
        int[] counts = new int[KINDS];
        for (int k = 0; k < KINDS; k++) {
            counts[k] = least[k] + r.nextInt(most[k] - least[k] + 1);
        }
        return counts;
    }

    /** The chance that an article of this profile carries no sentence of any of the given kinds. */
    public double chanceOfNone(Charge... charges) {
        double none = 1;
        for (Charge c : charges) {
            int k = c.ordinal();
            none *= least[k] > 0 ? 0 : 1.0 / (most[k] + 1);
        }
        return none;
    }

    /** The most charged sentences an article of this profile can carry. */
    public int mostCharged() {
        return Arrays.stream(most).sum();
    }
}
