package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param truncatedFrom the text's length (UTF-16 units) before it was cut to the configured cap
 *                      ({@link #withTextCappedAt}), or null when the text is whole; absent from the JSON when null,
 *                      so records written before the cap existed read as whole
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
        String contentHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer truncatedFrom) {

    public static final int SCHEMA_VERSION = 1;
    /**
     * The longest title kept, in UTF-16 units: a headline is a line, not a text; a longer one is cut to this by
     * {@link #withTextCappedAt} so that the records that repeat the title (alerts, story candidates) stay small.
     */
    public static final int MAX_TITLE_CHARS = 1_000;

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }

    /** An article whose text is whole: {@code truncatedFrom} null. */
    public Article(int schemaVersion, String id, String url, String sourceId, String title, String byline,
                   Instant publishedAt, Instant fetchedAt, String language, String text, String contentHash) {
        this(schemaVersion, id, url, sourceId, title, byline, publishedAt, fetchedAt, language, text, contentHash,
                null);
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
                contentHash, truncatedFrom);
    }

    /**
     * This article with its text cut to at most {@code maxTextChars} UTF-16 units (never between the two halves of
     * a surrogate pair) and its title to {@link #MAX_TITLE_CHARS}, or this article itself when both fit. A cut text
     * is recorded in {@link #truncatedFrom()} (the first length seen, when an already cut article is cut again), and
     * the content hash is recomputed from what the article now carries, so an unchanged page gives the same hash on
     * every fetch.
     *
     * @throws IllegalArgumentException when {@code maxTextChars} is less than 1
     */
    public Article withTextCappedAt(int maxTextChars) {
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be at least 1: " + maxTextChars);
        }
        if (text.length() <= maxTextChars && title.length() <= MAX_TITLE_CHARS) {
            return this;
        }
        String cutText = cut(text, maxTextChars);
        String cutTitle = cut(title, MAX_TITLE_CHARS);
        Integer from = truncatedFrom != null ? truncatedFrom
                : cutText.length() < text.length() ? Integer.valueOf(text.length()) : null;
        return new Article(schemaVersion, id, url, sourceId, cutTitle, byline, publishedAt, fetchedAt, language,
                cutText, Ids.contentHash(cutTitle, cutText), from);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
