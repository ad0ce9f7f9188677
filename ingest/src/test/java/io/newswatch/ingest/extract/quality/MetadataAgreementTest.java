package io.newswatch.ingest.extract.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The metadata alerts show (title, byline, publication date, language), measured on Zyte's article benchmark's
 * development half against what each page declares ({@link DeclaredMetadata}), source by source: of the pages that
 * declare a field in a source, the share where the extractor's value agrees. The benchmark's own ground truth has no
 * metadata, so the pages' declarations are the reference. Skipped without {@code -Dnewswatch.bench.articles.dir}.
 */
class MetadataAgreementTest {
    /**
     * Agreement reached per field and source, less a page's worth. What still disagrees has a reason: pages that
     * declare two different headlines (JSON-LD and Open Graph; the extractor follows the one shown as the page's
     * title), pages whose sources give one publication time in two different zones, and first time elements that
     * date something else (an update, a related story).
     */
    private static final Map<String, Double> FLOORS = Map.of(
            "title | og:title", 0.98, "title | JSON-LD headline", 0.79,
            "byline | JSON-LD author", 0.97, "byline | meta author", 0.93,
            "date | JSON-LD datePublished", 0.98, "date | article:published_time", 0.87, "date | <time datetime>", 0.52,
            "language | <html lang>", 0.98, "language | JSON-LD inLanguage", 1.0);

    @Test
    void extractedMetadataAgreesWithWhatPagesDeclare() {
        String dir = System.getProperty("newswatch.bench.articles.dir", "");
        assumeTrue(!dir.isBlank(), "set -Dnewswatch.bench.articles.dir=DIR to measure metadata on the benchmark");
        Map<String, int[]> counts = report(Path.of(dir));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(FLOORS.keySet());
        counts.forEach((key, c) -> assertThat((double) c[0] / c[1]).as(key).isGreaterThanOrEqualTo(FLOORS.get(key)));
    }

    /** Prints the agreement of a benchmark folder's pages: {@code MetadataAgreementTest DIR}. */
    public static void main(String[] args) {
        report(Path.of(args[0]));
    }

    /** Measures and prints agreement per field and source, then every disagreement; returns agreeing and declaring. */
    static Map<String, int[]> report(Path dir) {
        Map<String, int[]> counts = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        ArticleExtractor extractor = new ArticleExtractor();
        for (BenchmarkSet.Page page : BenchmarkSet.load(dir)) {
            ExtractedArticle got = extractor.extract(page.html(), null, page.url());
            DeclaredMetadata declared = new DeclaredMetadata(parse(page));
            declared.fields.forEach((field, sources) -> sources.forEach((source, value) -> {
                String extracted = switch (field) {
                    case "title" -> got.title();
                    case "byline" -> got.byline();
                    case "date" -> got.publishedAt() == null ? null : got.publishedAt().toString();
                    default -> got.language();
                };
                boolean agrees = switch (field) {
                    case "title" -> DeclaredMetadata.sameTitle(value, got.title());
                    case "byline" -> DeclaredMetadata.sameByline(value, got.byline());
                    case "date" -> DeclaredMetadata.sameDate(value, got.publishedAt());
                    default -> DeclaredMetadata.sameLanguage(value, got.language());
                };
                int[] c = counts.computeIfAbsent(field + " | " + source, k -> new int[2]);
                c[0] += agrees ? 1 : 0;
                c[1]++;
                if (!agrees) {
                    disagreements.add(String.format("  %s %s %s: declared [%s], extracted [%s]",
                            page.id().substring(0, 12), field, source, clip(value), clip(extracted)));
                }
            }));
        }
        counts.forEach((key, c) -> System.out.printf("METADATA %-40s agrees on %3d of %3d pages that declare it (%.3f)%n",
                key, c[0], c[1], (double) c[0] / c[1]));
        System.out.println("METADATA disagreements:");
        disagreements.forEach(System.out::println);
        return counts;
    }

    private static Document parse(BenchmarkSet.Page page) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String s) {
        return s == null ? "null" : s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }
}
