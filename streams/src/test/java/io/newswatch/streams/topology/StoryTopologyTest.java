package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.TextFingerprintTest;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Stories: the same wire story from several outlets is one story with one alert per rule, updated as outlets join;
 * different stories, old stories and same-outlet edits are not; every alert also reaches its rule's topic.
 */
class StoryTopologyTest {
    private static final String APP_ID = "newswatch-story-test";
    private static final Tagger TAGGER = Tagger.withDefaultRules();
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(72);

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    private TopologyTestDriver driver;
    private TopologyConfig config;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, Alert> ruKpAlerts;

    @BeforeEach
    void start() {
        config = new TopologyConfig(TAGGER, APP_ID, WINDOW);
        driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(), config), APP_ID);
        articles = TestDrivers.articles(driver);
        alerts = TestDrivers.output(driver, Topics.ALERTS);
        ruKpAlerts = TestDrivers.output(driver, Topics.alertsForRule("ru-kp"));
    }

    private Article publish(String outlet, String path, String text, Instant publishedAt) {
        Article a = Article.of("https://" + outlet + ".example" + path, outlet, "Ship unloads at Russian pier", null,
                publishedAt, publishedAt, "en", text);
        articles.pipeInput(a.id(), a, publishedAt.plusSeconds(60));
        return a;
    }

    private List<Alert> ruKp(List<TestRecord<String, Alert>> records) {
        return records.stream().map(TestRecord::value).filter(a -> a.ruleId().equals("ru-kp")).toList();
    }

    @Test
    void aCandidateWhoseAlertWasRefusedBeforeIsDeadLetteredAndLeavesTheStoriesAsTheyWere() {
        Article first = Article.of("https://harbour-wire.example/ship", "harbour-wire", "Ship unloads at Russian pier",
                null, T0, T0, "en", TextFingerprintTest.WIRE);
        String alertId = Ids.alertId("ru-kp", first.id());
        config.limits().refused().add(alertId, new DeadLetterErrorHandler.OutputFailedException(
                "its output to news.alerts was refused", new IllegalStateException("refused")));
        TestOutputTopic<byte[], byte[]> dlq = TestDrivers.output(driver, Topics.DLQ);

        publish("harbour-wire", "/ship", TextFingerprintTest.WIRE, T0);
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.STORY_CANDIDATES.name());
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.getKeyValueStore(TopologyNames.STORIES_STORE).get(first.id())).isNull();
        assertThat(driver.getKeyValueStore(TopologyNames.FIRED_ALERTS_STORE).get(alertId)).isNull();

        // nothing of it was kept: the next revision opens the story and fires the alert
        publish("harbour-wire", "/ship", TextFingerprintTest.WIRE + " Officials declined to comment.",
                T0.plusSeconds(60));
        assertThat(ruKp(alerts.readRecordsToList())).extracting(Alert::id).containsExactly(alertId);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void oneWireStoryFromThreeOutletsFiresOnceAndIsUpdatedAsOutletsJoin() {
        Article first = publish("harbour-wire", "/ship", TextFingerprintTest.WIRE, T0);
        List<Alert> fired = ruKp(alerts.readRecordsToList());
        assertThat(fired).hasSize(1);
        Alert alert = fired.get(0);
        assertThat(alert.id()).isEqualTo(Ids.alertId("ru-kp", first.id()));
        assertThat(alert.storyId()).isEqualTo(first.id());
        assertThat(alert.revision()).isZero();
        assertThat(alert.alsoReportedBy()).isEmpty();

        publish("coast-daily", "/news/pier-containers", "VLADIVOSTOK (Harbour Wire) - " + TextFingerprintTest.WIRE,
                T0.plusSeconds(3600));
        List<Alert> second = ruKp(alerts.readRecordsToList());
        assertThat(second).as("an update, not a new alert").hasSize(1);
        assertThat(second.get(0).id()).isEqualTo(alert.id());
        assertThat(second.get(0).revision()).isEqualTo(1);
        assertThat(second.get(0).alsoReportedBy()).containsExactly("coast-daily");
        assertThat(second.get(0).articleId()).as("still the first report's alert").isEqualTo(first.id());

        publish("bay-times", "/2025/06/ship", TextFingerprintTest.WIRE.replace("several hundred containers",
                "about 300 containers"), T0.plusSeconds(7200));
        List<Alert> third = ruKp(alerts.readRecordsToList());
        assertThat(third).extracting(Alert::revision).containsExactly(2);
        assertThat(third.get(0).alsoReportedBy()).containsExactly("coast-daily", "bay-times");

        // the same outlet again, edited: the story already lists it, nothing to tell
        publish("bay-times", "/2025/06/ship", TextFingerprintTest.WIRE.replace("on Tuesday", "on Monday"),
                T0.plusSeconds(9000));
        assertThat(ruKp(alerts.readRecordsToList())).isEmpty();

        List<Alert> perRule = ruKpAlerts.readRecordsToList().stream().map(TestRecord::value).toList();
        assertThat(perRule).as("news.alerts.ru-kp carries exactly the ru-kp alerts")
                .extracting(Alert::revision).containsExactly(0, 1, 2);
        assertThat(perRule).allSatisfy(a -> assertThat(a.id()).isEqualTo(alert.id()));
    }

    @Test
    void aDifferentStoryOnTheSameSubjectFiresItsOwnAlert() {
        Article first = publish("harbour-wire", "/ship", TextFingerprintTest.WIRE, T0);
        Article other = publish("harbour-wire", "/bridge", TextFingerprintTest.OTHER_STORY
                + " The Russian negotiators said North Korea's delegation had asked for more time.",
                T0.plusSeconds(600));
        List<Alert> fired = ruKp(alerts.readRecordsToList());
        assertThat(fired).extracting(Alert::storyId).containsExactly(first.id(), other.id());
        assertThat(fired).extracting(Alert::revision).containsExactly(0, 0);
    }

    @Test
    void aCopyPublishedAfterTheStoryClosedStartsANewStory() {
        Article first = publish("harbour-wire", "/ship", TextFingerprintTest.WIRE, T0);
        Article late = publish("coast-daily", "/archive/ship", TextFingerprintTest.WIRE,
                T0.plus(WINDOW).plusSeconds(3600));
        List<Alert> fired = ruKp(alerts.readRecordsToList());
        assertThat(fired).extracting(Alert::storyId).containsExactly(first.id(), late.id());
        assertThat(fired).extracting(Alert::revision).containsExactly(0, 0);
    }

    @Test
    void aPoisonStoryCandidateGoesToTheDeadLetterTopic() {
        TestInputTopic<byte[], byte[]> candidates = driver.createInputTopic(Topics.STORY_CANDIDATES.name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
        byte[] poison = "{\"tagged\": 42".getBytes(StandardCharsets.UTF_8);
        candidates.pipeInput("k".getBytes(StandardCharsets.UTF_8), poison);
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.STORY_CANDIDATES.name());

        publish("harbour-wire", "/ship", TextFingerprintTest.WIRE, T0);
        assertThat(ruKp(alerts.readRecordsToList())).as("the story step goes on").hasSize(1);
    }
}
