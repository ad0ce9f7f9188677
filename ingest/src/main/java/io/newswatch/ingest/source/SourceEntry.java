package io.newswatch.ingest.source;

import java.time.Instant;
import java.util.Objects;

/** What a source offers: a {@link Link} to fetch, or a {@link StoredPage} already captured (WARC, saved folder). */
public sealed interface SourceEntry permits SourceEntry.Link, SourceEntry.StoredPage {

    /** The entry's URL: what include/exclude patterns are matched against. */
    String url();

    /** The entry's date for {@code since}/{@code until}: publication or lastmod date, or capture date; or null. */
    Instant date();

    /**
     * A stable identity within one process: an entry whose identity was already handled is not fetched or
     * extracted again. A link's identity is its URL, GUID (if any) and date, so a feed item or sitemap URL whose date
     * moved is looked at again (conditionally: a 304 costs nothing).
     */
    String identity();

    /**
     * A page to fetch.
     *
     * @param url         absolute http(s) URL
     * @param guid        the feed's GUID or Atom id, or null when the source has none
     * @param title       title the source gives, or null
     * @param publishedAt the feed date, news publication date or sitemap lastmod, or null
     */
    record Link(String url, String guid, String title, Instant publishedAt) implements SourceEntry {
        public Link {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Instant date() {
            return publishedAt;
        }

        @Override
        public String identity() {
            return url + "\u0000" + guid + "\u0000" + publishedAt;
        }
    }

    /**
     * A page captured earlier.
     *
     * @param url         the URL it was captured from (WARC-Target-URI), or its declared canonical URL, else a
     *                    {@code file:} URI
     * @param body        the page's bytes, HTTP transfer and content encodings already removed
     * @param contentType the page's Content-Type (may name a charset), or null
     * @param fetchedAt   when it was captured (WARC-Date, a saved file's modification time), or null
     */
    record StoredPage(String url, byte[] body, String contentType, Instant fetchedAt) implements SourceEntry {
        public StoredPage {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public Instant date() {
            return fetchedAt;
        }

        @Override
        public String identity() {
            return url + "\u0000" + fetchedAt + "\u0000" + body.length;
        }
    }
}
