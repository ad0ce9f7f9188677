package io.newswatch.console.internal;

/**
 * Escaping for HTML text and attribute values. Everything the console shows from an article or an alert is scraped
 * text, hostile by assumption, and goes through {@link #escape} before it reaches a page.
 */
public final class Html {
    private Html() {
    }

    /** The text with {@code & < > " '} replaced by character references; null becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ref = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (ref != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (ref != null) {
                    out.append(ref);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The address when it is an http or https URL, escaped for an attribute; else null, so that a
     * {@code javascript:} or {@code data:} link in scraped data is shown as text and never becomes a link.
     */
    public static String safeHref(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? escape(trimmed) : null;
    }
}
