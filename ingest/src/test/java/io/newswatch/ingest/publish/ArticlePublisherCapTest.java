package io.newswatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Article;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ingester's text cap on a real broker: what reaches news.articles is cut, and says so. */
class ArticlePublisherCapTest {
    private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    @Timeout(90)
    void anArticleLongerThanTheCapIsPublishedCutWithItsOriginalLength() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                TopicAdmin.ensureTopics(admin, List.of(Topics.ARTICLES));
            }
            Article big = Article.of("https://news.example/big", "src", "Big", null, AT, AT, "en",
                    "Word after word. ".repeat(50_000)); // 850,000 characters
            Article small = Article.of("https://news.example/small", "src", "Small", null, AT, AT, "en",
                    "A short report.");
            try (ArticlePublisher publisher = new ArticlePublisher(props, "cap-test", 200_000)) {
                publisher.loadPublished();
                assertThat(publisher.publishIfChanged(big)).isTrue();
                assertThat(publisher.publishIfChanged(small)).isTrue();
                // the same page fetched again is the same version: not published twice
                assertThat(publisher.publishIfChanged(big)).isFalse();
                publisher.flush();
            }

            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "cap-test-reader");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<Article> read = new ArrayList<>();
            try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(c,
                    Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())) {
                consumer.subscribe(List.of(Topics.ARTICLES.name()));
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.size() < 2 && System.nanoTime() < until) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                }
            }
            assertThat(read).hasSize(2);
            Article cut = read.stream().filter(a -> a.id().equals(big.id())).findFirst().orElseThrow();
            assertThat(cut.text()).hasSize(200_000).isEqualTo(big.text().substring(0, 200_000));
            assertThat(cut.truncatedFrom()).isEqualTo(850_000);
            Article whole = read.stream().filter(a -> a.id().equals(small.id())).findFirst().orElseThrow();
            assertThat(whole).isEqualTo(small);
        }
    }
}
