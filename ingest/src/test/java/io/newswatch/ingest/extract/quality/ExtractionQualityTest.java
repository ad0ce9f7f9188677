package io.newswatch.ingest.extract.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.ingest.extract.ArticleExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Article extraction measured on two public benchmarks' development halves, whose pages are data outside the
 * repository: Zyte's article-extraction benchmark ({@code -Dnewswatch.bench.articles.dir}, 91 news pages) and
 * trafilatura's snippet set ({@code -Dnewswatch.bench.snippets.dir}, 469 pages of news, blogs, institutional pages,
 * forums and lists). Without a property its set is skipped and the report says so.
 *
 * <p>Each set is printed whole and in its two parts split by site ({@link BenchmarkSet}): "tune" is where rules may
 * be tried, "check" tells whether they hold on sites they were not tried on. The floors are the figures reached, so a
 * change that loses ground fails here; the benchmarks' other halves are scored elsewhere, independently.
 *
 * <p>As a program it lists the worst pages of a set: {@code ExtractionQualityTest articles|snippets DIR [N]}.
 */
class ExtractionQualityTest {
    /** The figures reached on the development halves, less a margin for rounding. */
    private static final double ARTICLES_F1_FLOOR = 0.977;
    private static final double SNIPPETS_F1_FLOOR = 0.930;
    private static final double SNIPPETS_PRECISION_FLOOR = 0.930;
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    @Test
    void articleBenchmarkDevHalf() {
        List<BenchmarkSet.Page> pages = pages("newswatch.bench.articles.dir");
        ShingleScore all = new ShingleScore();
        ShingleScore tune = new ShingleScore();
        ShingleScore check = new ShingleScore();
        for (BenchmarkSet.Page page : pages) {
            String text = extract(page);
            String truth = page.truth().path("articleBody").asText();
            all.add(text, truth);
            (page.inCheckPart() ? check : tune).add(text, truth);
        }
        System.out.println("EXTRACTION articles dev, all:   " + all.summary());
        System.out.println("EXTRACTION articles dev, tune:  " + tune.summary());
        System.out.println("EXTRACTION articles dev, check: " + check.summary());
        assertThat(all.pages()).isEqualTo(91);
        assertThat(all.f1()).isGreaterThanOrEqualTo(ARTICLES_F1_FLOOR);
    }

    @Test
    void snippetBenchmarkDevHalf() {
        List<BenchmarkSet.Page> pages = pages("newswatch.bench.snippets.dir");
        SnippetScore all = new SnippetScore();
        SnippetScore tune = new SnippetScore();
        SnippetScore check = new SnippetScore();
        for (BenchmarkSet.Page page : pages) {
            String text = extract(page);
            all.add(text, page.truth());
            (page.inCheckPart() ? check : tune).add(text, page.truth());
        }
        System.out.println("EXTRACTION snippets dev, all:   " + all.summary());
        System.out.println("EXTRACTION snippets dev, tune:  " + tune.summary());
        System.out.println("EXTRACTION snippets dev, check: " + check.summary());
        assertThat(all.pages).isEqualTo(469);
        assertThat(all.f1()).isGreaterThanOrEqualTo(SNIPPETS_F1_FLOOR);
        assertThat(all.precision()).isGreaterThanOrEqualTo(SNIPPETS_PRECISION_FLOOR);
    }

    private static List<BenchmarkSet.Page> pages(String property) {
        String dir = System.getProperty(property, "");
        assumeTrue(!dir.isBlank(), "set -D" + property + "=DIR to score this benchmark (its pages are not in the "
                + "repository)");
        Path path = Path.of(dir);
        assumeTrue(Files.isDirectory(path), property + "=" + dir + " is not a folder");
        return BenchmarkSet.load(path);
    }

    static String extract(BenchmarkSet.Page page) {
        // the snippet pages come in their own encodings: no header, so the page's own declaration decides
        return EXTRACTOR.extract(page.html(), null, page.url()).text();
    }

    /** Lists a set's worst pages: {@code articles|snippets DIR [N]}. */
    public static void main(String[] args) {
        boolean articles = args[0].equals("articles");
        List<BenchmarkSet.Page> pages = BenchmarkSet.load(Path.of(args[1]));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> lines = new ArrayList<>();
        ShingleScore[] shingles = {new ShingleScore(), new ShingleScore(), new ShingleScore()};
        SnippetScore[] snippets = {new SnippetScore(), new SnippetScore(), new SnippetScore()};
        for (BenchmarkSet.Page page : pages) {
            String text = extract(page);
            String part = page.inCheckPart() ? "check" : "tune";
            int p = page.inCheckPart() ? 2 : 1;
            if (articles) {
                shingles[p].add(text, page.truth().path("articleBody").asText());
                double f1 = shingles[0].add(text, page.truth().path("articleBody").asText());
                lines.add(String.format("%.3f %s %s %s", f1, part, page.id().substring(0, 12), page.url()));
            } else {
                snippets[p].add(text, page.truth());
                int wrong = snippets[0].add(text, page.truth());
                lines.add(String.format("%d %s %s %s", 9 - wrong, part, page.id(), page.url()));
            }
        }
        lines.sort(null);
        lines.stream().limit(n).forEach(System.out::println);
        String[] names = {"all", "tune", "check"};
        for (int p = 0; p < 3; p++) {
            System.out.println(names[p] + ": " + (articles ? shingles[p].summary() : snippets[p].summary()));
        }
    }
}
