package io.newswatch.alerts.routing;

import java.util.Locale;

/**
 * Language tags (BCP 47, RFC 5646) as routes, silences and groups compare them. Both sides are written the same
 * way before comparing: trimmed, lower case, {@code _} read as {@code -} (pages often say {@code en_GB}).
 * A condition's tag is a basic language range (RFC 4647, section 3.3.1): it takes a tag equal to it or starting
 * with it followed by {@code -}. So {@code en} takes {@code en}, {@code en-GB} and {@code en-US}, while
 * {@code en-GB} takes {@code en-GB} (and {@code en-GB-oxendict}) but not {@code en-US} or a bare {@code en}: a
 * condition never takes less than it names, nor more.
 */
final class LanguageTags {
    private LanguageTags() {
    }

    /** The tag as compared: lower case, {@code -} separated; {@code ""} for none. */
    static String normalise(String tag) {
        return tag == null ? "" : tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** Whether {@code tag} lies in the basic language range {@code range} (RFC 4647 basic filtering). */
    static boolean inRange(String tag, String range) {
        String t = normalise(tag);
        String r = normalise(range);
        return t.equals(r) || (!r.isEmpty() && t.startsWith(r) && t.charAt(r.length()) == '-');
    }

    /** The primary subtag ({@code en} of {@code en-GB}), how {@code group_by: [language]} groups. */
    static String primary(String tag) {
        String t = normalise(tag);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }
}
