package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The open stories cap in the live topology: stories closed at the cap leave the store and are counted. */
class StoryCapTopologyTest {
    private static final String APP_ID = "newswatch-story-cap-test";
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final List<String> TEXTS = List.of(
            "The harbour authority reopened the northern pier after storm repairs that took most of the winter "
                    + "and cost more than planned, officials said on Monday.",
            "A regional court fined the bakery chain for mislabelling bread as wholegrain in three towns over two "
                    + "years, and ordered new labels within a month.",
            "Researchers counted twice as many nesting seabirds on the island this spring as last year, after rats "
                    + "were cleared from its cliffs by volunteers.");

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    @Test
    void pastTheCapTheOldestStoryClosesAndTheMetricCountsIt() {
        TopologyConfig config = new TopologyConfig(new LiveRules(Tagger.withDefaultRules(), rs -> { }), APP_ID,
                Duration.ofHours(72), OutputLimits.of(TopologyConfig.DEFAULT_MAX_TEXT_CHARS), 1);
        TopologyTestDriver driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(), config),
                APP_ID);
        TestInputTopic<String, Article> articles = TestDrivers.articles(driver);
        List<Article> published = new java.util.ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            Instant at = T0.plusSeconds(60L * i);
            Article a = Article.of("https://outlet.example/" + i, "outlet", "Headline " + i, null, at, at, "en",
                    TEXTS.get(i));
            articles.pipeInput(a.id(), a, at.plusSeconds(5));
            published.add(a);
        }

        var stories = driver.getKeyValueStore(TopologyNames.STORIES_STORE);
        var articleStory = driver.getKeyValueStore(TopologyNames.ARTICLE_STORY_STORE);
        assertThat(stories.get(published.get(0).id())).isNull();
        assertThat(articleStory.get(published.get(0).id())).isNull();
        assertThat(stories.get(published.get(1).id())).isNull();
        assertThat(stories.get(published.get(2).id())).isNotNull();
        assertThat(closedAtCapTotal(driver)).isEqualTo(2.0);
    }

    private static double closedAtCapTotal(TopologyTestDriver driver) {
        for (var e : driver.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals("stream-" + StoryProcessor.METRICS_SCOPE + "-metrics")
                    && name.name().equals(StoryProcessor.CLOSED_AT_CAP + "-total")) {
                Metric metric = e.getValue();
                return ((Number) metric.metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no " + StoryProcessor.CLOSED_AT_CAP + "-total metric in " + driver.metrics().keySet());
    }
}
