package io.newswatch.ingest.source;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured source of articles.
 *
 * @param id       unique id, recorded on every article the source yields
 * @param type     "rss", "atom" or "feed" (either; Rome detects which)
 * @param url      the feed's http(s) URL
 * @param interval how often to poll it, or null for the configured default ({@code ingest.poll.interval})
 * @param language BCP 47 hint used when a page does not declare its language, or null
 */
public record Source(String id, String type, String url, Duration interval, String language) {

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
    }

    /** The interval to poll at: the source's own, else the given default. */
    public Duration intervalOr(Duration defaultInterval) {
        return interval != null ? interval : defaultInterval;
    }
}
