package io.newswatch.console.internal;

import org.owasp.encoder.Encode;

/**
 * Escaping for HTML text and attribute values. Everything the console shows from an article or an alert is scraped
 * text, hostile by assumption, and goes through {@link #escape} before it reaches a page.
 */
public final class Html {
    private Html() {
    }

    /**
     * The text for element content or a quoted attribute value, by the OWASP Java Encoder: {@code & < > " '}
     * become character references and control characters spaces; null becomes the empty string.
     */
    public static String escape(String text) {
        return text == null ? "" : Encode.forHtml(text);
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
