package io.newswatch.cli.bench;

import io.newswatch.benchmarks.synthetic.SyntheticPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes synthetic news pages ({@link SyntheticPages}) to a WARC file as a crawler stores them: one
 * {@code response} record per page, gzip-compressed record by record (so a reader can seek to any record), with the
 * page's URL as {@code WARC-Target-URI}, its capture time as {@code WARC-Date}, and an HTTP 200 response of type
 * {@code text/html; charset=utf-8} around the page.
 *
 * <p>Pages are generated and their records compressed on every core, a batch at a time (a gzipped WARC is a
 * series of gzip members, one per record, so records compressed apart make one valid file), and written in page
 * order, so the file depends only on the generator and the count; at most two batches are held at once. Failure
 * behaviour: an I/O error leaves a partial file and is thrown.
 */
public final class PageArchive {
    private static final MediaType HTML = MediaType.parse("text/html; charset=utf-8");
    private static final int BATCH = 64;

    /**
     * What was written.
     *
     * @param pages     pages written
     * @param htmlBytes their HTML bytes, before compression
     * @param minBytes  the smallest page
     * @param maxBytes  the largest page
     * @param fileBytes the WARC file's size
     * @param took      time to generate and write them
     */
    public record Written(long pages, long htmlBytes, long minBytes, long maxBytes, long fileBytes, Duration took) {
        public double meanBytes() {
            return pages == 0 ? 0 : (double) htmlBytes / pages;
        }
    }

    private PageArchive() {
    }

    /**
     * Writes pages 0 to {@code count} - 1 to {@code file} (replacing it).
     *
     * @param written told the number of pages written so far, after each batch
     * @throws IOException when the file cannot be written
     */
    public static Written write(SyntheticPages generator, long count, Path file, LongConsumer written)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long htmlBytes = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newswatch-bench-pages");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            List<Future<Compressed>> batch = submit(pool, generator, 0, count);
            for (long first = 0; first < count; first += BATCH) {
                List<Future<Compressed>> next = submit(pool, generator, first + BATCH, count);
                for (Future<Compressed> f : batch) {
                    Compressed record = get(f);
                    ByteBuffer bytes = ByteBuffer.wrap(record.gzipped());
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    htmlBytes += record.htmlBytes();
                    min = Math.min(min, record.htmlBytes());
                    max = Math.max(max, record.htmlBytes());
                }
                written.accept(Math.min(count, first + BATCH));
                batch = next;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Written(count, htmlBytes, count == 0 ? 0 : min, max, Files.size(file),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** One page's record as a gzip member, and the size of its HTML. */
    private record Compressed(byte[] gzipped, int htmlBytes) {
    }

    private static List<Future<Compressed>> submit(ExecutorService pool, SyntheticPages generator, long first,
                                                   long count) {
        List<Future<Compressed>> batch = new ArrayList<>();
        for (long n = first; n < Math.min(count, first + BATCH); n++) {
            long number = n;
            batch.add(pool.submit(() -> compress(generator.page(number))));
        }
        return batch;
    }

    private static Compressed compress(SyntheticPages.Page page) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(page.html().length / 4);
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(bytes), WarcCompression.GZIP)) {
            writer.write(record(page));
        }
        return new Compressed(bytes.toByteArray(), page.html().length);
    }

    private static Compressed get(Future<Compressed> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("cannot generate a page", e.getCause());
        }
    }

    private static WarcResponse record(SyntheticPages.Page page) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(HTML, page.html()).build();
        return new WarcResponse.Builder(URI.create(page.url())).date(page.capturedAt()).body(http).build();
    }
}
