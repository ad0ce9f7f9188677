package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceReadException;
import io.newswatch.ingest.source.TestArchives;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.model.Article;
import io.newswatch.model.config.NewswatchConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Backfills of sitemap and WARC sources over date ranges, against a loopback site and the embedded broker. */
class BackfillTest {
    private static final DateRange EARLY_MARCH = new DateRange(Instant.parse("2024-03-01T00:00:00Z"),
            Instant.parse("2024-03-05T23:59:59.999999999Z"));
    @RegisterExtension
    static final LoopbackIngest ingest = new LoopbackIngest(Duration.ofMillis(1));
    private static EmbeddedKafka kafka;
    private LoopbackSite site;
    private PoliteFetcher fetcher;
    private final List<Article> acknowledged = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @BeforeEach
    void bind() {
        kafka = ingest.kafka();
        site = ingest.site();
        fetcher = ingest.fetcher();
    }

    private Backfill backfill() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        Backfill b = new Backfill(NewswatchConfig.defaults(), p, fetcher);
        b.onPublished(acknowledged::add);
        return b;
    }

    /** Records what a run reported, in order. */
    private static final class Recorder implements Backfill.Progress {
        final List<Integer> counted = new ArrayList<>();
        final List<Integer> started = new ArrayList<>();
        final List<Backfill.Counts> processed = new ArrayList<>();
        final List<Backfill.Summary> finished = new ArrayList<>();

        @Override
        public void counting(int found) {
            counted.add(found);
        }

        @Override
        public void started(int total) {
            started.add(total);
        }

        @Override
        public void processed(Backfill.Counts counts) {
            processed.add(counts);
        }

        @Override
        public void finished(Backfill.Summary summary) {
            finished.add(summary);
        }
    }

    private void putDatedSitemap() {
        site.put("/sitemap.xml", Page.of("application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc><lastmod>2024-02-20</lastmod></url>
                  <url><loc>%s</loc><lastmod>2024-03-02</lastmod></url>
                  <url><loc>%s</loc><lastmod>2024-03-04T18:30:00Z</lastmod></url>
                  <url><loc>%s</loc><lastmod>2024-03-05</lastmod></url>
                  <url><loc>%s</loc><lastmod>2024-03-03</lastmod></url>
                  <url><loc>%s</loc></url>
                  <url><loc>%s</loc><lastmod>2024-03-09</lastmod></url>
                </urlset>
                """.formatted(site.url("/world/old-lighthouse"), site.url("/world/dredger-contract"),
                site.url("/world/ferry-timetable"), site.url("/world/missing-story"),
                site.url("/live/dredger-updates"), site.url("/world/undated-notice"),
                site.url("/world/late-storm"))));
        site.put("/world/dredger-contract", Page.of("text/html", TestArchives.articlePage("Dredger contract signed",
                "", "The port signed a three-year contract for dredging the eastern channel on Saturday.",
                "Larger container ships have been turned away at low tide since the autumn.")));
        site.put("/world/ferry-timetable", Page.of("text/html", TestArchives.articlePage("Ferry timetable changes",
                "", "The island ferry will sail twice more each day from April, the operator announced.",
                "Residents had petitioned for an earlier morning crossing for commuters.")));
        for (String outside : List.of("/world/old-lighthouse", "/world/undated-notice", "/world/late-storm",
                "/live/dredger-updates")) {
            site.put(outside, Page.of("text/html", TestArchives.articlePage("Outside the range " + outside, "",
                    "This page must not be fetched by a backfill over the first days of March.",
                    "It is either dated outside the range, undated, or excluded by a pattern.")));
        }
    }

    @Test
    void sitemapBackfillPublishesOnlyTheRangeAndNothingNewTheSecondTime() throws Exception {
        putDatedSitemap();
        Source source = new Source("loopback-sitemap", "sitemap", site.url("/sitemap.xml"), null, null, "en",
                UrlFilter.of(List.of(), List.of("/live/")), null, DateRange.ALL, false);
        Recorder first = new Recorder();

        Backfill.Summary run1;
        try (Backfill backfill = backfill()) {
            run1 = backfill.run(source, EARLY_MARCH, first);
        }

        // in range: dredger, ferry, and the missing story (a 404: counted as failed, the run goes on)
        assertThat(run1).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                Backfill.Summary::unchanged, Backfill.Summary::failed, Backfill.Summary::complete)
                .containsExactly(3, 2, 0, 1, true);
        assertThat(run1.range()).isEqualTo(EARLY_MARCH);
        assertThat(first.counted).containsExactly(1, 2, 3);
        assertThat(first.started).containsExactly(3);
        assertThat(first.processed).extracting(Backfill.Counts::done).containsExactly(1, 2, 3);
        assertThat(first.processed.get(2)).isEqualTo(new Backfill.Counts(3, 3, 2, 0, 1));
        assertThat(first.finished).containsExactly(run1);
        assertThat(acknowledged).extracting(Article::title)
                .containsExactlyInAnyOrder("Dredger contract signed", "Ferry timetable changes");
        for (String outside : List.of("/world/old-lighthouse", "/world/undated-notice", "/world/late-storm",
                "/live/dredger-updates")) {
            assertThat(site.hits(outside)).as(outside).isEmpty();
        }

        Backfill.Summary run2;
        try (Backfill backfill = backfill()) {
            run2 = backfill.run(source, EARLY_MARCH, null);
        }
        assertThat(run2).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                Backfill.Summary::unchanged, Backfill.Summary::failed).containsExactly(3, 0, 2, 1);
        assertThat(site.hits("/world/dredger-contract")).hasSize(2); // fetched again, found unchanged on the topic
        assertThat(acknowledged).hasSize(2);
    }

    @Test
    void warcBackfillTakesOnlyCapturesInRangeAndIsIdempotent() throws Exception {
        Path warc = dir.resolve("captures.warc.gz");
        writeWarc(warc, List.of(
                capture("https://harbour-ledger.example/world/ice-breaker", "2024-01-10T08:00:00Z",
                        "Ice breaker called in"),
                capture("https://harbour-ledger.example/world/tug-crews", "2024-03-01T00:00:00Z",
                        "Tug crews get new contract"),
                capture("https://harbour-ledger.example/world/berth-nine", "2024-03-05T23:59:00Z",
                        "Berth nine reopens after repairs"),
                capture("https://harbour-ledger.example/world/spring-fair", "2024-03-06T00:00:00Z",
                        "Harbour spring fair announced")));
        Source source = new Source("ledger-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);
        Recorder progress = new Recorder();

        Backfill.Summary run1;
        try (Backfill backfill = backfill()) {
            run1 = backfill.run(source, EARLY_MARCH, progress);
            // the same instance may run again; it reads the topic afresh
            Backfill.Summary run2 = backfill.run(source, EARLY_MARCH, null);
            assertThat(run2).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                    Backfill.Summary::unchanged, Backfill.Summary::failed).containsExactly(2, 0, 2, 0);
        }

        assertThat(run1).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                Backfill.Summary::unchanged, Backfill.Summary::failed, Backfill.Summary::complete)
                .containsExactly(2, 2, 0, 0, true);
        assertThat(progress.started).containsExactly(2);
        assertThat(acknowledged).extracting(Article::title)
                .containsExactlyInAnyOrder("Tug crews get new contract", "Berth nine reopens after repairs");
        assertThat(acknowledged).extracting(Article::fetchedAt).containsExactlyInAnyOrder(
                Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-05T23:59:00Z"));
    }

    @Test
    void storedPagesOnSeveralThreadsShowAnEstimatedTotalUntilTheArchiveIsReadThenTheExactOne() throws Exception {
        // more pages than the extraction line holds (2 threads x 4), so most are published while the reading goes on;
        // every second capture is dated outside the range, so the estimate must scale what is in range
        Path warc = dir.resolve("estimate.warc.gz");
        List<WarcResponse> captures = new ArrayList<>();
        for (int i = 10; i < 70; i++) {
            String day = i % 2 == 0 ? "2024-03-02" : "2024-02-02";
            captures.add(capture("https://harbour-ledger.example/world/crane-" + i,
                    day + "T10:%02d:00Z".formatted(i % 60), "Crane " + i + " serviced"));
        }
        writeWarc(warc, captures);
        Source source = new Source("crane-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);
        Recorder progress = new Recorder();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());

        Backfill.Summary summary;
        try (Backfill backfill = new Backfill(NewswatchConfig.defaults(), p, fetcher, 2)) {
            summary = backfill.run(source, EARLY_MARCH, progress);
        }

        assertThat(summary.published()).isEqualTo(30);
        assertThat(progress.started).containsExactly(30);
        assertThat(progress.processed).allSatisfy(c -> assertThat(c.total()).isBetween(c.done(), 60));
        // before the reading reached the end, the total was scaled up from the share read: more than the pages in
        // range found so far, which are at most the 8 the line holds beyond those done
        assertThat(progress.processed).anySatisfy(c -> assertThat(c.total()).isGreaterThan(c.done() + 8));
        assertThat(progress.processed.get(progress.processed.size() - 1).total()).isEqualTo(30);
    }

    @Test
    void closingStopsTheRunAfterTheEntryInHand() throws Exception {
        Path warc = dir.resolve("stop.warc");
        List<WarcResponse> captures = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            captures.add(capture("https://harbour-ledger.example/world/buoy-" + i, "2024-03-02T10:0" + i + ":00Z",
                    "Buoy " + i + " replaced"));
        }
        writeWarc(warc, captures);
        Source source = new Source("buoy-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);

        try (Backfill backfill = backfill()) {
            Backfill.Summary summary = backfill.run(source, EARLY_MARCH, new Backfill.Progress() {
                @Override
                public void processed(Backfill.Counts counts) {
                    if (counts.done() == 2) {
                        backfill.close();
                    }
                }
            });
            assertThat(summary.complete()).isFalse();
            assertThat(summary.entries()).isEqualTo(2);
            assertThat(summary.published()).isEqualTo(2);
            assertThatThrownBy(() -> backfill.run(source, EARLY_MARCH, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        assertThat(acknowledged).extracting(Article::title).containsExactlyInAnyOrder("Buoy 1 replaced",
                "Buoy 2 replaced");
    }

    @Test
    void closingFromAnotherThreadBreaksOffASlowFetchAndFlushes() throws Exception {
        StringBuilder urls = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            String path = "/world/mooring-" + i;
            urls.append("<url><loc>").append(site.url(path)).append("</loc><lastmod>2024-03-03</lastmod></url>");
            site.put(path, Page.of("text/html", TestArchives.articlePage("Mooring " + i + " inspected", "",
                    "Divers inspected mooring number " + i + " on Sunday and found its chain worn but sound.",
                    "The harbour master said the next inspection is due before the autumn gales.")));
        }
        site.put("/sitemap.xml", Page.of("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset "
                + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + urls + "</urlset>"));
        Source source = new Source("slow-sitemap", "sitemap", site.url("/sitemap.xml"), null, null, "en",
                UrlFilter.NONE, null, DateRange.ALL, false);
        CountDownLatch firstDone = new CountDownLatch(1);
        Backfill backfill = backfill();
        CompletableFuture<Backfill.Summary> result = CompletableFuture.supplyAsync(() -> {
            try {
                return backfill.run(source, EARLY_MARCH, new Backfill.Progress() {
                    @Override
                    public void processed(Backfill.Counts counts) {
                        firstDone.countDown();
                        site.handlingTime(5_000); // every later page hangs until the stop breaks it off
                    }
                });
            } catch (SourceReadException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstDone.await(30, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        backfill.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

        Backfill.Summary summary = result.get(5, TimeUnit.SECONDS);
        assertThat(summary.complete()).isFalse();
        assertThat(summary.entries()).isEqualTo(1);
        assertThat(summary.failed()).isZero();
        assertThat(acknowledged).extracting(Article::title).containsExactly("Mooring 1 inspected");
    }

    @Test
    void aSourceThatCannotBeReadIsAnErrorNamingIt() {
        Source source = new Source("gone-warc", "warc", null, dir.resolve("nowhere.warc.gz"), null, "en",
                UrlFilter.NONE, null, DateRange.ALL, false);
        try (Backfill backfill = backfill()) {
            assertThatThrownBy(() -> backfill.run(source, EARLY_MARCH, null))
                    .isInstanceOf(SourceReadException.class).hasMessageContaining("gone-warc")
                    .hasMessageContaining("nowhere.warc.gz");
        }
    }

    @Test
    void feedsAndIndexPagesAreRefused() {
        Source feed = new Source("wire", "rss", site.url("/rss.xml"), null, "en");
        Source index = new Source("front", "html-index", site.url("/world/"), null, null, "en", UrlFilter.NONE,
                "main h2 a", DateRange.ALL, false);
        try (Backfill backfill = backfill()) {
            assertThatThrownBy(() -> backfill.run(feed, EARLY_MARCH, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wire").hasMessageContaining("a feed lists only its latest items")
                    .hasMessageContaining("sitemap, warc and folder");
            assertThatThrownBy(() -> backfill.run(index, EARLY_MARCH, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("front");
        }
        assertThat(site.hits()).isEmpty();
    }

    @Test
    void boundsParseLikeTheSourcesFileAndPrintAsDays() {
        assertThat(DateRange.parseBound("2024-03-01", false)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(DateRange.parseBound("2024-03-01", true))
                .isEqualTo(Instant.parse("2024-03-01T23:59:59.999999999Z"));
        assertThat(DateRange.parseBound("2024-03-01T12:00:00+01:00", true))
                .isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
        assertThat(Backfill.describe(EARLY_MARCH)).isEqualTo("2024-03-01..2024-03-05");
        assertThat(Backfill.describe(new DateRange(Instant.parse("2024-03-01T12:00:00Z"), null)))
                .isEqualTo("2024-03-01T12:00:00Z..*");
        assertThatThrownBy(() -> DateRange.parseBound("March 1st", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'March 1st'");
    }

    private static WarcResponse capture(String url, String capturedAt, String headline) throws IOException {
        String html = TestArchives.articlePage(headline, "",
                "Harbour officials confirmed the news on the quayside, " + headline.toLowerCase() + ".",
                "Shipping agents said the change would be felt by the end of the month at the latest.");
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8))
                .build();
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse(capturedAt)).body(http).build();
    }

    private static void writeWarc(Path file, List<WarcResponse> records) throws IOException {
        WarcCompression compression = file.toString().endsWith(".gz") ? WarcCompression.GZIP
                : WarcCompression.NONE;
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), compression)) {
            for (WarcResponse r : records) {
                writer.write(r);
            }
        }
    }
}
