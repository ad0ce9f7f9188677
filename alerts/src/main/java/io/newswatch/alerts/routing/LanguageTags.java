package io.newswatch.alerts.routing;

import java.util.Locale;

/**
 * Language tags (BCP 47, RFC 5646) as routes, silences and groups compare them: by primary language subtag, on both
 * sides, in any case ({@code en-GB}, {@code EN}, {@code en_US} are all {@code en}).
 *
 * <p>Why not whole tags: newswatch keeps only the primary subtag of the language a page declares (the extractor
 * reduces {@code en-GB} to {@code en}), so most alerts carry {@code en}, and only a source configured with a full
 * tag carries one. Comparing whole tags, or by RFC 4647 ranges, would make {@code language: en-GB} miss every
 * British page whose language came from the page itself: an alert lost without a word. Reducing both sides the
 * same way makes {@code en-GB} mean "English", which is what the pipeline can tell apart.
 */
final class LanguageTags {
    private LanguageTags() {
    }

    /** The primary subtag, lower case ({@code en} of {@code en-GB} or {@code EN_us}); {@code ""} for none. */
    static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }

    /** Whether the two tags have the same primary subtag. */
    static boolean same(String a, String b) {
        return primary(a).equals(primary(b));
    }
}
