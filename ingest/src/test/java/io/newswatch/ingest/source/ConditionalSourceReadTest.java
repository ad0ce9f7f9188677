package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Hit;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional GET (If-None-Match, 304) for sitemap and html-index sources, against a loopback site that answers
 * 304 when the request's If-None-Match equals the page's ETag.
 */
class ConditionalSourceReadTest {
    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    private LoopbackSite site;
    private PoliteFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        site = new LoopbackSite();
        fetcher = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10),
                Duration.ofMillis(1), 1 << 20, 5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    /** Keeps what a reader hands over; stops the reading after {@code stopAfter} entries. */
    private static final class Recording implements SourceReader.Sink {
        final List<SourceEntry> entries = new ArrayList<>();
        final List<String> notModified = new ArrayList<>();
        private final int stopAfter;

        Recording(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        Recording() {
            this(Integer.MAX_VALUE);
        }

        @Override
        public boolean accept(SourceEntry entry) {
            entries.add(entry);
            return entries.size() < stopAfter;
        }

        @Override
        public void notModified(String url) {
            notModified.add(url);
        }

        List<String> urls() {
            return entries.stream().map(SourceEntry::url).toList();
        }
    }

    private static Recording read(SourceReader reader, Source source) throws SourceReadException {
        Recording sink = new Recording();
        reader.read(source, sink);
        return sink;
    }

    /** The If-None-Match header of each request for the path, in order (null where none was sent). */
    private List<String> ifNoneMatch(String path) {
        return site.hits(path).stream().map(Hit::ifNoneMatch).toList();
    }

    private static Page xml(String body, String etag) {
        return new Page(200, "application/xml", body.getBytes(StandardCharsets.UTF_8), Map.of("ETag", etag));
    }

    private String urlset(String... articlePaths) {
        StringBuilder b = new StringBuilder(URLSET);
        for (String p : articlePaths) {
            b.append("<url><loc>").append(site.url(p)).append("</loc></url>");
        }
        return b.append("</urlset>").toString();
    }

    /** An index of child sitemaps, given as path and lastmod pairs (a null lastmod is left out). */
    private String index(String... childAndLastmod) {
        StringBuilder b = new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < childAndLastmod.length; i += 2) {
            b.append("<sitemap><loc>").append(site.url(childAndLastmod[i])).append("</loc>");
            if (childAndLastmod[i + 1] != null) {
                b.append("<lastmod>").append(childAndLastmod[i + 1]).append("</lastmod>");
            }
            b.append("</sitemap>");
        }
        return b.append("</sitemapindex>").toString();
    }

    private Source sitemap(String path, DateRange range, boolean discover) {
        return new Source("loopback-sitemap", "sitemap", site.url(path), null, null, "en", UrlFilter.NONE, null,
                range, discover);
    }

    private void putIndexWithTwoChildren() {
        site.put("/sitemap-index.xml", xml(index("/sitemaps/a.xml", "2024-03-01", "/sitemaps/b.xml", "2024-03-01"),
                "\"i1\""));
        site.put("/sitemaps/a.xml", xml(urlset("/world/a1"), "\"a1\""));
        site.put("/sitemaps/b.xml", xml(urlset("/world/b1", "/world/b2"), "\"b1\""));
    }

    @Test
    void unchangedIndexAndChildrenAnswer304AndTheSourceIsNotModified() throws Exception {
        putIndexWithTwoChildren();
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap-index.xml", DateRange.ALL, false);

        Recording first = read(reader, source);
        Recording second = read(reader, source);

        assertThat(first.urls()).containsExactly(site.url("/world/a1"), site.url("/world/b1"),
                site.url("/world/b2"));
        assertThat(first.notModified).isEmpty();
        assertThat(ifNoneMatch("/sitemap-index.xml")).containsExactly(null, "\"i1\"");
        assertThat(ifNoneMatch("/sitemaps/a.xml")).containsExactly(null, "\"a1\"");
        assertThat(ifNoneMatch("/sitemaps/b.xml")).containsExactly(null, "\"b1\"");
        assertThat(second.entries).isEmpty();
        assertThat(second.notModified).containsExactly(site.url("/sitemap-index.xml"));
    }

    @Test
    void aChangedChildIsTheOnlyOneListedAgain() throws Exception {
        putIndexWithTwoChildren();
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap-index.xml", DateRange.ALL, false);
        read(reader, source);

        // a story is added to a.xml; the index's lastmod for a.xml moves with it, so the index changes too
        site.put("/sitemaps/a.xml", xml(urlset("/world/a1", "/world/a2"), "\"a2\""));
        site.put("/sitemap-index.xml", xml(index("/sitemaps/a.xml", "2024-03-02", "/sitemaps/b.xml", "2024-03-01"),
                "\"i2\""));
        Recording second = read(reader, source);
        Recording third = read(reader, source);

        assertThat(second.urls()).containsExactly(site.url("/world/a1"), site.url("/world/a2"));
        assertThat(second.notModified).isEmpty();
        assertThat(ifNoneMatch("/sitemap-index.xml")).containsExactly(null, "\"i1\"", "\"i2\"");
        assertThat(ifNoneMatch("/sitemaps/a.xml")).containsExactly(null, "\"a1\"", "\"a2\"");
        assertThat(ifNoneMatch("/sitemaps/b.xml")).containsExactly(null, "\"b1\"", "\"b1\"");
        assertThat(third.entries).isEmpty();
        assertThat(third.notModified).containsExactly(site.url("/sitemap-index.xml"));
    }

    @Test
    void anUnchangedIndexStillHasItsChildrenCheckedForNewUrls() throws Exception {
        // many sites give no lastmod and never touch the index while its news sitemap grows
        site.put("/sitemap-index.xml", xml(index("/sitemaps/news.xml", null), "\"static-index\""));
        site.put("/sitemaps/news.xml", xml(urlset("/world/first"), "\"n1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap-index.xml", DateRange.ALL, false);
        read(reader, source);

        site.put("/sitemaps/news.xml", xml(urlset("/world/first", "/world/second"), "\"n2\""));
        Recording second = read(reader, source);

        assertThat(ifNoneMatch("/sitemap-index.xml")).containsExactly(null, "\"static-index\"");
        assertThat(ifNoneMatch("/sitemaps/news.xml")).containsExactly(null, "\"n1\"");
        assertThat(second.urls()).containsExactly(site.url("/world/first"), site.url("/world/second"));
        assertThat(second.notModified).isEmpty();
    }

    @Test
    void aSitemapThatFailedToParseIsFetchedUnconditionallyNextTime() throws Exception {
        site.put("/sitemap.xml", xml(urlset("/world/one"), "\"s1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap.xml", DateRange.ALL, false);
        read(reader, source);

        site.put("/sitemap.xml", xml("<urlset><url><loc>", "\"s2\""));
        assertThatThrownBy(() -> read(reader, source)).isInstanceOf(SourceReadException.class)
                .hasMessageContaining("sitemap.xml");
        assertThatThrownBy(() -> read(reader, source)).isInstanceOf(SourceReadException.class);
        site.put("/sitemap.xml", xml(urlset("/world/one", "/world/two"), "\"s3\""));
        Recording repaired = read(reader, source);

        // had s1 been kept through the broken 200, the third request would still carry If-None-Match: "s1"
        assertThat(ifNoneMatch("/sitemap.xml")).containsExactly(null, "\"s1\"", null, null);
        assertThat(repaired.urls()).containsExactly(site.url("/world/one"), site.url("/world/two"));
    }

    @Test
    void aBrokenChildIsFetchedInFullWhileItsUnchangedIndexAnswers304() throws Exception {
        site.put("/sitemap-index.xml", xml(index("/sitemaps/good.xml", null, "/sitemaps/broken.xml", null),
                "\"i1\""));
        site.put("/sitemaps/good.xml", xml(urlset("/world/good"), "\"g1\""));
        site.put("/sitemaps/broken.xml", xml(URLSET + "<url><loc>", "\"x1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap-index.xml", DateRange.ALL, false);

        Recording first = read(reader, source);
        site.put("/sitemaps/broken.xml", xml(urlset("/world/repaired"), "\"x2\""));
        Recording second = read(reader, source);

        assertThat(first.urls()).containsExactly(site.url("/world/good"));
        assertThat(ifNoneMatch("/sitemap-index.xml")).containsExactly(null, "\"i1\"");
        assertThat(ifNoneMatch("/sitemaps/good.xml")).containsExactly(null, "\"g1\"");
        assertThat(ifNoneMatch("/sitemaps/broken.xml")).containsExactly(null, null);
        assertThat(second.urls()).containsExactly(site.url("/world/repaired"));
        assertThat(second.notModified).isEmpty();
    }

    @Test
    void aSitemapWhoseReadingTheSinkStoppedIsFetchedInFullNextTime() throws Exception {
        site.put("/sitemap.xml", xml(urlset("/world/one", "/world/two", "/world/three"), "\"s1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/sitemap.xml", DateRange.ALL, false);

        Recording stopped = new Recording(1);
        reader.read(source, stopped);
        Recording full = read(reader, source);
        Recording again = read(reader, source);

        assertThat(stopped.entries).hasSize(1);
        assertThat(full.entries).hasSize(3);
        assertThat(ifNoneMatch("/sitemap.xml")).containsExactly(null, null, "\"s1\"");
        assertThat(again.entries).isEmpty();
        assertThat(again.notModified).containsExactly(site.url("/sitemap.xml"));
    }

    @Test
    void withRobotsDiscoveryTheSourceIsNotModifiedOnlyWhenEveryAnnouncedSitemapIs() throws Exception {
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nDisallow:\n\nSitemap: "
                + site.url("/news.xml") + "\nSitemap: " + site.url("/archive.xml") + "\n"));
        site.put("/news.xml", xml(urlset("/world/fresh"), "\"n1\""));
        site.put("/archive.xml", xml(urlset("/world/old"), "\"r1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source source = sitemap("/", DateRange.ALL, true);

        Recording first = read(reader, source);
        Recording unchanged = read(reader, source);
        site.put("/news.xml", xml(urlset("/world/fresh", "/world/fresher"), "\"n2\""));
        Recording oneChanged = read(reader, source);

        assertThat(first.entries).hasSize(2);
        assertThat(unchanged.entries).isEmpty();
        assertThat(unchanged.notModified).containsExactly(site.url("/"));
        assertThat(ifNoneMatch("/archive.xml")).containsExactly(null, "\"r1\"", "\"r1\"");
        assertThat(oneChanged.urls()).containsExactly(site.url("/world/fresh"), site.url("/world/fresher"));
        assertThat(oneChanged.notModified).isEmpty();
    }

    @Test
    void aChangedSourceDefinitionReadsInFullAgain() throws Exception {
        site.put("/sitemap.xml", xml(urlset("/world/one"), "\"s1\""));
        SitemapSourceReader reader = new SitemapSourceReader(fetcher);
        Source narrow = sitemap("/sitemap.xml", new DateRange(Instant.parse("2024-03-01T00:00:00Z"), null), false);
        Source wide = sitemap("/sitemap.xml", DateRange.ALL, false);

        read(reader, narrow);
        Recording widened = read(reader, wide);
        Recording narrowAgain = read(reader, narrow);

        // the caller dropped the undated URL under the narrow range; a 304 for the wider one would hide it for good
        assertThat(ifNoneMatch("/sitemap.xml")).containsExactly(null, null, "\"s1\"");
        assertThat(widened.urls()).containsExactly(site.url("/world/one"));
        assertThat(narrowAgain.entries).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedValidatorsAreDroppedAtTheBound() throws Exception {
        for (String name : List.of("s1", "s2", "s3")) {
            site.put("/" + name + ".xml", xml(urlset("/world/" + name), "\"" + name + "\""));
        }
        SitemapSourceReader reader = new SitemapSourceReader(fetcher, 2);
        for (String name : List.of("s1", "s2", "s3")) {
            read(reader, sitemap("/" + name + ".xml", DateRange.ALL, false));
        }

        Recording s3 = read(reader, sitemap("/s3.xml", DateRange.ALL, false));
        Recording s1 = read(reader, sitemap("/s1.xml", DateRange.ALL, false));

        assertThat(ifNoneMatch("/s3.xml")).containsExactly(null, "\"s3\"");
        assertThat(s3.entries).isEmpty();
        assertThat(ifNoneMatch("/s1.xml")).containsExactly(null, null);
        assertThat(s1.urls()).containsExactly(site.url("/world/s1"));
    }

    private Source htmlIndex() {
        return new Source("loopback-world", "html-index", site.url("/world/"), null, null, "en", UrlFilter.NONE,
                "main a", DateRange.ALL, false);
    }

    private static Page html(String etag, String... articlePaths) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><body><main>");
        for (String p : articlePaths) {
            b.append("<h2><a href=\"").append(p).append("\">Story ").append(p).append("</a></h2>");
        }
        b.append("</main></body></html>");
        return new Page(200, "text/html; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("ETag", etag));
    }

    @Test
    void htmlIndexAnswering304ListsNothingUntilThePageChanges() throws Exception {
        site.put("/world/", html("\"p1\"", "/world/quay-strike"));
        HtmlIndexSourceReader reader = new HtmlIndexSourceReader(fetcher);

        Recording first = read(reader, htmlIndex());
        Recording unchanged = read(reader, htmlIndex());
        site.put("/world/", html("\"p2\"", "/world/quay-strike", "/world/quay-strike-ends"));
        Recording changed = read(reader, htmlIndex());

        assertThat(first.urls()).containsExactly(site.url("/world/quay-strike"));
        assertThat(unchanged.entries).isEmpty();
        assertThat(unchanged.notModified).containsExactly(site.url("/world/"));
        assertThat(ifNoneMatch("/world/")).containsExactly(null, "\"p1\"", "\"p1\"");
        assertThat(changed.urls()).containsExactly(site.url("/world/quay-strike"),
                site.url("/world/quay-strike-ends"));
        assertThat(changed.notModified).isEmpty();
    }

    @Test
    void htmlIndexWhoseReadingTheSinkStoppedIsFetchedInFullNextTime() throws Exception {
        site.put("/world/", html("\"p1\"", "/world/one", "/world/two"));
        HtmlIndexSourceReader reader = new HtmlIndexSourceReader(fetcher);

        reader.read(htmlIndex(), new Recording(1));
        Recording full = read(reader, htmlIndex());

        assertThat(ifNoneMatch("/world/")).containsExactly(null, null);
        assertThat(full.urls()).containsExactly(site.url("/world/one"), site.url("/world/two"));
    }
}
