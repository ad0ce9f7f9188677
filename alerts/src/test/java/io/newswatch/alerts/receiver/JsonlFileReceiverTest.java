package io.newswatch.alerts.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFileReceiverTest {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    @TempDir
    Path dir;

    @Test
    void createsParentDirectoriesAndWritesOneParseableLinePerAlert() throws Exception {
        Path file = dir.resolve("deep/er/alerts.jsonl");
        List<Alert> alerts = List.of(TestAlerts.sanctions("a"), TestAlerts.sanctions("b"),
                TestAlerts.sanctions("c"));
        try (JsonlFileReceiver receiver = new JsonlFileReceiver(file)) {
            for (Alert a : alerts) {
                receiver.deliver(a);
                // each line is on disk as soon as deliver returns, before close
                assertThat(Files.readAllLines(file)).last().satisfies(l -> assertThat(SERDE.fromBytes(
                        l.getBytes(UTF_8))).isEqualTo(a));
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(l -> SERDE.fromBytes(l.getBytes(UTF_8))))
                .containsExactlyElementsOf(alerts);
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void appendsToWhatTheFileAlreadyHolds() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonlFileReceiver first = new JsonlFileReceiver(file)) {
            first.deliver(TestAlerts.sanctions("old"));
        }
        try (JsonlFileReceiver second = new JsonlFileReceiver(file)) {
            second.deliver(TestAlerts.sanctions("new"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void linesFromTwoThreadsNeverInterleave() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try (JsonlFileReceiver receiver = new JsonlFileReceiver(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (String thread : List.of("t1", "t2")) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        receiver.deliver(TestAlerts.sanctions(thread + "-" + i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2 * perThread);
        assertThat(lines.stream().map(l -> SERDE.fromBytes(l.getBytes(UTF_8))
                .storyId()).distinct()).hasSize(2 * perThread);
    }

    @Test
    void failsAtConstructionWhenTheFileCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> new JsonlFileReceiver(blocker.resolve("alerts.jsonl")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not-a-dir");
    }

    @Test
    void aGroupWritesOneLinePerAlertEachCarryingTheNotification() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        List<Alert> alerts = TestNotifications.threeAlerts();
        Notification group = TestNotifications.group(alerts);
        try (JsonlFileReceiver receiver = new JsonlFileReceiver(file)) {
            receiver.deliver(group);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            assertThat(SERDE.fromBytes(lines.get(i).getBytes(UTF_8))).isEqualTo(alerts.get(i));
            JsonNode notification = json.readTree(lines.get(i)).path("notification");
            assertThat(notification.path("kind").asText()).isEqualTo("group");
            assertThat(notification.path("key").asText()).isEqualTo(group.key());
            assertThat(notification.path("group").asText()).isEqualTo(TestNotifications.GROUP_LABEL);
            assertThat(lines.get(i)).contains(alerts.get(i).title());
        }
    }

    @Test
    void aSingleAlertNotificationWritesTheSameLineAsDeliveringTheAlert() throws Exception {
        Alert alert = TestAlerts.sanctions("single");
        Path viaAlert = dir.resolve("alert.jsonl");
        Path viaNotification = dir.resolve("notification.jsonl");
        try (JsonlFileReceiver a = new JsonlFileReceiver(viaAlert);
             JsonlFileReceiver n = new JsonlFileReceiver(viaNotification)) {
            a.deliver(alert);
            n.deliver(Notification.of(alert));
        }
        assertThat(Files.readAllBytes(viaNotification)).isEqualTo(Files.readAllBytes(viaAlert));
        assertThat(Files.readString(viaNotification)).doesNotContain("notification");
    }

    @Test
    void aLineCarriesTheEventsAndTheEvidenceRoles() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Alert proof = TestAlerts.withProof("jsonl-events", List.of(TestAlerts.munitions(),
                TestAlerts.hostileEvent()));
        try (JsonlFileReceiver receiver = new JsonlFileReceiver(file)) {
            receiver.deliver(proof);
        }
        String line = Files.readAllLines(file).get(0);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(line);
        assertThat(json.path("events")).hasSize(2);
        assertThat(json.path("events").get(0).path("commodity").asText()).isEqualTo("munitions");
        assertThat(json.path("events").get(1).path("attribution").asText())
                .isEqualTo(TestAlerts.HOSTILE_ATTRIBUTION);
        assertThat(json.path("evidence").get(0).path("role").asText()).isEqualTo("context");
        assertThat(SERDE.fromBytes(line.getBytes(UTF_8))).isEqualTo(proof);
    }
}
