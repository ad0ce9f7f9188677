package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NewswatchTopologyTest {
    private static final String APP_ID = "newswatch-topology-test";
    private static final Tagger TAGGER = Tagger.withDefaultRules();
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<byte[], byte[]> rawArticles;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        driver = drivers.start(
                NewswatchTopology.buildTopology(new StreamsBuilder(), new TopologyConfig(TAGGER, APP_ID)), APP_ID);
        articles = TestDrivers.articles(driver);
        rawArticles = driver.createInputTopic(Topics.ARTICLES.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        tagged = TestDrivers.output(driver, Topics.TAGGED);
        alerts = TestDrivers.output(driver, Topics.ALERTS);
        dlq = TestDrivers.output(driver, Topics.DLQ);
    }

    private static Article article(String url, String text) {
        return Article.of(url, "test-source", "Headline for " + url, null, T0.minusSeconds(3600), T0, "en", text);
    }

    private void publish(Article a, Instant timestamp) {
        articles.pipeInput(a.id(), a, timestamp);
    }

    @Test
    void tagsAnArticleAndRaisesAlertsWithEvidence() {
        Article a = article("https://news.example/arms", "Diplomats met in Geneva.\n\n"
                + "Moscow denied shipping artillery shells to Pyongyang in violation of UN sanctions.");
        Instant at = T0.plusSeconds(10);
        publish(a, at);

        List<TestRecord<String, TaggedArticle>> out = tagged.readRecordsToList();
        assertThat(out).hasSize(1);
        TaggedArticle t = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo(a.id());
        assertThat(t.article()).isEqualTo(a);
        assertThat(t.entities()).containsExactly("KP", "RU");
        // the core tags, and the kinds of breach this sentence reports (kind rules tag but do not alert)
        assertThat(t.tags()).containsExactly("ru-kp", "sanctions-arms", "sanctions-explicit-breach",
                "sanctions-violation");
        assertThat(t.rulesVersion()).isEqualTo(TAGGER.rulesVersion());
        assertThat(t.taggedAt()).isEqualTo(at);

        List<TestRecord<String, Alert>> raised = alerts.readRecordsToList();
        assertThat(raised).extracting(r -> r.value().ruleId()).containsExactlyInAnyOrder("ru-kp", "sanctions-violation");
        Alert breach = raised.stream().map(TestRecord::value).filter(v -> v.ruleId().equals("sanctions-violation"))
                .findFirst().orElseThrow();
        assertThat(breach.id()).isEqualTo(Ids.alertId("sanctions-violation", a.id()));
        assertThat(raised).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
        assertThat(breach.storyId()).isEqualTo(a.id());
        assertThat(breach.severity()).isEqualTo("critical");
        assertThat(breach.raisedAt()).isEqualTo(at);
        assertThat(breach.url()).isEqualTo(a.url());
        assertThat(breach.evidence()).hasSize(1);
        assertThat(breach.firstEvidence()).startsWith("Moscow denied shipping");
        assertThat(breach.evidence()).allSatisfy(e -> assertThat(e.tag()).isEqualTo("sanctions-violation"));
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anArticleWithoutWatchedTagsIsTaggedButRaisesNothing() {
        publish(article("https://news.example/weather", "Rain is expected in Seoul and Beijing."), T0);
        TaggedArticle t = tagged.readValue();
        assertThat(t.entities()).containsExactly("CN");
        assertThat(t.tags()).isEmpty();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void anExactDuplicateProducesNothingNew() {
        Article a = article("https://news.example/pact", "Putin and Kim Jong Un signed a pact.");
        publish(a, T0);
        assertThat(tagged.readRecordsToList()).hasSize(1);
        assertThat(alerts.readRecordsToList()).hasSize(1);

        publish(a, T0.plusSeconds(60));
        assertThat(tagged.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void anEditedArticleIsTaggedAgainButFiresEachAlertOnlyOnce() {
        String url = "https://news.example/summit";
        publish(article(url, "Putin and Kim Jong Un signed a pact."), T0);
        assertThat(alerts.readValuesToList()).extracting(Alert::ruleId).containsExactly("ru-kp");
        tagged.readRecordsToList();

        publish(article(url, "Putin and Kim Jong Un signed a pact on Tuesday."), T0.plusSeconds(60));
        assertThat(tagged.readValuesToList()).hasSize(1);
        assertThat(alerts.isEmpty()).isTrue();

        // a later edit that adds China fires only the alerts that are new for this story
        publish(article(url, "Putin and Kim Jong Un signed a pact; Xi Jinping sent a letter."), T0.plusSeconds(120));
        assertThat(tagged.readValue().tags()).containsExactly("cn-kp", "ru-cn", "ru-kp", "triangle");
        assertThat(alerts.readValuesToList()).extracting(Alert::ruleId).containsExactlyInAnyOrder("cn-kp", "ru-cn", "triangle");
    }

    @Test
    void poisonBytesGoToTheDeadLetterTopicAndProcessingContinues() {
        byte[] poison = "{\"id\": 42, \"url\": [broken".getBytes(StandardCharsets.UTF_8);
        rawArticles.pipeInput("bad-key".getBytes(StandardCharsets.UTF_8), poison, T0);
        Article good = article("https://news.example/after", "Russia and China held talks.");
        publish(good, T0.plusSeconds(1));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-key");
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ARTICLES.name());
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.APPLICATION_ID)).isEqualTo(APP_ID);
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("Article");
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ERROR_CLASS)).isNotBlank();
        assertThat(dlq.isEmpty()).isTrue();

        assertThat(tagged.readValue().article().id()).isEqualTo(good.id());
    }

    @Test
    void aRecordWithoutAnIdIsDeadLetteredNotTagged() {
        byte[] noId = "{\"schemaVersion\":1,\"url\":\"https://news.example/x\",\"text\":\"Russia\"}"
                .getBytes(StandardCharsets.UTF_8);
        rawArticles.pipeInput(null, noId, T0);
        assertThat(DeadLetterHeaders.get(dlq.readRecord().headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("id");
        assertThat(tagged.isEmpty()).isTrue();
    }
}
