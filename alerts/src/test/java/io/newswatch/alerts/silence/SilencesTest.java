package io.newswatch.alerts.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Silence;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Silences against a real embedded broker, shared by the tests: each test uses its own rule ids, so silences other
 * tests set never match its alerts.
 */
class SilencesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static EmbeddedKafka kafka;
    private static Properties kafkaProps;
    private final List<Silences> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        kafkaProps = new Properties();
        kafkaProps.put("bootstrap.servers", kafka.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void closeFollowers() {
        started.forEach(Silences::close);
    }

    private Silences startSilences(String clientId) {
        Silences s = new Silences(kafkaProps, clientId);
        started.add(s);
        s.start();
        return s;
    }

    private static Alert alert(String ruleId, String severity) {
        Alert a = TestAlerts.sanctions("story-" + ruleId + "-" + severity);
        return new Alert(a.schemaVersion(), a.id(), ruleId, a.ruleTitle(), a.ruleVersion(), severity, a.storyId(),
                a.articleId(), a.title(), a.url(), a.sourceId(), a.publishedAt(), a.entities(), a.tags(),
                a.evidence(), a.raisedAt(), 0, List.of(), "en-GB");
    }

    private static Silence silence(Map<String, List<String>> conditions, Instant startsAt, Instant endsAt) {
        return Silence.create(conditions, startsAt, endsAt, "maintenance of the test feed", Instant.now());
    }

    @Test
    void aSilenceSetBeforeAnInstanceStartsIsHonouredAsSoonAsStartReturns() {
        Instant now = Instant.now();
        Silence set = SilenceWriter.add(kafkaProps, "test-add", silence(
                Map.of("rule", List.of("ferry-delays"), "min_severity", List.of("warning")),
                now.minusSeconds(60), now.plus(Duration.ofHours(2))));

        // a fresh instance, as after a restart: start() alone must be enough, no waiting
        Silences restarted = startSilences("test-restarted");
        assertThat(restarted.silencing(alert("ferry-delays", "critical"), now)).contains(set);
        assertThat(restarted.silencing(alert("ferry-delays", "warning"), now)).contains(set);
        assertThat(restarted.silencing(alert("ferry-delays", "info"), now)).as("below min_severity").isEmpty();
        assertThat(restarted.silencing(alert("port-closures", "critical"), now)).as("another rule").isEmpty();
        assertThat(restarted.active(now)).contains(set);
        assertThat(set.createdBy()).contains("@").startsWith(System.getProperty("user.name"));
    }

    @Test
    void everyConditionMustHoldAndLanguageMatchesByPrimarySubtag() {
        Instant now = Instant.now();
        Silence set = SilenceWriter.add(kafkaProps, "test-conditions", silence(Map.of(
                "rule", List.of("grain-exports"), "entities", List.of("KP", "RU"), "language", List.of("en")),
                now, now.plusSeconds(3600)));
        Silences silences = startSilences("test-conditions");

        assertThat(silences.silencing(alert("grain-exports", "info"), now)).contains(set);
        Alert french = alert("grain-exports", "info").withLanguage("fr");
        assertThat(silences.silencing(french, now)).isEmpty();
    }

    @Test
    void aSilenceSilencesOnlyBetweenItsStartAndItsEnd() {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        Instant end = start.plus(Duration.ofMinutes(30));
        Silence later = SilenceWriter.add(kafkaProps, "test-window",
                silence(Map.of("rule", List.of("customs-seizures")), start, end));
        Silence past = SilenceWriter.add(kafkaProps, "test-window", silence(Map.of("rule", List.of("customs-seizures")),
                Instant.now().minus(Duration.ofHours(3)), Instant.now().minus(Duration.ofHours(1))));
        Silences silences = startSilences("test-window");
        Alert a = alert("customs-seizures", "critical");

        assertThat(silences.silencing(a, Instant.now())).as("one not started, one ended").isEmpty();
        assertThat(silences.silencing(a, start)).contains(later);
        assertThat(silences.silencing(a, end.minusMillis(1))).contains(later);
        assertThat(silences.silencing(a, end)).as("the end is exclusive").isEmpty();
        assertThat(silences.all()).contains(later, past);
        assertThat(silences.active(Instant.now())).doesNotContain(later, past);
    }

    @Test
    void addingAndExpiringReachARunningInstanceAndExpiryKeepsTheHistory() {
        Silences running = startSilences("test-follow");
        Alert a = alert("border-crossings", "warning");
        assertThat(running.silencing(a, Instant.now())).isEmpty();

        Silence set = SilenceWriter.add(kafkaProps, "test-follow", silence(Map.of("rule", List.of("border-crossings")),
                Instant.now(), Instant.now().plus(Duration.ofHours(2))));
        await().atMost(WAIT).until(() -> running.silencing(a, Instant.now()).isPresent());

        Instant expiredAt = Instant.now();
        Silence expired = SilenceWriter.expire(kafkaProps, "test-follow", set.id(), expiredAt).orElseThrow();
        assertThat(expired.endsAt()).isEqualTo(expiredAt);
        assertThat(expired.id()).isEqualTo(set.id());
        await().atMost(WAIT).until(() -> running.silencing(a, Instant.now()).isEmpty());
        assertThat(running.all()).contains(expired);

        assertThat(SilenceWriter.expire(kafkaProps, "test-follow", set.id(), Instant.now()))
                .as("expiring again changes nothing").contains(expired);
        assertThat(SilenceWriter.expire(kafkaProps, "test-follow", "no-such-id", Instant.now())).isEmpty();
        assertThat(Silences.read(kafkaProps, "test-follow").get(set.id())).isEqualTo(expired);
    }

    @Test
    void aSilenceWithInvalidConditionsOnTheTopicSilencesNothing() throws Exception {
        Instant now = Instant.now();
        Silence empty = new Silence("no-conditions", Map.of(), now, now.plusSeconds(3600), "written by hand",
                "someone@somewhere", now);
        Silence unknownKey = new Silence("unknown-key", Map.of("colour", List.of("red")), now,
                now.plusSeconds(3600), "written by hand", "someone@somewhere", now);
        Silences.ensureTopic(kafkaProps, "test-invalid");
        try (var producer = new KafkaProducer<>(kafkaProps, Topics.SILENCES.keySerde().serializer(),
                Topics.SILENCES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.SILENCES.name(), empty.id(), empty)).get();
            producer.send(new ProducerRecord<>(Topics.SILENCES.name(), unknownKey.id(), unknownKey)).get();
        }
        Silences silences = startSilences("test-invalid");

        assertThat(silences.silencing(alert("anything-at-all", "critical"), now)).isEmpty();
        assertThat(silences.all()).extracting(Silence::id).doesNotContain("no-conditions", "unknown-key");
    }

    @Test
    void invalidConditionsAreRefusedNamingTheProblemAndNothingIsWritten() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> Silences.matcher(Map.of("colour", List.of("red"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour'");
        assertThatThrownBy(() -> Silences.matcher(Map.of("severity", List.of("urgent"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'urgent'");
        assertThatThrownBy(() -> Silences.matcher(Map.of("min_severity", List.of("loud"))))
                .hasMessageContaining("'loud'");
        assertThatThrownBy(() -> Silences.matcher(Map.of("min_severity", List.of("info", "critical"))))
                .hasMessageContaining("min_severity takes one value");
        assertThatThrownBy(() -> Silences.matcher(Map.of()))
                .hasMessageContaining("at least one condition");
        assertThatThrownBy(() -> Silences.matcher(Map.of("rule", List.of(" "))))
                .hasMessageContaining("'rule' has a blank value");
        assertThat(Silences.matcher(Map.of("severity", List.of("Critical"))).matches(alert("x", "critical")))
                .as("severities are case-insensitive").isTrue();

        Silence backwards = silence(Map.of("rule", List.of("refused")), now, now.minusSeconds(1));
        assertThatThrownBy(() -> SilenceWriter.add(kafkaProps, "test-refused", backwards))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
        Silence unknown = silence(Map.of("rule", List.of("refused"), "mood", List.of("calm")), now,
                now.plusSeconds(60));
        assertThatThrownBy(() -> SilenceWriter.add(kafkaProps, "test-refused", unknown))
                .hasMessageContaining("'mood'");
        assertThat(Silences.read(kafkaProps, "test-refused")).doesNotContainKeys(backwards.id(), unknown.id());
    }
}
