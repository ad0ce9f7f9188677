package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gzipped sitemap is read however the server labels it, now that the fetcher undoes Content-Encoding. */
class CompressedSitemapTest {
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

    private byte[] gzippedSitemap() throws Exception {
        String xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                + site.url("/world/harbour") + "</loc></url></urlset>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private List<SourceEntry> read(String path) throws Exception {
        List<SourceEntry> out = new ArrayList<>();
        new SitemapSourceReader(fetcher).read(new Source("gz", "sitemap", site.url(path), null, null, "en",
                UrlFilter.NONE, null, DateRange.ALL, false), out::add);
        return out;
    }

    @Test
    void aGzipFileAsSuchAndOneAlsoMarkedContentEncodingGzipAreBothRead() throws Exception {
        site.put("/plain.xml.gz", new Page(200, "application/x-gzip", gzippedSitemap(), Map.of()));
        site.put("/encoded.xml.gz", new Page(200, "application/x-gzip", gzippedSitemap(),
                Map.of("Content-Encoding", "gzip")));
        site.put("/xml-encoded.xml", new Page(200, "application/xml", gzippedSitemap(),
                Map.of("Content-Encoding", "gzip")));

        for (String path : List.of("/plain.xml.gz", "/encoded.xml.gz", "/xml-encoded.xml")) {
            assertThat(read(path)).as(path).extracting(SourceEntry::url).containsExactly(site.url("/world/harbour"));
        }
    }
}
