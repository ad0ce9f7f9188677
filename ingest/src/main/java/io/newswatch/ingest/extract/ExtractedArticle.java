package io.newswatch.ingest.extract;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found on one page.
 *
 * @param url         canonical URL: the page's {@code <link rel=canonical>} or {@code og:url} when it is http(s),
 *                    else the URL the page was fetched from, normalised by
 *                    {@link io.newswatch.ingest.fetch.UrlCanonicalizer}
 * @param title       headline, or null when the page has none
 * @param byline      author line, or null when the page names no author
 * @param publishedAt publication time, or null when the page states none
 * @param language    primary BCP 47 language subtag in lower case ("en", "ru", "zh"), or null when unknown
 * @param text        main article text, paragraphs separated by one blank line; empty when none was found
 */
public record ExtractedArticle(String url, String title, String byline, Instant publishedAt, String language,
                               String text) {

    public ExtractedArticle {
        text = text == null ? "" : text;
    }
}
