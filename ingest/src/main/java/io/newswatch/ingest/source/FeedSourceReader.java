package io.newswatch.ingest.source;

import io.newswatch.ingest.feed.FeedEntry;
import io.newswatch.ingest.feed.FeedException;
import io.newswatch.ingest.feed.FeedReader;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code rss}, {@code atom} and {@code feed} sources: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome (see
 * {@link FeedReader}), keeping each entry's GUID (RSS {@code guid}, Atom {@code id}) and date.
 *
 * <p>The feed is fetched with a conditional GET (RFC 9110 section 13) once an ETag or Last-Modified is known for
 * the source; a 304 yields no entries. Validators are kept per source definition (a source whose patterns or range
 * changed is read in full once) and stored only after every entry was handed over, so a read the sink stopped early
 * is not followed by a 304 that hides the rest. A 200 drops the old validators first.
 *
 * <p>Polling adapts (see {@link io.newswatch.ingest.IngestService}): after a poll that published nothing new, a
 * 304 included, the next interval is 1.5 times the last, at most 4 times the configured one; after a poll with
 * new articles it is half the last, at least a quarter of the configured one.
 */
public final class FeedSourceReader implements SourceReader {
    private final PoliteFetcher fetcher;
    private final FeedReader feedReader = new FeedReader();
    private final Map<Source, Validators> validators = new ConcurrentHashMap<>();

    private record Validators(String etag, String lastModified) {
    }

    public FeedSourceReader(PoliteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public void read(Source source, Sink sink) throws SourceReadException {
        try {
            Validators v = validators.get(source);
            PoliteFetcher f = fetcher.allowing(source.allowAddresses());
            FetchResult feed = v == null ? f.fetch(source.url()) : f.fetch(source.url(), v.etag(), v.lastModified());
            if (feed.notModified()) {
                sink.notModified(feed.url());
                return;
            }
            validators.remove(source);
            var entries = feedReader.read(feed.body(), feed.url());
            for (FeedEntry e : entries) {
                if (!sink.accept(new SourceEntry.Link(e.link(), e.guid(), e.title(), e.publishedAt()))) {
                    return;
                }
            }
            if (feed.etag() != null || feed.lastModified() != null) {
                validators.put(source, new Validators(feed.etag(), feed.lastModified()));
            }
        } catch (FetchException | FeedException e) {
            throw new SourceReadException(e.getMessage(), e);
        }
    }
}
