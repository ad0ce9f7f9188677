package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sitemaps (index, Google News, robots.txt discovery) and HTML index pages against a loopback site. */
class SitemapAndIndexSourceReaderTest {
    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
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

    private static List<SourceEntry> read(SourceReader reader, Source source) throws SourceReadException {
        List<SourceEntry> out = new ArrayList<>();
        reader.read(source, out::add);
        return out;
    }

    private static String newsUrl(String loc, String date, String title) {
        return "<url><loc>" + loc + "</loc><news:news><news:publication><news:name>Loopback Times</news:name>"
                + "<news:language>en</news:language></news:publication><news:publication_date>" + date
                + "</news:publication_date><news:title>" + title + "</news:title></news:news></url>";
    }

    private void putSitemaps() {
        site.put("/sitemap-index.xml", Page.of("application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc><lastmod>2024-03-05T10:00:00Z</lastmod></sitemap>
                  <sitemap><loc>%s</loc><lastmod>2024-03-01</lastmod></sitemap>
                  <sitemap><loc>%s</loc><lastmod>2023-12-31</lastmod></sitemap>
                </sitemapindex>
                """.formatted(site.url("/sitemaps/news.xml"), site.url("/sitemaps/2024-02.xml"),
                site.url("/sitemaps/2023.xml"))));
        site.put("/sitemaps/news.xml", Page.of("application/xml; charset=utf-8", URLSET
                + newsUrl(site.url("/world/port-inspection"), "2024-03-04T08:30:00+00:00",
                        "Port inspection finds undeclared cargo")
                + newsUrl(site.url("/world/late-story"), "2024-03-12T06:00:00Z", "A story after the range")
                + "</urlset>"));
        site.put("/sitemaps/2024-02.xml", Page.of("text/xml", URLSET
                + "<url><loc>" + site.url("/world/feb-convoy") + "</loc><lastmod>2024-02-20</lastmod></url>"
                + "<url><loc>" + site.url("/world/early-feb") + "</loc><lastmod>2024-02-01</lastmod></url>"
                + "<url><loc>" + site.url("/world/undated") + "</loc></url>"
                + "</urlset>"));
        site.put("/sitemaps/2023.xml", Page.of("text/xml", URLSET
                + "<url><loc>" + site.url("/world/old") + "</loc><lastmod>2023-06-01</lastmod></url></urlset>"));
    }

    private Source sitemap(String url, DateRange range, boolean discover) {
        return new Source("loopback-sitemap", "sitemap", url, null, null, "en", UrlFilter.NONE, null, range,
                discover);
    }

    @Test
    void sitemapIndexAndNewsSitemapAreFilteredByDateRange() throws Exception {
        putSitemaps();
        DateRange range = new DateRange(Instant.parse("2024-02-15T00:00:00Z"), Instant.parse("2024-03-08T00:00:00Z"));
        Source source = sitemap(site.url("/sitemap-index.xml"), range, false);

        List<SourceEntry> entries = read(new SitemapSourceReader(fetcher), source);

        // the 2023 child sitemap last changed before 'since', so it was not even fetched
        assertThat(site.hits("/sitemaps/2023.xml")).isEmpty();
        assertThat(entries).hasSize(5);
        List<SourceEntry> admitted = entries.stream().filter(source::admits).toList();
        assertThat(admitted).extracting(SourceEntry::url)
                .containsExactly(site.url("/world/port-inspection"), site.url("/world/feb-convoy"));
        SourceEntry.Link news = (SourceEntry.Link) admitted.get(0);
        assertThat(news.title()).isEqualTo("Port inspection finds undeclared cargo");
        assertThat(news.publishedAt()).isEqualTo(Instant.parse("2024-03-04T08:30:00Z"));
        assertThat(admitted.get(1).date()).isEqualTo(Instant.parse("2024-02-20T00:00:00Z"));
    }

    @Test
    void withoutRangeEveryUrlOfEveryChildIsListed() throws Exception {
        putSitemaps();

        List<SourceEntry> entries = read(new SitemapSourceReader(fetcher),
                sitemap(site.url("/sitemap-index.xml"), DateRange.ALL, false));

        assertThat(entries).extracting(SourceEntry::url).contains(site.url("/world/old"), site.url("/world/undated"))
                .hasSize(6);
    }

    @Test
    void sitemapsAnnouncedInRobotsTxtAreRead() throws Exception {
        putSitemaps();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nDisallow: /private/\n\nSitemap: "
                + site.url("/sitemaps/news.xml") + "\n"));

        List<SourceEntry> entries = read(new SitemapSourceReader(fetcher), sitemap(site.url("/"), DateRange.ALL,
                true));

        assertThat(entries).extracting(SourceEntry::url)
                .containsExactly(site.url("/world/port-inspection"), site.url("/world/late-story"));
        assertThat(site.hits("/sitemap-index.xml")).isEmpty();
    }

    @Test
    void nestedIndexesAreFollowedToABoundedDepthAndLoopsOnce() throws Exception {
        String index = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">%s</sitemapindex>";
        for (int level = 0; level < 4; level++) {
            String children = "<sitemap><loc>" + site.url("/idx-" + (level + 1) + ".xml") + "</loc></sitemap>"
                    + "<sitemap><loc>" + site.url("/idx-0.xml") + "</loc></sitemap>"; // a loop back to the top
            site.put("/idx-" + level + ".xml", Page.of("text/xml", index.formatted(children)));
        }
        site.put("/idx-4.xml", Page.of("text/xml", URLSET + "<url><loc>" + site.url("/world/deep") + "</loc></url>"
                + "</urlset>"));

        List<SourceEntry> entries = read(new SitemapSourceReader(fetcher),
                sitemap(site.url("/idx-0.xml"), DateRange.ALL, false));

        assertThat(entries).isEmpty();
        assertThat(site.hits("/idx-0.xml")).hasSize(1);
        assertThat(site.hits("/idx-" + SitemapSourceReader.MAX_DEPTH + ".xml")).hasSize(1);
        assertThat(site.hits("/idx-4.xml")).isEmpty();
    }

    @Test
    void gzippedSitemapIsRead() throws Exception {
        byte[] xml = (URLSET + "<url><loc>" + site.url("/world/zipped") + "</loc><lastmod>2024-03-02</lastmod>"
                + "</url></urlset>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var zipped = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(zipped)) {
            out.write(xml);
        }
        site.put("/sitemap.xml.gz", new Page(200, "application/gzip", zipped.toByteArray(), java.util.Map.of()));

        List<SourceEntry> entries = read(new SitemapSourceReader(fetcher),
                sitemap(site.url("/sitemap.xml.gz"), DateRange.ALL, false));

        assertThat(entries).extracting(SourceEntry::url).containsExactly(site.url("/world/zipped"));
    }

    @Test
    void robotsTxtWithoutSitemapOrBrokenSitemapFailsTheSource() {
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nDisallow:\n"));
        assertThatThrownBy(() -> read(new SitemapSourceReader(fetcher), sitemap(site.url("/"), DateRange.ALL, true)))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("announces no sitemap");

        site.put("/broken-sitemap.xml", Page.of("text/xml", "<urlset><url><loc>"));
        assertThatThrownBy(() -> read(new SitemapSourceReader(fetcher),
                sitemap(site.url("/broken-sitemap.xml"), DateRange.ALL, false)))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("broken-sitemap.xml");
    }

    private void putIndexPage() {
        site.put("/world/", Page.of("text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>World | Loopback Times</title></head><body>
                <nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/sport/">Sport</a></nav>
                <section class="stories">
                  <h2><a href="/world/port-inspection">Port inspection finds undeclared cargo</a></h2>
                  <h2><a href="convoy-delayed#comments">Convoy delayed at the border</a></h2>
                  <h2><a href="/world/live-border-updates">Live: border updates</a></h2>
                  <h2><a href="http://partner-wire.example/wire/tanker-seized">Partner: tanker seized</a></h2>
                  <h2><a href="mailto:desk@loopback.example">Write to the desk</a></h2>
                  <div class="more"><a href="/world/port-inspection">Port inspection (again)</a>
                    <a href="/world/rail-tariffs">Rail tariffs rise</a></div>
                </section>
                <aside><a href="/world/most-read-1">Most read</a></aside>
                </body></html>
                """));
    }

