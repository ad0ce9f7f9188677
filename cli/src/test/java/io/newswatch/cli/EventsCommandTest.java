package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newswatch events} against a real embedded broker. news.events holds, written once for the class: the
 * munitions event KP→RU twice (revision 0 with one report, then revision 1 with two), military technology RU→KP
 * with the vessel Angara, and a workers event KP→RU reported a day ago whose place is a spreadsheet formula and whose
 * vessel carries a terminal escape sequence.
 */
class EventsCommandTest {
    private static final Instant RECENT = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static final CommandRunner commands = CommandRunner.withBroker();

    private static ViolationRecord record(String id, String commodity, String from, String to, Instant latest,
                                          int reports, List<String> places, List<String> vessels, int revision) {
        List<ViolationRecord.Report> rs = new java.util.ArrayList<>();
        for (int i = 0; i < reports; i++) {
            rs.add(new ViolationRecord.Report("article-" + id + i, "https://outlet" + i + ".example/" + id,
                    "Headline " + i, "outlet" + i, latest.minusSeconds(3600L * (reports - 1 - i)), "asserted",
                    1000L, "Evidence sentence " + i + "."));
        }
        return new ViolationRecord(ViolationRecord.SCHEMA_VERSION, id, "story-" + id, commodity, from, to,
                "asserted", 1000L, "container", places, vessels, List.of(), List.of("2397"), List.of(), rs,
                rs.get(0).reportedAt(), latest, revision);
    }

    @BeforeAll
    static void writeLedger() throws Exception {
        Properties p = commands.clientProperties();
        try (Admin admin = Admin.create(p)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.EVENTS));
        }
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant oct = Instant.parse("2023-10-13T09:00:00Z");
        List<ViolationRecord> records = List.of(
                record("munitions-kp-ru", "munitions", "KP", "RU", oct.minusSeconds(3600), 1,
                        List.of("Najin", "Dunay"), List.of(), 0),
                record("tech-ru-kp", "military-technology", "RU", "KP", Instant.parse("2023-09-14T12:00:00Z"), 1,
                        List.of("Vostochny Cosmodrome"), List.of("Angara"), 0),
                record("munitions-kp-ru", "munitions", "KP", "RU", oct, 2, List.of("Najin", "Dunay", "Tikhoretsk"),
                        List.of(), 1),
                record("workers-kp-ru", "workers", "KP", "RU", RECENT, 1, List.of("=HYPERLINK(\"http://x\")"),
                        List.of("Sea\u001b[2JStar"), 0));
        try (var producer = new KafkaProducer<>(p, Topics.EVENTS.keySerde().serializer(),
                Topics.EVENTS.valueSerde().serializer())) {
            for (ViolationRecord r : records) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.name(), r.id(), r)).get();
            }
        }
    }

    @Test
    void theTableListsTheLatestRecordOfEachEventNewestFirst() {
        assertThat(commands.runWithConfig("events")).isZero();
        List<String> lines = commands.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("LATEST REPORT");
        assertThat(lines.get(1)).contains("KP→RU", "workers").doesNotContain("\u001b").contains("Sea [2JStar");
        assertThat(lines.get(2)).startsWith("2023-10-13 09:00  KP→RU    munitions")
                .contains("1,000 containers", "2/2", "Najin, Dunay, Tikhoretsk", "2397");
        assertThat(lines.get(3)).startsWith("2023-09-14 12:00  RU→KP    military-technology").contains("Angara");
        assertThat(commands.err()).contains("3 events (of 3 on news.events)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--commodity munitions              | munitions-kp-ru",
            "--commodity MUNITIONS --to ru      | munitions-kp-ru",
            "--from ru                          | tech-ru-kp",
            "--from KP --to RU                  | workers-kp-ru munitions-kp-ru",
            "--since 7d                         | workers-kp-ru",
            "--since 2023-10-01                 | workers-kp-ru munitions-kp-ru",
            "--since 2023-10-13T09:00:01Z       | workers-kp-ru",
            "--vessel angara                    | tech-ru-kp",
            "--place tikhor                     | munitions-kp-ru",
            "--place vladivostok                | ''"})
    void filtersSelectTheEvents(String options, String expectedIds) throws Exception {
        String[] args = ("events --json " + options).split(" ");
        assertThat(commands.runWithConfig(args)).isZero();
        List<String> ids = commands.out().lines().map(l -> {
            try {
                return Json.mapper().readValue(l, ViolationRecord.class).id();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(ids).containsExactlyElementsOf(expectedIds.isEmpty() ? List.of()
                : List.of(expectedIds.split(" ")));
    }

    @Test
    void jsonIsTheLedgerRecordAsOnTheTopic() throws Exception {
        assertThat(commands.runWithConfig("events", "--json", "--commodity", "munitions")).isZero();
        JsonNode row = Json.mapper().readTree(commands.out().lines().findFirst().orElseThrow());
        assertThat(row.get("revision").asInt()).isEqualTo(1);
        assertThat(row.get("reports")).hasSize(2);
        assertThat(row.get("places").toString()).isEqualTo("[\"Najin\",\"Dunay\",\"Tikhoretsk\"]");
    }

    @Test
    void csvHasAHeaderAndDefusesFormulas() {
        assertThat(commands.runWithConfig("events", "--csv", "--commodity", "workers")).isZero();
        String[] rows = commands.out().split("\r\n", -1);
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("latest_reported_at,first_reported_at,from,to,commodity,amount,unit,");
        assertThat(rows[1]).contains(",workers,1000,container,asserted,1,outlet0,\"'=HYPERLINK(\"\"http://x\"\")\",");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "events --json --csv            | --json",
            "events --commodity rifles      | --commodity must be one of",
            "events --from KPX              | --from must be a two-letter",
            "events --since last-week       | --since must be a duration"})
    void usageErrorsExitTwoAndNameTheOption(String command, String message) {
        assertThat(commands.runWithConfig(command.split(" "))).isEqualTo(2);
        assertThat(commands.err()).contains(message);
    }

    @Test
    void aClusterThatIsDownFailsFastNamingItsAddress() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        assertThat(commands.run("events", "-b", "127.0.0.1:" + port)).isEqualTo(1);
        // Kafka's own default would retry in silence for a minute; the command gives up after ten seconds
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        assertThat(commands.err()).contains("no Kafka broker answered at 127.0.0.1:" + port + " within 10 s")
                .contains("kafka.bootstrap.servers, from command line");
    }
}
