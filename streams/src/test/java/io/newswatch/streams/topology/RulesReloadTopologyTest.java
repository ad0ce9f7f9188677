package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules pushed to news.rules are in force for the next article, removed ones stop, none means the configured. */
class RulesReloadTopologyTest {
    private static final String APP_ID = "newswatch-rules-test";
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final String TEXT = "A Russian tanker docked at the pier in Rajin, North Korea, on Monday.";

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<String, String> rules;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<String, Alert> alerts;
    private int n;

    @BeforeEach
    void start() {
        driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(),
                new TopologyConfig(Tagger.withDefaultRules(), APP_ID)), APP_ID);
        articles = TestDrivers.articles(driver);
        rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new StringSerializer());
        tagged = TestDrivers.output(driver, Topics.TAGGED);
        alerts = TestDrivers.output(driver, Topics.ALERTS);
    }

    /** A new article (its own URL, so no story or alert is shared with the earlier ones). */
    private TaggedArticle tag() {
        Article a = Article.of("https://harbour.example/" + (++n), "harbour", "Tanker docks", null, T0, T0, "en",
                TEXT);
        articles.pipeInput(a.id(), a, T0.plusSeconds(n));
        return tagged.readValue();
    }

    private List<String> firedRules() {
        return alerts.readRecordsToList().stream().map(TestRecord::value).map(Alert::ruleId).toList();
    }

    @Test
    void pushedRulesReplaceTheConfiguredOnesAndRemovedRulesStop() {
        assertThat(tag().tags()).contains("ru-kp").doesNotContain("ru-port");
        assertThat(firedRules()).contains("ru-kp");

        Map<String, String> records = RuleRecords.split(io.newswatch.streams.rules.RuleRecordsTest.PORTS, "ports");
        records.forEach((id, yaml) -> rules.pipeInput(id, yaml));
        TaggedArticle t = tag();
        assertThat(t.tags()).containsExactlyInAnyOrder("ru-port", "kp-port");
        List<TestRecord<String, Alert>> fired = alerts.readRecordsToList();
        assertThat(fired).extracting(r -> r.value().ruleId()).containsExactlyInAnyOrder("ru-port", "kp-port");
        String version = RuleSet.parse(io.newswatch.streams.rules.RuleRecordsTest.PORTS, "ports", null)
                .rule("kp-port").orElseThrow().version();
        assertThat(fired).filteredOn(r -> r.value().ruleId().equals("kp-port"))
                .allSatisfy(r -> assertThat(r.value().ruleVersion()).isEqualTo(version));
        assertThat(driver.createOutputTopic(Topics.alertsForRule("kp-port").name(),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())
                .readValuesToList()).extracting(Alert::ruleId).containsExactly("kp-port");

        rules.pipeInput("kp-port", (String) null); // removed everywhere
        assertThat(tag().tags()).containsExactly("ru-port");
        assertThat(firedRules()).containsExactly("ru-port");

        rules.pipeInput("ru-port", (String) null); // nothing left on the topic: the configured rules again
        assertThat(tag().tags()).contains("ru-kp");
    }

    @Test
    void aRecordThatDoesNotCompileLeavesTheRulesInForce() {
        RuleRecords.split(io.newswatch.streams.rules.RuleRecordsTest.PORTS, "ports")
                .forEach((id, yaml) -> rules.pipeInput(id, yaml));
        assertThat(tag().tags()).contains("ru-port");
        rules.pipeInput("broken", "version: 2\nrules:\n  - id: broken\n    query: SENTENCE(@RU AND\n");
        assertThat(tag().tags()).as("the last good rules stay").containsExactlyInAnyOrder("ru-port", "kp-port");
    }
}