    private Source index(UrlFilter filter) {
        return new Source("loopback-world", "html-index", site.url("/world/"), null, null, "en", filter,
                "section.stories h2 a, section.stories .more", DateRange.ALL, false);
    }

    @Test
    void htmlIndexKeepsSelectedSameSiteLinksOnceInPageOrder() throws Exception {
        putIndexPage();
        Source source = index(UrlFilter.NONE);

        List<SourceEntry> entries = read(new HtmlIndexSourceReader(fetcher), source);

        assertThat(entries).extracting(SourceEntry::url).containsExactly(
                site.url("/world/port-inspection"), site.url("/world/convoy-delayed"),
                site.url("/world/live-border-updates"), site.url("/world/rail-tariffs"));
        assertThat(((SourceEntry.Link) entries.get(1)).title()).isEqualTo("Convoy delayed at the border");
        assertThat(entries).allMatch(source::admits);
    }

    @Test
    void htmlIndexIncludeLetsOtherSitesInAndExcludeWins() throws Exception {
        putIndexPage();
        Source source = index(UrlFilter.of(List.of("/world/", "partner-wire\\.example/wire/"),
                List.of("/live-", "rail-tariffs")));

        List<SourceEntry> entries = read(new HtmlIndexSourceReader(fetcher), source);
        List<String> admitted = entries.stream().filter(source::admits).map(SourceEntry::url).toList();

        assertThat(admitted).containsExactly(site.url("/world/port-inspection"), site.url("/world/convoy-delayed"),
                "http://partner-wire.example/wire/tanker-seized");
    }

    @Test
    void unreachableIndexPageFailsTheSource() {
        assertThatThrownBy(() -> read(new HtmlIndexSourceReader(fetcher), index(UrlFilter.NONE)))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("404");
    }
}
