package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch subscribe} against a real embedded broker: which topics, where it starts, how it prints. */
class SubscribeCommandTest {
    // recent days, not fixed dates: the alert topics keep 30 days, and the broker deletes older records by their
    // timestamps as soon as its retention check runs, whatever the test is doing then
    private static final Instant DAY2 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1))
            .plus(Duration.ofHours(9));
    private static final Instant DAY1 = DAY2.minus(Duration.ofDays(1));
    private static EmbeddedKafka kafka;
    /** Measured by the SIGTERM test; printed after the tests, since the command runner holds System.out. */
    private static long stopMillis = -1;

    @RegisterExtension
    final CommandRunner cli = new CommandRunner();
    @TempDir
    Path dir;

    private static Alert alert(String rule, String title, Instant at) {
        return new Alert(Alert.SCHEMA_VERSION, rule + "-" + title.hashCode(), rule, rule + " title", "v1", "warning",
                "story", "article", title, "https://wire.example/" + title.hashCode(), "wire", at, List.of("KP", "RU"),
                List.of(rule), List.of(new Evidence(rule, "Moscow and Pyongyang signed a pact.", 0, 35,
                        List.of("Moscow", "Pyongyang"))), at);
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        TopicSpec<String, Alert> ruKp = Topics.alertsForRule("ru-kp");
        try (Admin admin = Admin.create(p)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.ALERTS, ruKp, Topics.alertsForRule("cn-kp"),
                    Topics.alertsForRule("sanctions-violation")));
        }
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer())) {
            for (Alert a : List.of(alert("ru-kp", "Pact signed", DAY1), alert("cn-kp", "Trade talks", DAY1),
                    alert("ru-kp", "Second summit", DAY2))) {
                Instant at = a.raisedAt();
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), null, at.toEpochMilli(), a.id(), a)).get();
                producer.send(new ProducerRecord<>(Topics.alertsForRule(a.ruleId()).name(), null, at.toEpochMilli(),
                        a.id(), a)).get();
            }
            // on its rule's topic only, so the other tests' counts of news.alerts stay as they are
            Alert proof = sanctionsAlert();
            producer.send(new ProducerRecord<>(Topics.alertsForRule("sanctions-violation").name(), null,
                    DAY2.toEpochMilli(), proof.id(), proof)).get();
        }
    }

    private static final String CONTEXT = "Kim Jong Un toured a shell factory in the spring.";
    private static final String DECISIVE = "The White House said North Korea shipped more than 1,000 containers "
            + "of munitions to Russia.";

    /** Its evidence lists a context sentence before the decisive one; one event's attribution is hostile. */
    private static Alert sanctionsAlert() {
        List<Evidence> evidence = List.of(
                new Evidence("sanctions-violation", Evidence.CONTEXT, CONTEXT, 0, CONTEXT.length(), List.of()),
                new Evidence("sanctions-violation", DECISIVE, 60, 60 + DECISIVE.length(), List.of("munitions")));
        List<ViolationEvent> events = List.of(
                new ViolationEvent("munitions", "KP", "RU", 1000L, "container", List.of("Najin", "Dunay"), List.of(),
                        List.of(), List.of(), "asserted", "the White House", null),
                new ViolationEvent("weapons", "KP", "RU", null, null, List.of(), List.of(), List.of(), List.of(),
                        "possible", "a blog\n[critical] forged-rule  Forged\u001b[2J", null));
        return new Alert(Alert.SCHEMA_VERSION, "sv-1", "sanctions-violation", "Sanctions breach", "v1", "critical",
                "story-sv", "article-sv", "Shells for Russia", "https://wire.example/sv", "wire", DAY2,
                List.of("KP", "RU"), List.of("sanctions-violation"), evidence, DAY2).withEvents(events);
    }

    @Test
    void printsTheDecisiveSentenceAndOneSummaryLinePerEvent() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        assertThat(cli.run("subscribe", "sanctions-violation", "--from-beginning", "--max", "1", "--config",
                config.toString())).isZero();
        assertThat(cli.out().lines().toList()).containsSubsequence(
                "[critical] sanctions-violation  Shells for Russia",
                "  \"" + DECISIVE + "\"",
                "  - KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)",
                "  - KP → RU · weapons · possible (a blog [critical] forged-rule Forged\uFFFD[2J)",
                "  https://wire.example/sv");
        assertThat(cli.out()).doesNotContain(CONTEXT).doesNotContain("\u001b[2J");
    }

    @Test
    void jsonCarriesTheEventsAndTheEvidenceRoles() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        assertThat(cli.run("subscribe", "sanctions-violation", "--from-beginning", "--format", "json", "--max", "1",
                "--config", config.toString())).isZero();
        JsonNode a = Json.mapper().readTree(cli.out().strip());
        assertThat(a.get("events")).hasSize(2);
        assertThat(a.get("events").get(0).get("commodity").asText()).isEqualTo("munitions");
        assertThat(a.get("evidence").get(0).get("role").asText()).isEqualTo("context");
    }

    @AfterAll
    static void stop() {
        if (stopMillis >= 0) {
            System.out.println("subscribe exited " + stopMillis + " ms after SIGTERM");
        }
        kafka.close();
    }

    @Test
    void followsOneRuleFromTheBeginningReadably() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        assertThat(cli.run("subscribe", "ru-kp", "--from-beginning", "--max", "2", "--config", config.toString()))
                .isZero();
        assertThat(cli.out()).contains("[warning] ru-kp  Pact signed").contains("[warning] ru-kp  Second summit")
                .contains("\"Moscow and Pyongyang signed a pact.\"").doesNotContain("cn-kp");
    }

    @Test
    void sinceStartsAtThatDayAndJsonIsOneAlertPerLine() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        assertThat(cli.run("subscribe", "--since", DAY2.atOffset(ZoneOffset.UTC).toLocalDate().toString(), "--format", "json", "--idle-exit", "3s",
                "--config", config.toString())).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode a = Json.mapper().readTree(lines.get(0));
        assertThat(a.get("title").asText()).isEqualTo("Second summit");
        assertThat(a.get("ruleId").asText()).isEqualTo("ru-kp");
    }

    @Test
    void everyAlertWithoutRulesAndClearErrorsForUnknownOnes() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        assertThat(cli.run("subscribe", "--from-beginning", "--format", "json", "--max", "3", "--config",
                config.toString())).isZero();
        assertThat(cli.out().lines()).hasSize(3);
        assertThat(cli.run("subscribe", "never-loaded", "--config", config.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("news.alerts.never-loaded");
        assertThat(cli.run("subscribe", "Bad Rule", "--config", config.toString())).isEqualTo(2);
        assertThat(cli.run("subscribe", "--format", "xml", "--config", config.toString())).isEqualTo(2);
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM run the shutdown hooks; {@link Process#destroy()} sends SIGTERM. A follower that
     * is waiting for alerts stops at once: before, its hook waited 5 s for the main thread, which was blocked in
     * the {@code System.exit} that ends every command.
     */
    @Test
    void aFollowerStopsAtOnceOnSigterm() throws Exception {
        Path config = CommandRunner.writeConfig(dir, kafka.bootstrapServers());
        Path out = dir.resolve("subscribe.out");
        Process follower = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the test class path may hold several logback-test.xml (the broker's test helpers bring one), about
                // which logback would print its status to standard output, which here is the alerts
                "-Xmx256m", "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", System.getProperty("java.class.path"), Newswatch.class.getName(),
                "subscribe", "--from-beginning", "--format", "json", "--config", config.toString())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("subscribe.err").toFile())
                .start();
        try {
            // the three alerts printed: it is following, waiting for the next one
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(out) && Files.readAllLines(out).size() == 3);
            long t0 = System.nanoTime();
            follower.destroy();
            boolean exited = follower.waitFor(10, TimeUnit.SECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            stopMillis = millis;
            assertThat(exited).isTrue();
            // 4 s, not less: a JVM's exit on a loaded 2-core CI machine can take a few seconds, and 4 s still
            // proves the old 5 s join in the shutdown hook is gone
            assertThat(millis).as("ms from SIGTERM to exit").isLessThan(4_000);
        } finally {
            follower.destroyForcibly();
        }
    }
}
