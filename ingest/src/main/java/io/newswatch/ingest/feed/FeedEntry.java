package io.newswatch.ingest.feed;

import java.time.Instant;

/**
 * One item of an RSS or Atom feed.
 *
 * @param link        absolute URL of the article, resolved against the feed's URL
 * @param guid        the entry's RSS guid or Atom id, or the link when the feed gives none
 * @param title       the entry's title, or null
 * @param publishedAt the entry's published (else updated) date, or null
 */
public record FeedEntry(String link, String guid, String title, Instant publishedAt) {
}
