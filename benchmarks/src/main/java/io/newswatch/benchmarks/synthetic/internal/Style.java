package io.newswatch.benchmarks.synthetic.internal;

/**
 * How a mix's articles are written, apart from what they say.
 *
 * @param asides         whether each neutral sentence is followed by a sentence of invented words
 * @param paragraphLeast the fewest sentences of a paragraph, an aside counting with its sentence
 * @param paragraphMost  the most sentences of a paragraph
 */
public record Style(boolean asides, int paragraphLeast, int paragraphMost) {
    /** @throws IllegalArgumentException when the paragraph lengths are not a range of positive numbers */
    public Style {
        if (paragraphLeast < 1 || paragraphMost < paragraphLeast) {
            throw new IllegalArgumentException("not a range of paragraph lengths: " + paragraphLeast + ".."
                    + paragraphMost);
        }
    }
}
