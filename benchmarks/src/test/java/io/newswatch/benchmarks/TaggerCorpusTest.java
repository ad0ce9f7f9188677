package io.newswatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The tagger benchmark's corpus keeps the shape its recorded figures were measured on. */
class TaggerCorpusTest {
    private static final TaggerCorpus STANDARD = TaggerCorpus.standard();

    @Test
    void theStandardCorpusIsFixedDistinctAndOfAboutFiveKilobytesAnArticle() {
        assertThat(STANDARD.size()).isEqualTo(TaggerCorpus.DEFAULT_SIZE);
        assertThat(TaggerCorpus.standard().articles()).isEqualTo(STANDARD.articles());
        assertThat(new HashSet<>(STANDARD.articles())).hasSize(STANDARD.size());
        for (String article : STANDARD.articles()) {
            assertThat(article.length()).isBetween(4_500, 5_500);
            assertThat(article).contains("\n\n");
        }
        assertThat(STANDARD.meanUtf8Bytes()).isEqualTo(STANDARD.totalUtf8Bytes() / 256.0)
                .isBetween(4_850.0, 5_150.0);
        assertThat(STANDARD.meanChars()).as("plain ASCII").isEqualTo(STANDARD.meanUtf8Bytes());
        assertThat(TaggerCorpus.generate(20, 1).articles()).doesNotContainAnyElementsOf(STANDARD.articles());
    }

    /**
     * The earlier corpus, on which benchmarks/README.md's figures were measured, had 144 of 256 articles tagged by
     * the default rules, 798 rule matches in all and 72 {@code sanctions-violation} articles; this one must stay
     * close, or the figures stop being comparable.
     */
    @Test
    void theDefaultRulesFindAboutAsMuchAsInTheRecordedRuns() {
        Tagger tagger = Tagger.withDefaultRules();
        int tagged = 0;
        int matches = 0;
        int violations = 0;
        for (String article : STANDARD.articles()) {
            TagResult tags = tagger.tag(article);
            tagged += tags.rules().isEmpty() ? 0 : 1;
            matches += tags.rules().size();
            violations += tags.matched("sanctions-violation") ? 1 : 0;
        }
        assertThat(tagged).isBetween(130, 158);
        assertThat(matches).isBetween(720, 880);
        assertThat(violations).isBetween(62, 82);
    }

    @Test
    void refusesAnEmptyCorpus() {
        assertThatThrownBy(() -> TaggerCorpus.generate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
