package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.tagger.ResultBounds;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bounds on what the topology writes for one article: the text cut to the cap and its length recorded, evidence
 * and mentions cut to {@link ResultBounds}, an output over the record limit dead-lettered, and an input whose output
 * the broker refused before dead-lettered when it comes again.
 */
class OutputBoundsTopologyTest {
    private static final String APP_ID = "newswatch-bounds-test";
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    /** 74 characters, one mention of North Korea (KP) and one of Russia (RU), a sanctions breach. */
    private static final String DENSE = "North Korea shipped artillery shells to Russia in breach of UN sanctions. ";
    /** 74 characters without a full stop: repeated, one sentence as long as the text. */
    private static final String ENDLESS = "Russia and North Korea widened their trade in breach of the sanctions and ";

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    private void start(OutputLimits limits) {
        TopologyConfig config = new TopologyConfig(new LiveRules(Tagger.withDefaultRules(), rs -> { }), APP_ID,
                TopologyConfig.DEFAULT_STORY_WINDOW, limits);
        driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(), config), APP_ID);
        articles = TestDrivers.articles(driver);
        tagged = TestDrivers.output(driver, Topics.TAGGED);
        alerts = TestDrivers.output(driver, Topics.ALERTS);
        dlq = TestDrivers.output(driver, Topics.DLQ);
    }

    private static Article article(String text) {
        return Article.of("https://news.example/bounds", "test-source", "Bounds", null, T0, T0, "en", text);
    }

    @ParameterizedTest(name = "{0} x {1} under a cap of {2}: {3} characters kept, {5} mentions, {6} evidence")
    @CsvSource(nullValues = "-", textBlock = """
            # sentence, repeats, cap,    text kept, cut from, mentions, evidence in all (4 tags, 8 a tag at most)
            DENSE,      1,       200000, 74,        -,        2,        4
            DENSE,      10,      200000, 740,       -,        20,       32
            DENSE,      11,      200000, 814,       -,        22,       32
            DENSE,      26,      200000, 1924,      -,        52,       32
            DENSE,      60,      200000, 4440,      -,        100,      32
            DENSE,      5000,    200000, 200000,    370000,   100,      32
            DENSE,      5000,    1000,   1000,      370000,   27,       32
            ENDLESS,    1,       200000, 74,        -,        2,        3
            ENDLESS,    12000,   200000, 200000,    888000,   100,      3
            """)
    void boundsTheTaggedArticle(String sentence, int repeats, int cap, int textKept, Integer cutFrom, int mentions,
                                int evidence) {
        start(OutputLimits.of(cap));
        Article a = article((sentence.equals("DENSE") ? DENSE : ENDLESS).repeat(repeats));
        articles.pipeInput(a.id(), a, T0);

        List<TestRecord<String, TaggedArticle>> out = tagged.readRecordsToList();
        assertThat(out).hasSize(1);
        TaggedArticle t = out.get(0).value();
        assertThat(t.article().text()).hasSize(textKept).isEqualTo(a.text().substring(0, textKept));
        assertThat(t.article().truncatedFrom()).isEqualTo(cutFrom);
        assertThat(t.tags()).contains("ru-kp", "sanctions-violation");
        assertThat(t.mentions()).hasSize(mentions);
        Map<String, Long> perTag = t.evidence().stream()
                .collect(Collectors.groupingBy(Evidence::tag, Collectors.counting()));
        assertThat(perTag.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(
                ResultBounds.MAX_EVIDENCE_PER_TAG));
        assertThat(t.evidence()).hasSize(evidence);
        assertThat(t.evidence()).hasSizeLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE).allSatisfy(e -> {
            assertThat(e.text().length()).isLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE_CHARS);
            assertThat(e.text()).isEqualTo(t.article().text().substring(e.start(), e.end()));
        });
        // the alerts carry the same bounded evidence
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::ruleId).contains("sanctions-violation");
        assertThat(raised).allSatisfy(al -> assertThat(al.evidence())
                .hasSizeLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE)
                .allSatisfy(e -> assertThat(e.text().length()).isLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE_CHARS)));
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anOutputOverTheRecordLimitIsDeadLetteredAndNothingOfItIsSent() {
        start(OutputLimits.of(200_000, 20_000, new RefusedRecords()));
        Article big = article(DENSE.repeat(1000));
        Article small = article("Officials said North Korea shipped artillery shells to Russia.");
        small = Article.of("https://news.example/small", "test-source", "Small", null, T0, T0, "en", small.text());
        articles.pipeInput(big.id(), big, T0);
        articles.pipeInput(small.id(), small, T0.plusSeconds(1));

        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(big.id());
        // the input is larger than a record may be here: the letter leaves it out, its headers say where it is
        assertThat(letters.get(0).value()).isNull();
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.ERROR_CLASS))
                .isEqualTo(RecordTooLargeException.class.getName());
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains(Topics.TAGGED.name(), "15000 bytes");
        assertThat(tagged.readKeyValuesToMap()).containsOnlyKeys(small.id());
        assertThat(alerts.readValuesToList()).extracting(Alert::articleId).containsOnly(small.id());
    }

    @Test
    void anInputWhoseOutputTheBrokerRefusedIsDeadLetteredWhenItComesAgain() {
        RefusedRecords refused = new RefusedRecords();
        start(OutputLimits.of(200_000, OutputLimits.KAFKA_DEFAULT_LIMIT, refused));
        Article a = article(DENSE);
        refused.add(a.id(), new DeadLetterErrorHandler.OutputFailedException("its output to news.tagged was refused",
                new RecordTooLargeException("too large for the topic")));

        articles.pipeInput(a.id(), a, T0);
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).extracting(r -> DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .containsExactly("its output to news.tagged was refused <- caused by RecordTooLargeException: "
                        + "too large for the topic");
        assertThat(tagged.isEmpty()).isTrue();

        // remembered once: the same article sent again (a new version) is tagged
        Article edited = Article.of(a.url(), a.sourceId(), "Bounds, updated", null, T0, T0, "en", DENSE);
        articles.pipeInput(edited.id(), edited, T0.plusSeconds(1));
        assertThat(tagged.readValuesToList()).extracting(t -> t.article().title()).containsExactly("Bounds, updated");
    }
}
