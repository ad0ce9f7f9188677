package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of one scraped article, as published by the ingester to {@code news.articles}.
 *
 * <p>The key on the topic is {@link #id()}, a stable hash of the canonical URL ({@link Ids#articleId}), so a
 * re-fetch of the same page lands on the same key and the compacted topic keeps its latest version. A new
 * version is only published when {@link #contentHash()} changes.
 *
 * @param schemaVersion the record's schema version; readers ignore unknown fields
 * @param id            stable article id, {@link Ids#articleId(String)} of {@link #url()}
 * @param url           canonical URL of the article
 * @param sourceId      id of the configured source that found it
 * @param title         headline, may be empty but never null
 * @param byline        author line, or null when the page names none
 * @param publishedAt   event time from the page, or null when unknown
 * @param fetchedAt     when the ingester fetched the page
 * @param language      BCP 47 language tag, or null when unknown
 * @param text          main text, paragraphs separated by a blank line
 * @param contentHash   {@link Ids#contentHash} of title and text, to tell versions apart
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        int schemaVersion,
        String id,
        String url,
        String sourceId,
        String title,
        String byline,
        Instant publishedAt,
        Instant fetchedAt,
        String language,
        String text,
        String contentHash) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }

    /** Builds an article, deriving id and content hash from the URL, title and text. */
    public static Article of(String url, String sourceId, String title, String byline, Instant publishedAt,
                             Instant fetchedAt, String language, String text) {
        return new Article(SCHEMA_VERSION, Ids.articleId(url), url, sourceId, title, byline, publishedAt,
                fetchedAt, language, text, Ids.contentHash(title, text));
    }

    /** The time windows and replays use: {@code publishedAt} where known, else {@code fetchedAt}. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    /** The same article without its text: what travels where only its identity, dates and source matter. */
    public Article withoutText() {
        return new Article(schemaVersion, id, url, sourceId, title, byline, publishedAt, fetchedAt, language, "",
                contentHash);
    }
}
