package io.newswatch.benchmarks;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TaggerBenchmark} and prints what the issue asks for: articles/s and MB/s per core for each contender,
 * and the ratios against the targets.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.newswatch.benchmarks.TaggerBenchmarkReport [JMH
 * options]}; JMH options such as {@code -wi 1 -i 2 -r 1s} shorten a run. Before the run it prints the corpus, the
 * compiled size of both taggers and how much each contender matches on the corpus. MB are megabytes (10^6) of UTF-8
 * input: the corpus's mean UTF-8 bytes per article times articles/s. Exits with status 1 on bad options or when
 * a benchmark is missing from the results; missing a target is reported, not an error.
 */
public final class TaggerBenchmarkReport {
    /** The default rules, violation events included, must scan at least this many MB/s per core. */
    public static final double TARGET_DEFAULT_MB_PER_S = 60;
    /** The default rules, violation events included, must be at least this many times faster than Lucene Monitor. */
    public static final double TARGET_VS_LUCENE = 15;
    /** 1,000 extra rules may slow tagging down at most this many times. */
    public static final double TARGET_MAX_SLOWDOWN = 2;

    private static final String[] BENCHMARKS = {"newswatchDefaultRules", "newswatchThousandRules", "luceneMonitor",
        "lowercaseScan"};

    private TaggerBenchmarkReport() {
    }

    /** Runs the benchmarks with the given JMH options and prints the summary. */
    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli = JmhCommandLine.parseOrExit(args);
        PrintStream out = System.out;
        double mbPerArticle;
        try (BenchmarkFixture fixture = BenchmarkFixture.build()) {
            TaggerCorpus corpus = fixture.corpus();
            mbPerArticle = corpus.meanUtf8Bytes() / 1e6;
            out.printf(Locale.ROOT, "Corpus: %d articles, mean %.0f chars, %.0f UTF-8 bytes, %.2f MB in all%n",
                    corpus.size(), corpus.meanChars(), corpus.meanUtf8Bytes(), corpus.totalUtf8Bytes() / 1e6);
            out.println("Default rules:        " + fixture.defaultTagger().describe());
            out.println("Default + 1000 rules: " + fixture.thousandTagger().describe());
            out.printf(Locale.ROOT, "Lucene Monitor:       %d rule queries, %d after decomposition%n",
                    fixture.lucene().queryCount(), fixture.lucene().disjunctCount());
            BenchmarkFixture.Coverage c = fixture.coverage().requireWork();
            out.printf(Locale.ROOT, "Matches on the corpus: default rules tag %d/%d articles (%d rule matches: %s)%n",
                    c.taggedByDefault(), c.articles(), c.defaultRuleMatches(), c.defaultByRule());
            out.printf(Locale.ROOT, "  and read %d violation events from %d articles (events are part of every "
                    + "default-rules run below)%n", c.events(), c.withEvents());
            out.printf(Locale.ROOT, "  default + 1000 rules tag %d/%d articles (%d rule matches; %d generated "
                    + "rules match at least once)%n", c.taggedByThousand(), c.articles(), c.thousandRuleMatches(),
                    c.generatedRulesThatMatched());
            out.printf(Locale.ROOT, "  Lucene Monitor matches %d/%d articles (%d query matches: %s)%n%n",
                    c.matchedByLucene(), c.articles(), c.luceneQueryMatches(), c.luceneByRule());
        }

        Options options = new OptionsBuilder()
                .parent(cli)
                .include(TaggerBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Result<?>> scores = JmhCommandLine.scoresOrExit(results, BENCHMARKS);
        print(out, scores, mbPerArticle);
    }

    private static void print(PrintStream out, Map<String, Result<?>> scores, double mbPerArticle) {
        out.println();
        out.println("Tagging throughput, one core, ~5 KB English articles");
        out.printf(Locale.ROOT, "%-24s %14s %12s %10s%n", "benchmark", "articles/s", "MB/s", "+- MB/s");
        for (String b : BENCHMARKS) {
            Result<?> r = scores.get(b);
            out.printf(Locale.ROOT, "%-24s %14.0f %12.1f %10.1f%n", b, r.getScore(), r.getScore() * mbPerArticle,
                    finite(r.getScoreError()) * mbPerArticle);
        }
        double def = scores.get("newswatchDefaultRules").getScore();
        double thousand = scores.get("newswatchThousandRules").getScore();
        double lucene = scores.get("luceneMonitor").getScore();
        double scan = scores.get("lowercaseScan").getScore();
        out.println();
        out.printf(Locale.ROOT, "default rules, MB/s per core        %8.1f   target >= %.0f   %s%n",
                def * mbPerArticle, TARGET_DEFAULT_MB_PER_S, verdict(def * mbPerArticle >= TARGET_DEFAULT_MB_PER_S));
        out.printf(Locale.ROOT, "default / Lucene Monitor            %8.2f x target >= %.0f   %s%n",
                def / lucene, TARGET_VS_LUCENE, verdict(def / lucene >= TARGET_VS_LUCENE));
        out.printf(Locale.ROOT, "slowdown with 1000 rules (def/1000) %8.2f x target <= %.0f    %s%n",
                def / thousand, TARGET_MAX_SLOWDOWN, verdict(def / thousand <= TARGET_MAX_SLOWDOWN));
        out.printf(Locale.ROOT, "default / lower-casing scan         %8.3f x (share of the physical limit)%n",
                def / scan);
        out.printf(Locale.ROOT, "1000 rules / Lucene Monitor         %8.2f x%n", thousand / lucene);
    }

    private static double finite(double error) {
        return Double.isFinite(error) ? error : 0;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }
}
