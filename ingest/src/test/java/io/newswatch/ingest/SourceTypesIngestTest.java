package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.TestArchives;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every non-feed source type through the ingester, against a loopback site and the embedded Kafka broker. */
class SourceTypesIngestTest {
    @RegisterExtension
    static final LoopbackIngest ingest = new LoopbackIngest(Duration.ofMillis(1));
    private static EmbeddedKafka kafka;
    private LoopbackSite site;
    private PoliteFetcher fetcher;
    @TempDir
    Path dir;

    @BeforeEach
    void bind() {
        kafka = ingest.kafka();
        site = ingest.site();
        fetcher = ingest.fetcher();
    }

    private IngestService service(List<Source> sources) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return new IngestService(NewswatchConfig.defaults().with(ConfigKeys.POLL_INTERVAL, "200ms"), p, sources,
                fetcher);
    }

    private void putSite() {
        site.put("/sitemap.xml", Page.of("application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc><lastmod>2024-03-04</lastmod></url>
                  <url><loc>%s</loc><lastmod>2024-03-04</lastmod></url>
                </urlset>
                """.formatted(site.url("/world/quay-crane"), site.url("/live/quay-crane-updates"))));
        site.put("/world/quay-crane", Page.of("text/html", TestArchives.articlePage("New quay crane arrives", "",
                "A new quay crane arrived by barge on Monday and will be working by the summer, the port said.",
                "It can lift two containers at once, which should halve waiting times for feeder ships.")));
        site.put("/world/", Page.of("text/html", "<html><body><main><h2><a href=\"/world/pilot-strike\">Pilots "
                + "strike</a></h2></main><nav><a href=\"/about\">About</a></nav></body></html>"));
        site.put("/world/pilot-strike", Page.of("text/html", TestArchives.articlePage("Harbour pilots strike", "",
                "Harbour pilots stopped work at dawn over a pay dispute, leaving nine ships at anchor.",
                "Talks between the union and the port authority are set to resume on Friday.")));
    }

    @Test
    void everySourceTypeIsPublishedOnceAcrossPollsAndRestarts() throws Exception {
        putSite();
        Path warc = dir.resolve("ledger.warc.gz");
        TestArchives.writeNewsWarc(warc);
        Path saved = dir.resolve("saved");
        TestArchives.writeSavedPages(saved);
        List<Source> sources = List.of(
                new Source("ledger-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null, DateRange.ALL, false),
                new Source("ledger-saved", "folder", null, saved, null, null, UrlFilter.NONE, null, DateRange.ALL,
                        false),
                new Source("loopback-sitemap", "sitemap", site.url("/sitemap.xml"), null, null, "en",
                        UrlFilter.of(List.of(), List.of("/live/")), null, DateRange.ALL, false),
                new Source("loopback-world", "html-index", site.url("/world/"), null, null, "en", UrlFilter.NONE,
                        "main h2 a", DateRange.ALL, false));
        List<Article> acknowledged = new CopyOnWriteArrayList<>();

        try (IngestService first = service(sources)) {
            first.onPublished(acknowledged::add);
            first.start();
            // warc 1 + folder 3 + sitemap 1 (the /live/ URL is excluded) + index 1
            assertThat(first.pollOnce()).isEqualTo(new IngestStats(4, 0, 6, 6, 0, 0));
            assertThat(first.pollOnce()).isEqualTo(new IngestStats(4, 0, 6, 0, 6, 0));
            // pages read from files count as pages, as fetched ones do: the folder's 3 on the first poll (a stored
            // page already handled is not read again in the same process)
            assertThat(first.statuses()).filteredOn(st -> st.id().equals("ledger-saved"))
                    .singleElement().satisfies(st -> assertThat(st.pagesFetched()).isEqualTo(3));
        }
        assertThat(acknowledged).extracting(Article::title).containsExactlyInAnyOrder("Rail ferry talks resume",
                "Port extends opening hours", "Grain terminal reopens", "Draft: customs queue",
                "New quay crane arrives", "Harbour pilots strike");
        Article ferry = acknowledged.stream().filter(a -> a.sourceId().equals("ledger-warc")).findFirst()
                .orElseThrow();
        assertThat(ferry.url()).isEqualTo(TestArchives.WARC_ARTICLE_URL);
        assertThat(ferry.fetchedAt()).isEqualTo(TestArchives.CAPTURED);
        assertThat(acknowledged).filteredOn(a -> a.title().startsWith("Grain")).extracting(Article::url)
                .containsExactly("https://harbour-ledger.example/world/grain-terminal");
        assertThat(site.hits("/live/quay-crane-updates")).isEmpty();

        try (IngestService restarted = service(sources)) {
            restarted.start();
            // a new process: the stored pages are extracted again, and the hashes on the topic say "unchanged"
            assertThat(restarted.pollOnce()).isEqualTo(new IngestStats(4, 0, 6, 0, 6, 0));
        }
        assertThat(acknowledged).hasSize(6);
    }

    @Test
    void aPageSeenAgainUnderANewFeedDateIsFetchedConditionallyAndCountedAsNotModified() throws Exception {
        String page = TestArchives.articlePage("Ferry timetable changes", "",
                "The winter ferry timetable starts on Sunday with one fewer crossing on weekday mornings.",
                "The operator said the early crossing carried fewer than twenty passengers a day.");
        site.put("/ferry", new Page(200, "text/html", page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("ETag", "\"ferry-1\"")));
        java.util.function.Function<String, String> feed = date -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>t</title><link>" + site.url("/") + "</link><description>d</description><item>"
                + "<title>Ferry timetable changes</title><link>" + site.url("/ferry") + "</link><pubDate>" + date
                + " Dec 2025 08:00:00 GMT</pubDate></item></channel></rss>";
        site.put("/feed.xml", Page.of("application/rss+xml", feed.apply("Mon, 01")));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (IngestService ingest = new IngestService(NewswatchConfig.defaults(), p, List.of(
                new Source("ferry-feed", "rss", site.url("/feed.xml"), null, "en")), fetcher, registry)) {
            ingest.start();
            assertThat(ingest.pollOnce().published()).isEqualTo(1);
            site.put("/feed.xml", Page.of("application/rss+xml", feed.apply("Tue, 02"))); // the item's date moved
            assertThat(ingest.pollOnce()).isEqualTo(new IngestStats(1, 0, 1, 0, 1, 0));
        }
        assertThat(site.hits("/ferry")).extracting(LoopbackSite.Hit::ifNoneMatch)
                .containsExactly(null, "\"ferry-1\"");
        assertThat(registry.get("newswatch.ingest.pages.fetched").tag("source", "ferry-feed").functionCounter()
                .count()).isEqualTo(2.0);
        assertThat(registry.get("newswatch.ingest.articles.published").tag("source", "ferry-feed")
                .functionCounter().count()).isEqualTo(1.0);
    }

    @Test
    void aSlowSourceDelaysOnlyItself() throws Exception {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>"
                + site.url("/") + "</link><description>d</description></channel></rss>";
        site.put("/feed.xml", Page.of("application/rss+xml", feed));
        try (LoopbackSite slow = new LoopbackSite()) {
            slow.put("/feed.xml", Page.of("application/rss+xml", feed));
            slow.put("/robots.txt", Page.of("text/plain", "User-agent: *\nAllow: /\n"));
            fetcher.fetch(slow.url("/robots.txt")); // robots.txt cached before the slow answers begin
            slow.handlingTime(2_500);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            try (IngestService ingest = new IngestService(NewswatchConfig.defaults(), p, List.of(
                    new Source("slow-feed", "rss", slow.url("/feed.xml"), Duration.ofMillis(100), "en"),
                    new Source("quick-feed", "rss", site.urlAs("localhost", "/feed.xml"), Duration.ofMillis(100),
                            "en")), fetcher)) {
                ingest.start();
                Thread loop = new Thread(ingest::runUntilStopped);
                loop.start();
                Thread.sleep(2_000);
                assertThat(slow.hits("/feed.xml")).hasSize(1);
                assertThat(site.hits("/feed.xml").size()).as("polls of the quick source meanwhile")
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }
}
