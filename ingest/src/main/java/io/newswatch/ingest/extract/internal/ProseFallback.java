package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The second method of the extraction cascade: when the container that {@link MainTextFinder} chose yields little
 * text, every paragraph of the page that reads as prose is a better guess. Product pages, recipes, forum threads
 * and short announcements spread their text over several containers, none of which wins the density score.
 *
 * <p>A paragraph reads as prose, as jusText classifies blocks (Pomikálek, "Removing Boilerplate and Duplicate
 * Content from Web Corpora", 2011), when it is long and punctuated; a short paragraph is kept only between two
 * prose ones, where it is a subheading or a list line of the same text. The boilerplate the first walk recognised is
 * already gone from the page.
 */
public final class ProseFallback {
    /** Below this many characters the main method's result is compared with the fallback's. */
    private static final int SHORT_RESULT = 2000;
    private static final int PROSE_CHARS = 70;
    /** How many times the main result's text the fallback must hold to replace it. */
    private static final double GAIN = 2;
    private static final int MIN_CHARS = 15;

    private ProseFallback() {
    }

    /** Whether a result is short enough to be compared with the fallback's. */
    public static boolean isShort(List<String> main) {
        return chars(main) < SHORT_RESULT;
    }

    /**
     * The better of two results by a measurable criterion: the fallback wins when the main result is short and the
     * fallback holds at least twice as much text and every paragraph of the main result but its shortest lines.
     */
    public static List<String> better(List<String> main, List<String> pageParagraphs) {
        List<String> prose = prose(pageParagraphs);
        if (!holdsMore(prose, main)) {
            return main;
        }
        for (String p : main) {
            if (p.length() >= MIN_CHARS && !prose.contains(p)) {
                return main;
            }
        }
        return prose;
    }

    /** The paragraphs that read as prose, and the short ones between two of them, in order. */
    static List<String> prose(List<String> paragraphs) {
        int n = paragraphs.size();
        boolean[] good = new boolean[n];
        for (int i = 0; i < n; i++) {
            String p = paragraphs.get(i);
            good[i] = p.length() >= PROSE_CHARS && ParagraphText.punctuation(p) > 0;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = paragraphs.get(i);
            if (good[i] || (p.length() >= MIN_CHARS && nearest(good, i, -1) && nearest(good, i, 1))) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Whether the nearest paragraph in the direction that is not short is prose, within three steps. */
    private static boolean nearest(boolean[] good, int from, int step) {
        for (int i = from + step, steps = 0; i >= 0 && i < good.length && steps < 3; i += step, steps++) {
            if (good[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether a candidate result holds at least {@link #GAIN} times the text of the current one. */
    public static boolean holdsMore(List<String> candidate, List<String> current) {
        return chars(candidate) >= GAIN * Math.max(1, chars(current));
    }

    /** The characters of a result's paragraphs. */
    public static int chars(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }
}
