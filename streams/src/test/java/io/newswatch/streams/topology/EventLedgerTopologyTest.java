package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.EventLedger;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.streams.stories.TextFingerprintTest;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The violations ledger on news.events: one record per (story, commodity, from, to), revised by each new report, never
 * counting an article twice; and the events on the alerts of their article, updates included.
 */
class EventLedgerTopologyTest {
    private static final String APP_ID = "newswatch-ledger-test";
    private static final Instant T0 = Instant.parse("2023-10-13T08:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(72);
    private static final long FINGERPRINT = TextFingerprint.of(TextFingerprintTest.WIRE);

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    private TopologyTestDriver driver;
    private TestInputTopic<String, StoryCandidate> candidates;
    private TestOutputTopic<String, ViolationRecord> ledger;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        start(new TopologyConfig(Tagger.withDefaultRules(), APP_ID, WINDOW));
    }

    private void start(TopologyConfig config) {
        driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(), config), APP_ID);
        candidates = driver.createInputTopic(Topics.STORY_CANDIDATES.name(), new StringSerializer(),
                Topics.STORY_CANDIDATES.valueSerde().serializer());
        ledger = TestDrivers.output(driver, Topics.EVENTS);
        alerts = TestDrivers.output(driver, Topics.ALERTS);
    }

    static ViolationEvent munitions(String from, String to, Long amount, String status, List<String> places,
                                    List<String> vessels, String attribution) {
        return new ViolationEvent("munitions", from, to, amount, amount == null ? null : "container", places,
                vessels, List.of(), List.of("2270"), status, attribution,
                new ViolationEvent.Span("North Korea shipped containers of munitions to Russia.", 0, 54));
    }

    /** A tagged article reaching the story step, with one proposed sanctions alert carrying its events. */
    private Article report(String outlet, String path, Instant publishedAt, List<ViolationEvent> events) {
        Article a = Article.of("https://" + outlet + ".example" + path, outlet, "Arms by rail to Russia", null,
                publishedAt, publishedAt, "en", "");
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("KP", "RU"),
                List.of("sanctions-violation"), List.of(), List.of(), "1", publishedAt, events);
        Alert proposed = new Alert(Alert.SCHEMA_VERSION, Ids.alertId("sanctions-violation", a.id()),
                "sanctions-violation", "Sanctions violation", "1", "critical", a.id(), a.id(), a.title(), a.url(),
                outlet, publishedAt, tagged.entities(), tagged.tags(), List.of(), publishedAt).withEvents(events);
        candidates.pipeInput(a.id(), new StoryCandidate(StoryCandidate.SCHEMA_VERSION, tagged, List.of(proposed),
                FINGERPRINT), publishedAt.plusSeconds(60));
        return a;
    }

    @Test
    void twoOutletsReportingOneBreachReviseOneRecord() {
        Article first = report("kyiv-news", "/arms", T0, List.of(munitions("KP", "RU", 1000L,
                ViolationEvent.ASSERTED, List.of("Najin", "Dunay"), List.of(), "the White House")));
        Article second = report("bulletin", "/visit", T0.plusSeconds(3600), List.of(munitions("KP", "RU", 300L,
                ViolationEvent.POSSIBLE, List.of("Dunay", "Tikhoretsk"), List.of("Angara"), "Kirby")));

        List<ViolationRecord> out = ledger.readValuesToList();
        assertThat(out).hasSize(2);
        ViolationRecord latest = out.get(1);
        String id = Ids.eventId(first.id(), "munitions", "KP", "RU");
        assertThat(out).extracting(ViolationRecord::id).containsOnly(id);
        assertThat(latest.revision()).isEqualTo(1);
        assertThat(latest.storyId()).isEqualTo(first.id());
        assertThat(latest.reports()).extracting(ViolationRecord.Report::articleId)
                .containsExactly(first.id(), second.id());
        assertThat(latest.outlets()).containsExactly("kyiv-news", "bulletin");
        assertThat(latest.amount()).isEqualTo(1000L);
        assertThat(latest.status()).isEqualTo(ViolationEvent.ASSERTED);
        assertThat(latest.places()).containsExactly("Najin", "Dunay", "Tikhoretsk");
        assertThat(latest.vessels()).containsExactly("Angara");
        assertThat(latest.attributions()).containsExactly("the White House", "Kirby");
        assertThat(latest.firstReportedAt()).isEqualTo(T0);
        assertThat(latest.latestReportedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(driver.getKeyValueStore(TopologyNames.LEDGER_STORE)
                .get(StoryProcessor.ledgerKey(first.id(), id))).isEqualTo(latest);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a short article, 0", "an article whose mentions are cut to their bound, 80"})
    void anArticleThroughTheTaggerCarriesItsEventsToTaggedAlertsAndLedger(String name, int padding) {
        Article a = Article.of("https://kyiv-news.example/containers", "kyiv-news", "Containers by sea and rail",
                null, T0, T0, "en", "The White House said on Friday that North Korea has shipped more than 1,000 "
                        + "containers of military equipment and ammunition to Russia for its war against Ukraine. "
                        + "Officials in Pyongyang did not comment. "
                        + "Moscow hosted a trade fair. ".repeat(padding));
        TestDrivers.articles(driver).pipeInput(a.id(), a, T0.plusSeconds(60));
        TaggedArticle tagged = TestDrivers.output(driver, Topics.TAGGED).readValue();
        assertThat(tagged.events()).as("the tagger's events on news.tagged").isNotEmpty()
                .anySatisfy(e -> assertThat(e.commodity() + " " + e.from() + "→" + e.to() + " " + e.amount())
                        .isEqualTo("munitions KP→RU 1000"));
        StoryCandidate candidate = TestDrivers.output(driver, Topics.STORY_CANDIDATES).readValue();
        assertThat(candidate.tagged().events()).isEqualTo(tagged.events());
        assertThat(candidate.alerts()).as("the events travel once, on the tagged article").isNotEmpty()
                .allSatisfy(p -> assertThat(p.events()).isEmpty());
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::ruleId).contains("sanctions-violation", "ru-kp");
        assertThat(raised).allSatisfy(alert -> assertThat(alert.events()).isEqualTo(tagged.events()));
        assertThat(ledger.readValuesToList()).extracting(ViolationRecord::id)
                .contains(Ids.eventId(a.id(), "munitions", "KP", "RU"));
    }

    @Test
    void anArticleOfAClosedStoryCorrectedLaterRevisesItsRecordInsteadOfStartingAgain() {
        Article first = report("kyiv-news", "/arms", T0, List.of(munitions("KP", "RU", 1000L,
                ViolationEvent.ASSERTED, List.of("Najin"), List.of(), null)));
        report("bulletin", "/visit", T0.plusSeconds(3600), List.of(munitions("KP", "RU", 300L,
                ViolationEvent.ASSERTED, List.of("Dunay"), List.of(), null)));
        // later reports of another story move stream time past the window: the first story closes
        report("other-news", "/later", T0.plus(WINDOW).plus(Duration.ofHours(2)), List.of());
        report("other-news", "/later-still", T0.plus(WINDOW).plus(Duration.ofHours(3)), List.of());
        assertThat(driver.getKeyValueStore(TopologyNames.STORIES_STORE).get(first.id())).isNull();
        ledger.readValuesToList();

        report("kyiv-news", "/arms", T0, List.of(munitions("KP", "RU", 1200L, ViolationEvent.ASSERTED,
                List.of("Najin"), List.of(), null)));
        List<ViolationRecord> out = ledger.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).id()).isEqualTo(Ids.eventId(first.id(), "munitions", "KP", "RU"));
        assertThat(out.get(0).revision()).isEqualTo(2);
        assertThat(out.get(0).outlets()).containsExactly("kyiv-news", "bulletin");
        assertThat(out.get(0).amount()).isEqualTo(1200L);
        assertThat(out.get(0).places()).containsExactly("Najin", "Dunay");
    }

    @Test
    void aRecordLeavesTheStoreItsRetentionAfterItsLatestReport() {
        Article a = report("kyiv-news", "/arms", T0, List.of(munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED,
                List.of(), List.of(), null)));
        String key = StoryProcessor.ledgerKey(a.id(), Ids.eventId(a.id(), "munitions", "KP", "RU"));
        report("other-news", "/later", T0.plus(EventLedger.RETENTION).minus(Duration.ofHours(2)), List.of());
        assertThat(driver.getKeyValueStore(TopologyNames.LEDGER_STORE).get(key)).as("within the retention")
                .isNotNull();
        report("other-news", "/later-still", T0.plus(EventLedger.RETENTION).plus(Duration.ofHours(2)), List.of());
        assertThat(driver.getKeyValueStore(TopologyNames.LEDGER_STORE).get(key)).isNull();
    }

    @Test
    void eachDirectionIsItsOwnRecord() {
        Article a = report("kyiv-news", "/arms", T0, List.of(
                munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED, List.of(), List.of(), null),
                munitions("RU", "KP", null, ViolationEvent.POSSIBLE, List.of(), List.of(), null)));
        assertThat(ledger.readValuesToList()).extracting(ViolationRecord::id).containsExactly(
                Ids.eventId(a.id(), "munitions", "KP", "RU"), Ids.eventId(a.id(), "munitions", "RU", "KP"));
    }

    @Test
    void anArticleTaggedAgainIsNotCountedTwice() {
        List<ViolationEvent> events = List.of(munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED, List.of("Najin"),
                List.of(), null));
        Article a = report("kyiv-news", "/arms", T0, events);
        assertThat(ledger.readValuesToList()).extracting(ViolationRecord::revision).containsExactly(0);

        report("kyiv-news", "/arms", T0, events);
        assertThat(ledger.isEmpty()).as("the same report again changes nothing, so nothing is sent").isTrue();

        report("kyiv-news", "/arms", T0.plusSeconds(600), List.of(munitions("KP", "RU", 1200L,
                ViolationEvent.ASSERTED, List.of("Najin"), List.of(), null)));
        List<ViolationRecord> edited = ledger.readValuesToList();
        assertThat(edited).hasSize(1);
        assertThat(edited.get(0).revision()).isEqualTo(1);
        assertThat(edited.get(0).reports()).extracting(ViolationRecord.Report::articleId).containsExactly(a.id());
        assertThat(edited.get(0).amount()).isEqualTo(1200L);
    }

    @Test
    void alertsAndTheirUpdatesCarryTheEventsOfTheirArticle() {
        ViolationEvent event = munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED, List.of("Najin", "Dunay"),
                List.of(), "the White House");
        report("kyiv-news", "/arms", T0, List.of(event));
        report("bulletin", "/visit", T0.plusSeconds(3600), List.of());
        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::revision).containsExactly(0, 1);
        assertThat(out).allSatisfy(a -> assertThat(a.events()).containsExactly(event));
        assertThat(out.get(1).eventSummaries()).containsExactly(
                "KP → RU · munitions · 1,000 containers · Najin → Dunay · UNSCR 2270 · asserted (the White House)");
    }

    @Test
    void aLedgerRecordTooLargeDeadLettersTheCandidateAndChangesNothing() {
        // no tagger writes a place this long, but the story step must not rely on it
        ViolationEvent huge = munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED,
                java.util.Collections.nCopies(1, "x".repeat(OutputLimits.KAFKA_DEFAULT_LIMIT)), List.of(), null);
        TestOutputTopic<byte[], byte[]> dlq = TestDrivers.output(driver, Topics.DLQ);

        Article a = report("kyiv-news", "/arms", T0, List.of(huge));
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.STORY_CANDIDATES.name());
        assertThat(ledger.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).as("the candidate is dead-lettered whole").isTrue();
        assertThat(driver.getKeyValueStore(TopologyNames.STORIES_STORE).get(a.id())).isNull();
    }

    @Test
    void aStoryWhoseStateWouldOutgrowItsChangelogRecordDeadLettersTheCandidateAndChangesNothing() {
        // each alert and the candidate fit a record, but the story keeps every alert with the events: four copies
        ViolationEvent big = munitions("KP", "RU", 1000L, ViolationEvent.ASSERTED,
                java.util.Collections.nCopies(3, "x".repeat(100_000)), List.of(), null);
        TestOutputTopic<byte[], byte[]> dlq = TestDrivers.output(driver, Topics.DLQ);
        Article a = Article.of("https://kyiv-news.example/arms", "kyiv-news", "Arms by rail to Russia", null, T0, T0,
                "en", "");
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("KP", "RU"),
                List.of("sanctions-violation"), List.of(), List.of(), "1", T0, List.of(big));
        List<Alert> proposed = java.util.stream.Stream.of("ru-kp", "sanctions-violation", "sanctions-arms", "triangle")
                .map(rule -> new Alert(Alert.SCHEMA_VERSION, Ids.alertId(rule, a.id()), rule, rule, "1", "critical",
                        a.id(), a.id(), a.title(), a.url(), "kyiv-news", T0, tagged.entities(), tagged.tags(),
                        List.of(), T0)).toList();
        candidates.pipeInput(a.id(), new StoryCandidate(StoryCandidate.SCHEMA_VERSION, tagged, proposed,
                FINGERPRINT), T0.plusSeconds(60));

        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.ERROR_CLASS))
                .isEqualTo(org.apache.kafka.common.errors.RecordTooLargeException.class.getName());
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains(TopologyNames.STORIES_STORE, a.id());
        assertThat(alerts.isEmpty()).as("the candidate is dead-lettered whole").isTrue();
        assertThat(ledger.isEmpty()).isTrue();
        assertThat(driver.getKeyValueStore(TopologyNames.STORIES_STORE).get(a.id())).isNull();
    }
}
