package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.net.AddressBlock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages a misbehaving site serves, through the whole ingester onto the embedded broker: compressed pages are
 * published decoded, a page padded with NUL bytes keeps its text, and a gzip bomb, an encoding that is not decoded
 * and a binary body are each skipped with nothing of them published.
 */
class HostilePagesIngestTest {
    @RegisterExtension
    static final LoopbackIngest ingest = new LoopbackIngest(Duration.ofMillis(5));

    private static final String PARAGRAPH = "The harbour council approved the ferry budget on Monday after a long "
            + "debate, and the first new boat is due in the spring, the chair said.";

    private static String page(String headline, String padding) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            body.append(padding).append("<p>").append(PARAGRAPH).append(padding).append("</p>\n");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><title>" + headline + "</title></head><body>" + padding
                + "<article><h1>" + headline + "</h1>" + body + "</article></body></html>" + padding;
    }

    private static byte[] gzip(byte[] data, int copies) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            for (int i = 0; i < copies; i++) {
                z.write(data);
            }
        }
        return out.toByteArray();
    }

    @Test
    void compressedAndNulPaddedPagesArePublishedAndHostileOnesSkipped() throws Exception {
        LoopbackSite site = ingest.site();
        String[] paths = {"/gzip", "/nul", "/bomb", "/brotli", "/png"};
        StringBuilder items = new StringBuilder();
        for (String p : paths) {
            items.append("<item><title>").append(p).append("</title><link>").append(p).append("</link><guid>")
                    .append(p).append("</guid></item>");
        }
        site.put("/rss.xml", Page.of("application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>t</title><link>" + site.url("/") + "</link><description>d</description>" + items
                + "</channel></rss>"));
        site.put("/gzip", new Page(200, "text/html", gzip(page("Ferry budget approved", "")
                .getBytes(StandardCharsets.UTF_8), 1), Map.of("Content-Encoding", "gzip")));
        // about 600 characters of text among 3,000 NUL bytes, some of them inside tags
        site.put("/nul", Page.of("text/html", "\0".repeat(200) + page("Council meets on ferries\0",
                "\0".repeat(300)).replace("<p>", "<p\0>")));
        // 1 MiB limit; 64 MiB of HTML once decoded
        byte[] filler = ("<p>" + "zero ".repeat(200) + "</p>\n").getBytes(StandardCharsets.UTF_8);
        site.put("/bomb", new Page(200, "text/html", gzip(filler, (64 << 20) / filler.length),
                Map.of("Content-Encoding", "gzip")));
        site.put("/brotli", new Page(200, "text/html", new byte[] {0x0b, 0x02, (byte) 0x80}, Map.of(
                "Content-Encoding", "br")));
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        site.put("/png", new Page(200, "text/html", png, Map.of()));

        List<Article> published = new CopyOnWriteArrayList<>();
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.POLL_INTERVAL, "1h");
        try (IngestService service = new IngestService(config, ingest.kafkaProps(),
                List.of(new Source("hostile", "rss", site.url("/rss.xml"), null, "en")), ingest.fetcher())) {
            service.onPublished(published::add);
            service.start();
            IngestStats stats = service.pollOnce();

            assertThat(stats.published()).isEqualTo(2);
            assertThat(stats.pageFailures()).isEqualTo(3);
        }
        assertThat(published).extracting(Article::url)
                .containsExactlyInAnyOrder(site.url("/gzip"), site.url("/nul"));
        for (Article a : published) {
            assertThat(a.text()).contains(PARAGRAPH).doesNotContain("\0").doesNotContain("\uFFFD");
        }
        Article nul = published.stream().filter(a -> a.url().endsWith("/nul")).findFirst().orElseThrow();
        assertThat(nul.text()).hasSizeGreaterThan(500);
        assertThat(nul.title()).isEqualTo("Council meets on ferries");
    }

    @Test
    void onlyTheSourceThatAllowsLoopbackReachesIt() throws Exception {
        LoopbackSite site = ingest.site();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nAllow: /\n"));
        site.put("/rss.xml", Page.of("application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>t</title><link>" + site.url("/") + "</link><description>d</description>"
                + "<item><title>a</title><link>/a</link><guid>a</guid></item></channel></rss>"));
        site.put("/a", Page.of("text/html", page("Ferry budget approved", "")));
        Source allowed = new Source("allowed", "rss", site.url("/rss.xml"), null, null, "en",
                UrlFilter.NONE, null, DateRange.ALL, false,
                AddressBlock.parseList("127.0.0.1"));
        Source refused = new Source("refused", "rss", site.urlAs("localhost", "/rss.xml"), null, "en");
        List<Article> published = new CopyOnWriteArrayList<>();
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.POLL_INTERVAL, "1h");
        // a fetcher that allows no non-public address itself: only the source's own setting can
        try (PoliteFetcher publicOnly = new PoliteFetcher(
                new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10),
                        Duration.ofMillis(5), 1 << 20, 5, 4, Duration.ofHours(1)));
             IngestService service = new IngestService(config, ingest.kafkaProps(), List.of(allowed, refused),
                     publicOnly)) {
            service.onPublished(published::add);
            service.start();
            IngestStats stats = service.pollOnce();

            assertThat(stats.sourceFailures()).isEqualTo(1);
            assertThat(stats.published()).isEqualTo(1);
            assertThat(service.health()).filteredOn(h -> h.id().equals("refused")).singleElement()
                    .satisfies(h -> assertThat(h.lastError()).contains("a loopback address")
                            .contains("ingest.fetch.allow.addresses").contains("allow_addresses"));
        }
        assertThat(published).extracting(Article::sourceId).containsExactly("allowed");
        assertThat(site.hits()).allSatisfy(h -> assertThat(h.path()).isIn("/robots.txt", "/rss.xml", "/a"));
        assertThat(site.hits("/rss.xml")).hasSize(1);
    }
}
