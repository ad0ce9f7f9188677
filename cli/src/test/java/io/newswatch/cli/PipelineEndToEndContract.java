package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.cli.demo.DemoSite;
import io.newswatch.cli.demo.SampleArticle;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Pipeline;
import io.newswatch.cli.internal.PipelineProgress;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.Alert;
import io.newswatch.model.Ids;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker: a loopback news site -> ingest -> news.articles -> Streams -> news.alerts ->
 * the alerts service -> a JSONL file. Asserts exactly which sample articles alert, under which rules, and that
 * running the same feed again (even after restarting every service) creates no duplicate alert. Which broker is a
 * subclass's choice: {@link PipelineEndToEndTest} (the embedded one, or a cluster named by a property) and
 * {@link PipelineOnKafkaImageTest} (the official Apache Kafka image, through Testcontainers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineEndToEndContract {
    /** The sample articles that must alert, and the rules each must fire (at least). */
    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "shells-by-rail", Set.of("ru-kp", "sanctions-violation"),
            "dandong-customs", Set.of("cn-kp"),
            "putin-xi-energy", Set.of("ru-cn"),
            "three-way-alignment", Set.of("triangle", "ru-kp", "cn-kp", "ru-cn"),
            "ship-to-ship", Set.of("sanctions-violation"),
            "workers-far-east", Set.of("ru-kp", "sanctions-violation"),
            "lavrov-pyongyang", Set.of("ru-kp"),
            "kremlin-denies", Set.of("ru-kp", "sanctions-violation"),
            "containers-najin-dunay", Set.of("ru-kp", "sanctions-violation"),
            "kim-far-east-visit", Set.of("ru-kp", "sanctions-violation"));
    /** And those that must not: a South Korea story, sanctions imposed, the South China Sea, the Korean War. */
    private static final Set<String> QUIET = Set.of("seoul-drills", "eu-oil-sanctions", "south-china-sea",
            "korean-war-veterans");

    @TempDir
    Path dir;
    DemoSite site;

    /** The cluster the pipeline runs against, ready and empty before the first test. */
    abstract String bootstrapServers();

    @BeforeAll
    void startSite() throws Exception {
        site = DemoSite.start(0, SampleArticle.all());
    }

    @AfterAll
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    private NewswatchConfig config(Path alerts) {
        return NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers())
                .with(ConfigKeys.HOST_DELAY, "10ms")
                .with(ConfigKeys.FETCH_ALLOW_ADDRESSES, "127.0.0.1")
                .with(ConfigKeys.STATE_DIR, dir.resolve("streams").toString())
                .with(ConfigKeys.ALERTS_CONSOLE, "false")
                .with(ConfigKeys.ALERTS_FILE, alerts.toString());
    }

    private IngestStats runOnce(Path alerts) throws Exception {
        NewswatchConfig config = config(alerts);
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection conn = lifecycle.add(KafkaConnection.configuredOrLocal(config));
            Pipeline pipeline = Pipeline.start(lifecycle, conn, Tagger.withDefaultRules(),
                    DeliveryPlan.everyReceiver(List.of(new JsonlFileReceiver(alerts))),
                    List.of(new Source("dispatch", "rss", site.feedUrl(), Duration.ofMinutes(10), "en")));
            IngestStats stats = pipeline.ingest().pollOnce();
            Set<String> ids = site.articles().stream().map(a -> Ids.articleId(site.baseUrl() + a.path()))
                    .collect(Collectors.toSet());
            try (PipelineProgress progress = new PipelineProgress(conn.clientProperties())) {
                assertThat(progress.awaitTagged(ids, Duration.ofSeconds(90))).as("articles not tagged").isEmpty();
                assertThat(progress.awaitAlertsDelivered(
                        config.get(ConfigKeys.STREAMS_APPLICATION_ID), config.get(ConfigKeys.ALERTS_GROUP_ID),
                        Duration.ofSeconds(60)))
                        .as("alerts delivered").isTrue();
            }
            return stats;
        }
    }

    static List<Alert> readAlerts(Path file) throws Exception {
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> serde.fromBytes(l.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList();
    }

    @Test
    void sampleSiteAlertsExactlyWhereItShouldAndNeverTwice() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        IngestStats first = runOnce(alerts);
        assertThat(first.published()).isEqualTo(site.articles().size());

        Map<String, String> slugById = new HashMap<>();
        site.articles().forEach(a -> slugById.put(Ids.articleId(site.baseUrl() + a.path()), a.slug()));
        List<Alert> delivered = readAlerts(alerts);
        Map<String, Set<String>> rulesBySlug = new TreeMap<>();
        for (Alert a : delivered) {
            rulesBySlug.computeIfAbsent(slugById.get(a.articleId()), k -> new TreeSet<>()).add(a.ruleId());
            assertThat(a.evidence()).as("evidence of " + a.id()).isNotEmpty();
            assertThat(a.url()).startsWith(site.baseUrl()).doesNotContain("utm_");
        }
        assertThat(rulesBySlug.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((slug, rules) -> assertThat(rulesBySlug.get(slug)).as(slug).containsAll(rules));
        assertThat(rulesBySlug.keySet()).doesNotContainAnyElementsOf(QUIET);
        assertThat(delivered).extracting(Alert::id).doesNotHaveDuplicates();

        // The same feed again, every service restarted: nothing new is published, no alert is delivered twice.
        IngestStats second = runOnce(alerts);
        assertThat(second.published()).isZero();
        assertThat(readAlerts(alerts)).hasSameSizeAs(delivered);

        // A correction to one article publishes a new version, tagged again, but the alert does not fire again.
        site.replaceParagraph("kremlin-denies", 2, "The investigators said markings on the debris showed it had"
                + " been manufactured in 2024, not 2025 as first reported.");
        IngestStats third = runOnce(alerts);
        assertThat(third.published()).isEqualTo(1);
        assertThat(readAlerts(alerts)).extracting(Alert::id).doesNotHaveDuplicates().hasSameSizeAs(delivered);

        // The pages modelled on the seed pages alert with their events, and the ledger counts each article once
        // although the whole feed was read three times and one article was tagged again.
        for (String slug : List.of("containers-najin-dunay", "kim-far-east-visit")) {
            assertThat(delivered).filteredOn(a -> slug.equals(slugById.get(a.articleId()))
                            && a.ruleId().equals("sanctions-violation")).singleElement()
                    .satisfies(a -> assertThat(a.events()).as(slug).extracting(ViolationEvent::commodity)
                            .contains("munitions"));
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        Map<String, ViolationRecord> ledger = CompactedTopicReader.read(p, "e2e-ledger", Topics.EVENTS);
        assertThat(ledger.values()).extracting(r -> r.commodity() + " " + r.from() + "→" + r.to() + " "
                + slugById.get(r.storyId())).contains("munitions KP→RU containers-najin-dunay");
        assertThat(ledger.values()).allSatisfy(r -> assertThat(r.reports()).as(r.id()).hasSize(1));
    }
}
