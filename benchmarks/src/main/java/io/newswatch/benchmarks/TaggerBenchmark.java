package io.newswatch.benchmarks;

import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the tagging engine alone, one article per operation, against Lucene Monitor and a lower-casing scan.
 *
 * <p>Every benchmark reads the same {@link TaggerCorpus} (about 5 KB of English per article), cycling through it, so
 * ops/s is articles per second on one core ({@code @Threads(1)}); {@link TaggerBenchmarkReport} turns it into MB/s
 * and ratios. The contenders:
 * <ul>
 *   <li>{@code newswatchDefaultRules}: {@link Tagger#tag} with the shipped rules;</li>
 *   <li>{@code newswatchThousandRules}: the same plus 1,000 generated rules ({@link GeneratedRules});</li>
 *   <li>{@code luceneMonitor}: {@link LuceneMonitorReference}, the default rules as Lucene interval queries;</li>
 *   <li>{@code lowercaseScan}: lower-case every character and sum them, the floor any text scan pays.</li>
 * </ul>
 * Warm-up and measurement defaults (10 x 2 s, 5 x 2 s, one fork) can be overridden on the JMH command line
 * ({@code -wi}, {@code -w}, {@code -i}, {@code -r}, {@code -f}). The warm-up is that long because on two cores the
 * one C2 compiler thread needs about 15 s to compile the tagger: with 3 x 2 s the default rules were measured while
 * their rate was still rising (see {@link JitWarmUp}). Setup fails when the rules match nothing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class TaggerBenchmark {
    private BenchmarkFixture fixture;
    private String[] articles;
    private Document[] documents;
    private Tagger defaultTagger;
    private Tagger thousandTagger;
    private LuceneMonitorReference lucene;

    /** Builds the corpus and all contenders once per fork, and checks that the rules find something. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = BenchmarkFixture.build();
        fixture.coverage().requireWork();
        articles = fixture.articles();
        documents = fixture.documents();
        defaultTagger = fixture.defaultTagger();
        thousandTagger = fixture.thousandTagger();
        lucene = fixture.lucene();
    }

    /** Releases the Lucene monitor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** Tags one article with the default rules. */
    @Benchmark
    public TagResult newswatchDefaultRules(RoundRobin cursor) {
        return defaultTagger.tag(articles[cursor.next(articles.length)]);
    }

    /** Tags one article with the default rules plus 1,000 generated ones. */
    @Benchmark
    public TagResult newswatchThousandRules(RoundRobin cursor) {
        return thousandTagger.tag(articles[cursor.next(articles.length)]);
    }

    /** Matches one article against the Lucene Monitor reference queries. */
    @Benchmark
    public MatchingQueries<QueryMatch> luceneMonitor(RoundRobin cursor) {
        return lucene.match(documents[cursor.next(documents.length)]);
    }

    /** Lower-cases every character of one article and sums them: the physical limit of a scan. */
    @Benchmark
    public void lowercaseScan(RoundRobin cursor, Blackhole blackhole) {
        String article = articles[cursor.next(articles.length)];
        int sum = 0;
        for (int i = 0, n = article.length(); i < n; i++) {
            sum += Character.toLowerCase(article.charAt(i));
        }
        blackhole.consume(sum);
    }
}
