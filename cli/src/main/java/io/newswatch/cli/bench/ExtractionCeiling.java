package io.newswatch.cli.bench;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.ingest.source.SourceReadException;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.ingest.source.WarcSourceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The limit a backfill of a WARC archive is judged against: how fast the machine extracts the archive's pages with
 * nothing else to do. The pages are read from the archive as a backfill reads them ({@link WarcSourceReader}) and
 * extracted with the extractor a backfill uses ({@link ArticleExtractor#extract(byte[], String, String)}); no Kafka,
 * no publishing. On one thread, each page is extracted as it is read, on that thread, as a one-thread backfill does,
 * so the rate is that of one core. On several, a thread of its own reads at most a few pages ahead of the extraction
 * threads, as a backfill on several threads does. Only the first {@code sample} pages are read, so the time stays
 * short and nothing but the pages in flight is held in memory.
 *
 * <p>Why one thread does both for the one-core rate: reading a page means inflating its gzipped record, about a
 * sixth of the time its extraction takes. With a reader thread beside one extraction thread, the "one-core" rate
 * used about 1.2 cores, and the all-cores / one-core ratio could not exceed about 1.7 on two cores however well the
 * extraction scaled.
 */
public final class ExtractionCeiling {
    private static final SourceEntry.StoredPage END = new SourceEntry.StoredPage("end:", new byte[0], null, null);

    private ExtractionCeiling() {
    }

    /**
     * Extracts the first {@code sample} pages of the archive on {@code threads} threads.
     *
     * @return pages extracted, their HTML bytes, and the time from the first read to the last extraction
     * @throws SourceReadException when the archive cannot be read
     */
    public static Rate measure(Path warc, long sample, int threads) throws SourceReadException, InterruptedException {
        ArticleExtractor extractor = new ArticleExtractor();
        if (threads == 1) {
            return onThisThread(warc, sample, extractor);
        }
        BlockingQueue<SourceEntry.StoredPage> queue = new ArrayBlockingQueue<>(4 * threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newswatch-bench-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            List<Future<long[]>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    long pages = 0;
                    long bytes = 0;
                    for (SourceEntry.StoredPage p = queue.take(); p != END; p = queue.take()) {
                        extractor.extract(p.body(), p.contentType(), p.url());
                        pages++;
                        bytes += p.body().length;
                    }
                    return new long[] {pages, bytes};
                }));
            }
            long[] read = {0};
            new WarcSourceReader().read(source(warc), entry -> {
                if (!(entry instanceof SourceEntry.StoredPage page)) {
                    return true;
                }
                try {
                    queue.put(page);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return ++read[0] < sample;
            });
            for (int i = 0; i < threads; i++) {
                queue.put(END);
            }
            long pages = 0;
            long bytes = 0;
            for (Future<long[]> w : workers) {
                long[] done = w.get();
                pages += done[0];
                bytes += done[1];
            }
            return new Rate(pages, bytes, Duration.ofNanos(System.nanoTime() - start));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads and extracts the first {@code sample} pages on the calling thread. */
    private static Rate onThisThread(Path warc, long sample, ArticleExtractor extractor) throws SourceReadException {
        long start = System.nanoTime();
        long[] done = {0, 0};
        new WarcSourceReader().read(source(warc), entry -> {
            if (!(entry instanceof SourceEntry.StoredPage page)) {
                return true;
            }
            extractor.extract(page.body(), page.contentType(), page.url());
            done[1] += page.body().length;
            return ++done[0] < sample;
        });
        return new Rate(done[0], done[1], Duration.ofNanos(System.nanoTime() - start));
    }

    private static Source source(Path warc) {
        return new Source("bench-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null, DateRange.ALL, false);
    }
}
