package io.newswatch.ingest.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one canonical form of an article URL, so the same story reached through different links gets the same id.
 *
 * <p>crawler-commons' {@link BasicURLNormalizer} does the RFC 3986 normalisation (case of scheme and host, default
 * ports, dot segments, percent-encoding, sorted query parameters, no fragment); on top of it tracking parameters
 * are removed: {@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid}, {@code ref},
 * {@code cmpid}.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid");
    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public static String canonicalize(String url) {
        if (url == null) {
            throw new IllegalArgumentException("URL is null");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        String normalised = NORMALIZER.filter(trimmed);
        if (normalised == null) {
            throw new IllegalArgumentException("not a valid URL: " + url);
        }
        return withoutTracking(withoutFragment(normalised));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String withoutTracking(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        String base = url.substring(0, q);
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }
}
