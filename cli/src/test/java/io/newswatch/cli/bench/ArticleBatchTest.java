package io.newswatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The batch hands back exactly the records the generator makes, whichever mapping each value landed in. */
class ArticleBatchTest {
    private static final SyntheticArticles GENERATOR = SyntheticArticles.inPublicationOrder(Mix.NEWS_FEED, 7, 1_000,
            Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(1));

    @Test
    void valuesKeysAndTimesAreTheGeneratorsArticlesAcrossManyMappings() {
        // mappings of 4,000 bytes hold two or three 1,000-byte articles each, so most boundaries are crossed
        ArticleBatch batch = ArticleBatch.generate(GENERATOR, 100, 60, 4_000);
        long total = 0;
        for (int i = 0; i < batch.size(); i++) {
            Article expected = GENERATOR.article(100 + i);
            byte[] serialized = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), expected);
            assertThat(batch.value(i)).as("value %d", i).isEqualTo(serialized);
            assertThat(new String(batch.key(i), StandardCharsets.UTF_8)).isEqualTo(expected.id());
            assertThat(batch.id(i)).isEqualTo(expected.id());
            assertThat(batch.timestamp(i)).isEqualTo(expected.fetchedAt().toEpochMilli());
            total += serialized.length;
        }
        assertThat(batch.size()).isEqualTo(60);
        assertThat(batch.bytes()).isEqualTo(total);
    }

    @Test
    void anArticleLargerThanAMappingIsRefused() {
        assertThatThrownBy(() -> ArticleBatch.generate(GENERATOR, 0, 1, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than a mapping of 500");
    }

    @Test
    void anEmptyBatchHasNoBytes() {
        ArticleBatch batch = ArticleBatch.generate(GENERATOR, 0, 0);
        assertThat(batch.size()).isZero();
        assertThat(batch.bytes()).isZero();
    }
}
