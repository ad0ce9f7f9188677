package io.newswatch.benchmarks.synthetic.internal;

import java.util.Random;

/**
 * One sentence of a story: a template and the seed its slots are filled from, so that it renders the same every
 * time. {@code fixed} sentences carry what the article should match (charged sentences, the headline) and are never
 * edited in a copy; {@code aside} ones are followed by a sentence of invented words ({@link Words#aside}).
 */
public record Sentence(String template, long seed, boolean fixed, boolean aside) {
    /**
     * The filled sentence, followed by its aside when it has one; slot number {@code changedSlot} draws from
     * {@code edit} instead (-1: none). A copy editor never touches the aside.
     */
    public String render(int changedSlot, Random edit) {
        String filled = Words.render(template, new Random(seed), changedSlot, edit);
        return aside ? filled + " " + Words.aside(new Random(~seed)) : filled;
    }

    /** The filled sentence as the original article has it. */
    public String render() {
        return render(-1, null);
    }

    /** The number of slots a copy editor could change. */
    public int slots() {
        return Words.slots(template).size();
    }
}
