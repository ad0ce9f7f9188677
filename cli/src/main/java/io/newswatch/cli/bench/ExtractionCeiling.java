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
 * nothing else to do. The pages are read from the archive as a backfill reads them ({@link WarcSourceReader}, on a
 * thread of its own, at most a few pages ahead) and extracted with the extractor a backfill uses
 * ({@link ArticleExtractor#extract(byte[], String, String)}) on a given number of threads; no Kafka, no
 * publishing. Only the first {@code sample} pages are read, so the time stays short and nothing but the pages in
 * flight is held in memory.
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
            Source source = new Source("bench-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                    DateRange.ALL, false);
            new WarcSourceReader().read(source, entry -> {
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
}
