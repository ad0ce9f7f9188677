package io.newswatch.ingest.source;

import io.newswatch.model.net.AddressBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured source of articles.
 *
 * <p>Contract: a source of a {@linkplain #URL_TYPES URL type} has a non-null {@link #url()}; a source of a
 * {@linkplain #PATH_TYPES path type} has a non-null {@link #path()}; an {@code html-index} source has a
 * {@link #selector()}. {@link SourcesFile} checks all of this with line:column positions; the constructor only
 * guards against programming errors.
 *
 * @param id             unique id, recorded on every article the source yields
 * @param type           "rss", "atom" or "feed" (Rome detects which), "sitemap", "html-index", "warc" or "folder"
 * @param url            http(s) URL of the feed, sitemap (or site root with {@code discoverRobots}) or index page;
 *                       null for warc and folder sources
 * @param path           file or directory of a warc or folder source; null for the URL types
 * @param interval       how often to poll it, or null for the configured default ({@code ingest.poll.interval});
 *                       feed, sitemap and html-index sources adapt it between a quarter and four times this
 *                       (see {@link io.newswatch.ingest.IngestService}), and failing sources back off from it
 * @param language       BCP 47 hint used when a page does not declare its language, or null
 * @param filter         include/exclude URL patterns applied to every entry; never null
 * @param selector       jsoup CSS selector picking article links on an html-index page, else null
 * @param range          date range entries must fall in (feed date, sitemap lastmod or news publication date,
 *                       WARC-Date); never null, {@link DateRange#ALL} when unbounded
 * @param discoverRobots for a sitemap source: read the sitemaps that the site's robots.txt announces
 * @param allowAddresses non-public addresses (loopback, private, ...) this source's fetches may reach besides the
 *                       configured {@code ingest.fetch.allow.addresses}; never null, empty for none
 */
public record Source(String id, String type, String url, Path path, Duration interval, String language,
                     UrlFilter filter, String selector, DateRange range, boolean discoverRobots,
                     List<AddressBlock> allowAddresses) {
    /** Types read with Rome. */
    public static final Set<String> FEED_TYPES = Set.of("rss", "atom", "feed");
    /** Types whose location is a {@code url}. */
    public static final Set<String> URL_TYPES = Set.of("rss", "atom", "feed", "sitemap", "html-index");
    /** Types whose location is a local {@code path}. */
    public static final Set<String> PATH_TYPES = Set.of("warc", "folder");

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        filter = filter == null ? UrlFilter.NONE : filter;
        range = range == null ? DateRange.ALL : range;
        allowAddresses = allowAddresses == null ? List.of() : List.copyOf(allowAddresses);
        if (URL_TYPES.contains(type)) {
            Objects.requireNonNull(url, "url");
        } else if (PATH_TYPES.contains(type)) {
            Objects.requireNonNull(path, "path");
        } else {
            throw new IllegalArgumentException("unknown source type: " + type);
        }
        if (type.equals("html-index")) {
            Objects.requireNonNull(selector, "selector");
        }
    }

    /** A source that reaches public addresses only. */
    public Source(String id, String type, String url, Path path, Duration interval, String language,
                  UrlFilter filter, String selector, DateRange range, boolean discoverRobots) {
        this(id, type, url, path, interval, language, filter, selector, range, discoverRobots, List.of());
    }

    /** A feed source (rss, atom or feed) without patterns or date range: the form used before other types. */
    public Source(String id, String type, String url, Duration interval, String language) {
        this(id, type, url, null, interval, language, UrlFilter.NONE, null, DateRange.ALL, false);
    }

    /** The interval to poll at: the source's own, else the given default. */
    public Duration intervalOr(Duration defaultInterval) {
        return interval != null ? interval : defaultInterval;
    }

    /**
     * Whether an entry passes the source's include/exclude patterns (on its URL) and since/until range (on its
     * date; see {@link DateRange} for undated entries).
     */
    public boolean admits(SourceEntry entry) {
        return filter.accepts(entry.url()) && range.contains(entry.date());
    }

    /** The URL or path, for messages. */
    public String location() {
        return url != null ? url : String.valueOf(path);
    }
}
