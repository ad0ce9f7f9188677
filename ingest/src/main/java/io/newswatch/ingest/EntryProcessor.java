package io.newswatch.ingest;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.fetch.UrlCanonicalizer;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.model.Article;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one source entry into at most one published article version: fetch (or take the stored bytes), extract,
 * publish when new or changed. Shared by the polling loop and backfills, so both skip the same things.
 *
 * <p>An entry whose identity ({@link SourceEntry#identity()}) was handled in this process is not looked at again.
 * A page fetched before under another identity (a feed item whose date moved, a sitemap lastmod that changed) is
 * fetched conditionally with the ETag / Last-Modified of the last fetch (RFC 9110 section 13); a 304 counts as
 * unchanged. Validators are kept for the most recent {@value #MAX_VALIDATORS} pages.
 *
 * <p>Failure behaviour: a page that cannot be fetched or holds no article text is one WARN line naming the source
 * and the URL and the outcome {@link Outcome#FAILED}; it is tried again when the entry comes round again (a stored
 * page is not: its bytes cannot change). {@link #handle} leaves the fetch failure to its caller instead, which
 * decides about retries ({@link PageRetries}). Nothing is thrown. Thread safe.
 */
final class EntryProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    static final int MAX_VALIDATORS = 10_000;

    /** What became of one entry. */
    enum Outcome {
        /** A new article or a new version of one was sent. */
        PUBLISHED,
        /** Handled earlier, a 304, or the same content is already on the topic. */
        UNCHANGED,
        /** The page could not be fetched or held no article text. */
        FAILED
    }

    private record Validators(String etag, String lastModified) {
    }

    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticlePublisher publisher;
    private final BooleanSupplier stopping;
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final Map<String, Validators> validators = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Validators> eldest) {
                    return size() > MAX_VALIDATORS;
                }
            });

    /**
     * @param stopping true once the service is shutting down: fetch failures caused by the shutdown are not logged
     */
    EntryProcessor(PoliteFetcher fetcher, ArticlePublisher publisher, BooleanSupplier stopping) {
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.stopping = stopping;
    }

    /** An outcome, and for a page that could not be fetched the failure behind it. */
    record Result(Outcome outcome, FetchException failure) {
        private static final Result PUBLISHED = new Result(Outcome.PUBLISHED, null);
        private static final Result UNCHANGED = new Result(Outcome.UNCHANGED, null);
        private static final Result NO_TEXT = new Result(Outcome.FAILED, null);
    }

    /**
     * Handles one entry, and logs a page that could not be fetched.
     *
     * @param fetched called once for each page actually requested over the network (before its outcome is known)
     */
    Outcome process(Source source, SourceEntry entry, Runnable fetched) {
        Result r = handle(source, entry, fetched);
        if (r.failure() != null && !stopping.getAsBoolean()) {
            LOG.warn("source {}: page {} skipped: {}", source.id(), entry.url(), r.failure().getMessage());
        }
        return r.outcome();
    }

    /**
     * Handles one entry like {@link #process}, but leaves a fetch failure to the caller to log and judge (see
     * {@link FetchException#isTransient()}); a page without article text is still logged here.
     */
    Result handle(Source source, SourceEntry entry, Runnable fetched) {
        String key = entry.identity();
        if (handled.contains(key)) {
            return Result.UNCHANGED;
        }
        Article article;
        if (entry instanceof SourceEntry.Link link) {
            fetched.run();
            FetchResult page;
            try {
                page = fetch(source, link);
            } catch (FetchException e) {
                return new Result(Outcome.FAILED, e);
            }
            if (page.notModified()) {
                handled.add(key);
                return Result.UNCHANGED;
            }
            article = articleFor(source, link, page);
        } else {
            fetched.run(); // a page read from a file counts as a page, as a fetched one does
            article = articleFor(source, (SourceEntry.StoredPage) entry);
            if (article == null) {
                handled.add(key); // stored bytes cannot change: extracting them again cannot help
            }
        }
        if (article == null) {
            return Result.NO_TEXT;
        }
        Result result = publisher.publishIfChanged(article) ? Result.PUBLISHED : Result.UNCHANGED;
        handled.add(key);
        return result;
    }

    /**
     * Marks a stored page as handled before its outcome is known, for a caller that extracts pages ahead of
     * publishing them ({@link #extractStored}, then {@link #publishExtracted} in the same order).
     *
     * @return false when a page of the same identity was handled or claimed before: its outcome is
     *         {@link Outcome#UNCHANGED}, as {@link #handle} would say, and it is not extracted
     */
    boolean claimStored(SourceEntry.StoredPage page) {
        return handled.add(page.identity());
    }

    /**
     * The article a stored page holds, as {@link #handle} would publish it, or null when it is binary or holds no
     * article text (one WARN line says which). Touches no shared state but the log: pages may be extracted on
     * several threads at once.
     */
    Article extractStored(Source source, SourceEntry.StoredPage page) {
        return articleFor(source, page);
    }

    /**
     * Publishes what {@link #extractStored} gave, when new or changed: {@link Outcome#FAILED} for null, else
     * {@link Outcome#PUBLISHED} or {@link Outcome#UNCHANGED}.
     */
    Outcome publishExtracted(Article articleOrNull) {
        if (articleOrNull == null) {
            return Outcome.FAILED;
        }
        return publisher.publishIfChanged(articleOrNull) ? Outcome.PUBLISHED : Outcome.UNCHANGED;
    }

    private FetchResult fetch(Source source, SourceEntry.Link entry) throws FetchException {
        Validators v = validators.get(entry.url());
        PoliteFetcher f = fetcher.allowing(source.allowAddresses());
        FetchResult page = v == null ? f.fetch(entry.url()) : f.fetch(entry.url(), v.etag(), v.lastModified());
        if (page.etag() != null || page.lastModified() != null) {
            validators.put(entry.url(), new Validators(page.etag(), page.lastModified()));
        }
        return page;
    }

    private Article articleFor(Source source, SourceEntry.StoredPage page) {
        if (binary(source, page.url(), page.body(), page.contentType())) {
            return null;
        }
        ExtractedArticle x = extractor.extract(page.body(), page.contentType(), page.url());
        if (x.text().isBlank()) {
            LOG.warn("source {}: stored page {} skipped: no article text found", source.id(), page.url());
            return null;
        }
        String url = x.url() != null ? x.url() : canonicalOrSelf(page.url());
        String language = x.language() != null ? x.language() : source.language();
        Instant fetchedAt = page.fetchedAt() != null ? page.fetchedAt() : Instant.now();
        return Article.of(url, source.id(), x.title(), x.byline(), x.publishedAt(), fetchedAt, language, x.text());
    }

    private Article articleFor(Source source, SourceEntry.Link entry, FetchResult page) {
        if (binary(source, page.url(), page.body(), page.contentType())) {
            return null;
        }
        ExtractedArticle x = extractor.extract(page.body(), page.contentType(), page.url());
        if (x.text().isBlank()) {
            LOG.warn("source {}: page {} skipped: no article text found", source.id(), page.url());
            return null;
        }
        String url = x.url() != null ? x.url() : canonicalOrSelf(page.url());
        String title = x.title() != null ? x.title() : entry.title();
        Instant publishedAt = x.publishedAt() != null ? x.publishedAt() : entry.publishedAt();
        String language = x.language() != null ? x.language() : source.language();
        return Article.of(url, source.id(), title, x.byline(), publishedAt, Instant.now(), language, x.text());
    }

    /** A binary body would extract as garbage: refuse it by name instead. */
    private static boolean binary(Source source, String url, byte[] body, String contentType) {
        if (!ArticleExtractor.looksBinary(body, contentType)) {
            return false;
        }
        LOG.warn("source {}: page {} skipped: binary content (not text or HTML)", source.id(), url);
        return true;
    }

    private static String canonicalOrSelf(String url) {
        try {
            return UrlCanonicalizer.canonicalize(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
