package io.newswatch.benchmarks.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.benchmarks.synthetic.internal.PageFurniture;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.model.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page layer's contract: determinism, the size mix, and a story the extractor finds inside the furniture. */
class SyntheticPagesTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static SyntheticArticles articles(long seed, int textBytes) {
        return new SyntheticArticles(Mix.NEWS_FEED, seed, textBytes, FROM, TO);
    }

    private static SyntheticPages pages(long seed, int textBytes) {
        return new SyntheticPages(articles(seed, textBytes), seed);
    }

    @Test
    void sameSeedAndNumberGiveTheSameBytesWhateverTheOrder() {
        SyntheticPages forwards = pages(11, 5_000);
        SyntheticPages backwards = pages(11, 5_000);
        List<byte[]> first = LongStream.range(0, 30).mapToObj(n -> forwards.page(n).html()).toList();
        for (long n = 29; n >= 0; n -= 3) {
            assertThat(backwards.page(n).html()).isEqualTo(first.get((int) n));
        }
        assertThat(pages(12, 5_000).page(3).html()).isNotEqualTo(first.get(3));
    }

    @Test
    void sizesFollowTheLognormalMixWithinTheBounds() {
        SyntheticPages generator = pages(20250101, 5_000);
        LongSummaryStatistics sizes = LongStream.range(0, 600).map(n -> generator.page(n).html().length)
                .summaryStatistics();
        assertThat(sizes.getMin()).isGreaterThanOrEqualTo(SyntheticPages.MIN_BYTES);
        assertThat(sizes.getMax()).isLessThanOrEqualTo(SyntheticPages.MAX_BYTES);
        assertThat(sizes.getAverage()).isBetween(135_000.0, 165_000.0);
        // the tail: the 600 draws reach past twice the median and below half of it
        assertThat(sizes.getMax()).isGreaterThan(2L * SyntheticPages.MEDIAN_BYTES);
        assertThat(sizes.getMin()).isLessThan(SyntheticPages.MEDIAN_BYTES / 2);
    }

    @Test
    void everyTargetSizeIsWithinTheCut() {
        SyntheticPages generator = pages(5, 5_000);
        for (long n = 0; n < 20_000; n++) {
            assertThat(generator.targetBytes(n)).isBetween(SyntheticPages.MIN_BYTES, SyntheticPages.MAX_BYTES);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}-byte articles")
    @CsvSource({
            "20250101, 5000",
            "7,        2000",
            "99,       12000",
    })
    void theExtractorFindsTheStoryAndNoneOfTheFurniture(long seed, int textBytes) {
        SyntheticPages generator = pages(seed, textBytes);
        int sentences = 0;
        int found = 0;
        for (long n = 0; n < 40; n++) {
            SyntheticPages.Page page = generator.page(n);
            Article article = page.article();
            ExtractedArticle x = EXTRACTOR.extract(page.html(), "text/html; charset=utf-8", page.url());
            String text = x.text().replaceAll("\\s+", " ");
            for (String sentence : sentences(article.text())) {
                sentences++;
                if (text.contains(sentence)) {
                    found++;
                }
            }
            assertThat(x.title()).as("title of page %d", n).isEqualTo(article.title());
            assertThat(x.publishedAt()).as("date of page %d", n).isEqualTo(article.publishedAt());
            assertThat(x.url()).as("URL of page %d", n).isEqualTo(article.url());
            for (String furniture : furniture(articles(seed, textBytes), n)) {
                assertThat(x.text()).as("text of page %d", n).doesNotContain(furniture);
            }
        }
        assertThat((double) found / sentences).as("share of the articles' sentences extracted")
                .isGreaterThanOrEqualTo(0.95);
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n\n")) {
            for (String s : paragraph.split("(?<=[.!?])\\s+(?=[A-Z])")) {
                out.add(s.replaceAll("\\s+", " ").trim());
            }
        }
        return out;
    }

    /** Text the page shows beside the story: none of it may come out as article text. */
    private static List<String> furniture(SyntheticArticles articles, long n) {
        List<String> out = new ArrayList<>(List.of(PageFurniture.COOKIE_TEXT, PageFurniture.AD_LABEL,
                "Related stories", "Most read", "Comments", "All rights reserved", "Accept all", "minutes ago"));
        out.addAll(PageFurniture.COMMENT_PHRASES);
        out.addAll(PageFurniture.SERVICES);
        for (long k = 1; k <= 10; k++) {
            out.add(articles.article(n + k).title()); // the related and most-read headlines
        }
        // single words a story may well use itself
        return out.stream().filter(s -> !List.of("Archive", "Events", "Apps").contains(s)).toList();
    }
}
