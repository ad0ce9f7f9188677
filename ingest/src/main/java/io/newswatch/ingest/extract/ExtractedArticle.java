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
 * @param modifiedAt  time of the last update the page states (JSON-LD {@code dateModified},
 *                    {@code article:modified_time}, {@code og:updated_time}, a {@code dateModified} time element),
 *                    or null when it states none
 * @param language    primary BCP 47 language subtag in lower case ("en", "ru", "zh"): declared by the page, else
 *                    guessed from the script of the text (Cyrillic, Hangul, Han, kana); null when unknown
 * @param text        main article text, paragraphs separated by one blank line; empty when none was found
 */
public record ExtractedArticle(String url, String title, String byline, Instant publishedAt, Instant modifiedAt,
                               String language, String text) {

    public ExtractedArticle {
        text = text == null ? "" : text;
    }

    /** An article without a modification time (the form used before {@link #modifiedAt()} existed). */
    public ExtractedArticle(String url, String title, String byline, Instant publishedAt, String language,
                            String text) {
        this(url, title, byline, publishedAt, null, language, text);
    }
}
