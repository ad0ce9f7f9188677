package io.newswatch.benchmarks;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of article extraction ({@link ArticleExtractor#extract(String, String)}: parse, metadata, boilerplate
 * removal, main-text selection, paragraph writing) against {@link Jsoup#parse(String, String)} alone, on the same
 * pages: the extraction benchmark's development half ({@link ExtractionPages}), one page per operation, cycling.
 * Both start from the decoded page, so the difference is what extraction adds to parsing.
 * {@link ExtractionBenchmarkReport} turns ops/s into MB/s and the ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class ExtractionBenchmark {
    private ExtractionPages pages;
    private ArticleExtractor extractor;

    /** Reads the pages once per fork and checks that extraction finds text on them. */
    @Setup(Level.Trial)
    public void setUp() {
        pages = ExtractionPages.load();
        extractor = new ArticleExtractor();
        int withText = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (!extractor.extract(pages.html(i), pages.url(i)).text().isEmpty()) {
                withText++;
            }
        }
        if (withText * 2 < pages.size()) {
            throw new IllegalStateException("extraction found text on only " + withText + " of " + pages.size()
                    + " pages");
        }
    }

    /** jsoup's parse of one page into a DOM, and nothing else: the floor extraction is measured against. */
    @Benchmark
    public Document jsoupParse(RoundRobin cursor) {
        int i = cursor.next(pages.size());
        return Jsoup.parse(pages.html(i), pages.url(i));
    }

    /** The whole extraction of one page, parse included. */
    @Benchmark
    public ExtractedArticle extract(RoundRobin cursor) {
        int i = cursor.next(pages.size());
        return extractor.extract(pages.html(i), pages.url(i));
    }
}
