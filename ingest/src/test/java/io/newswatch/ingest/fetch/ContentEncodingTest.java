package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.LoopbackSite.Hit;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compressed responses: asked for, decoded, bounded after decoding, and refused when they cannot be decoded. */
class ContentEncodingTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String PAGE = "<html><body><article><p>The harbour reopened on Tuesday after the storm, "
            + "the port authority said.</p></article></body></html>";
    private static final int LIMIT = 1 << 20;
    private LoopbackSite site;
    private PoliteFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nAllow: /\n"));
        fetcher = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10), Duration.ZERO,
                LIMIT, 5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean zlibWrapped) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION,
                !zlibWrapped))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static Page encoded(String encoding, byte[] body) {
        return new Page(200, HTML, body, Map.of("Content-Encoding", encoding));
    }

    private static String text(FetchResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void gzipIsAskedForAndDecoded() throws Exception {
        site.put("/gz", encoded("gzip", gzip(PAGE.getBytes(StandardCharsets.UTF_8))));

        assertThat(text(fetcher.fetch(site.url("/gz")))).isEqualTo(PAGE);
        assertThat(site.hits("/gz")).extracting(Hit::acceptEncoding).containsExactly("gzip, deflate");
    }

    @Test
    void deflateIsDecodedWhetherZlibWrappedOrRaw() throws Exception {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        site.put("/zlib", encoded("deflate", deflate(page, true)));
        site.put("/raw", encoded("Deflate", deflate(page, false)));

        assertThat(text(fetcher.fetch(site.url("/zlib")))).isEqualTo(PAGE);
        assertThat(text(fetcher.fetch(site.url("/raw")))).isEqualTo(PAGE);
    }

    @Test
    void gzipUnderAnotherNameOrInSeveralMembersIsDecodedAndSoIsAGzippedRobotsTxt() throws Exception {
        site.put("/robots.txt", new Page(200, "text/plain",
                gzip("User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)),
                Map.of("Content-Encoding", "gzip")));
        byte[] first = gzip(PAGE.substring(0, 40).getBytes(StandardCharsets.UTF_8));
        byte[] second = gzip(PAGE.substring(40).getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        site.put("/x-gzip", encoded("x-gzip", gzip(PAGE.getBytes(StandardCharsets.UTF_8))));
        site.put("/members", encoded("gzip", both));
        site.put("/private/a", encoded("gzip", gzip(PAGE.getBytes(StandardCharsets.UTF_8))));

        assertThat(text(fetcher.fetch(site.url("/x-gzip")))).isEqualTo(PAGE);
        assertThat(text(fetcher.fetch(site.url("/members")))).isEqualTo(PAGE);
        assertThatThrownBy(() -> fetcher.fetch(site.url("/private/a"))).hasMessageContaining("disallowed by robots");
        assertThat(site.hits("/private/a")).isEmpty();
    }

    @Test
    void aGzipBombIsRefusedOnceItsDecodedSizePassesTheLimit() throws Exception {
        // 100 MiB of zeros compress to about 100 KiB: far under the limit as sent, a hundred times over it decoded
        byte[] bomb;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                z.write(zeros);
            }
        }
        bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(LIMIT / 8);
        site.put("/bomb", encoded("gzip", bomb));

        assertThatThrownBy(() -> fetcher.fetch(site.url("/bomb")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("body larger than " + LIMIT + " bytes once decoded")
                .hasMessageContaining("/bomb")
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTransient()).isFalse());
        // the fetcher is fine afterwards
        site.put("/ok", encoded("gzip", gzip(PAGE.getBytes(StandardCharsets.UTF_8))));
        assertThat(text(fetcher.fetch(site.url("/ok")))).isEqualTo(PAGE);
    }

    @Test
    void anEncodingThatIsNotDecodedRefusesThePageWithTheReason() {
        site.put("/br", encoded("br", new byte[] {0x1b, 0x03, 0x00, (byte) 0xf8}));
        site.put("/twice", encoded("gzip, gzip", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> fetcher.fetch(site.url("/br")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("unsupported Content-Encoding 'br'").hasMessageContaining("/br")
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThatThrownBy(() -> fetcher.fetch(site.url("/twice")))
                .hasMessageContaining("unsupported Content-Encoding 'gzip, gzip'");
    }

    @Test
    void aCorruptOrTruncatedCompressedBodyIsRefused() throws Exception {
        byte[] whole = gzip(PAGE.getBytes(StandardCharsets.UTF_8));
        site.put("/cut", encoded("gzip", Arrays.copyOf(whole, whole.length - 12)));
        site.put("/not-gzip", encoded("gzip", PAGE.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> fetcher.fetch(site.url("/cut"))).hasMessageContaining("gzip body is truncated");
        assertThatThrownBy(() -> fetcher.fetch(site.url("/not-gzip")))
                .hasMessageContaining("gzip body does not start with the gzip magic bytes");
    }
}
