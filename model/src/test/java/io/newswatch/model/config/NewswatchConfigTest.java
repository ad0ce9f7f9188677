package io.newswatch.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewswatchConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsLayerIsTheDefaultFileAndSetsEveryKeyOnceInTheOrderOfTheKeyList() throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        try (InputStream in = NewswatchConfig.class.getResourceAsStream(NewswatchConfig.DEFAULT_FILE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf(": "));
                assertThat(lines.put(key, line)).as("second line for " + key).isNull();
            }
        }
        assertThat(lines.keySet()).containsExactlyElementsOf(ConfigKeys.ALL.stream().map(ConfigKey::name).toList());
        NewswatchConfig defaults = NewswatchConfig.defaults();
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            assertThat(defaults.origin(k)).as(k.name()).isEqualTo("default");
            defaults.get(k); // every default is a value its key accepts
        }
        // and the default file itself loads as a user's config file, to the same values
        Path copy = dir.resolve("d.yaml");
        try (InputStream in = NewswatchConfig.class.getResourceAsStream(NewswatchConfig.DEFAULT_FILE)) {
            Files.copy(in, copy);
        }
        assertThat(NewswatchConfig.load(copy, Map.of()).asText()).isEqualTo(defaults.asText());
    }

    @ParameterizedTest(name = "{0} defaults to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kafka.bootstrap.servers      | ''
            broker.port                  | 9092
            ingest.poll.interval         | PT10M
            ingest.max.body              | 5242880
            streams.processing.guarantee | exactly_once_v2
            streams.commit.interval      | PT0.05S
            alerts.console               | true
            alerts.delivery.max.age      | PT1H
            console.bind                 | 127.0.0.1
            """)
    void typedDefaultsAsTheDefaultFileWritesThem(String key, String expected) {
        ConfigKey<?> k = ConfigKeys.ALL.stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow();
        assertThat(String.valueOf(NewswatchConfig.defaults().get(k))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a bad value, nested    | 'streams:\\n  threads: 99\\n'        | :2:3  | streams.threads
            a bad value, dotted    | 'broker.port: 9092\\nbroker.port2: 1\\n' | :2:1  | broker.port2
            a list for a value     | 'alerts.file:\\n  - a\\n  - b\\n'   | :1:1  | single value
            a key given twice      | 'broker.port: 1\\nbroker.port: 2\\n' | :2:1  | given twice
            not YAML               | 'broker: [port\\n'                 | :1:14 | not valid YAML
            """)
    void aBadFileFailsFastWithTheKeyAndItsLineAndColumn(String what, String yaml, String at, String named)
            throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> NewswatchConfig.load(f, Map.of()))
                .as(what)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f + at).hasMessageContaining(named);
    }

    @Test
    void fileThenEnvironmentOverride() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "kafka:\n  bootstrap.servers: file:9092\nstreams.commit.interval: 2s\nalerts.console: false\n");
        NewswatchConfig c = NewswatchConfig.load(f, Map.of("NEWSWATCH_STREAMS_COMMIT_INTERVAL", "250ms"));
        assertThat(c.get(ConfigKeys.BOOTSTRAP_SERVERS)).isEqualTo("file:9092");
        assertThat(c.hasBootstrapServers()).isTrue();
        assertThat(c.get(ConfigKeys.COMMIT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
        assertThat(c.origin(ConfigKeys.COMMIT_INTERVAL)).isEqualTo("environment NEWSWATCH_STREAMS_COMMIT_INTERVAL");
        assertThat(c.get(ConfigKeys.ALERTS_CONSOLE)).isFalse();
        assertThat(NewswatchConfig.load(f, Map.of("NEWSWATCH_BOOTSTRAP_SERVERS", "env:1")).get(ConfigKeys.BOOTSTRAP_SERVERS))
                .isEqualTo("env:1");
    }

    @Test
    void unknownKeyNamesTheKeyAndItsPosition() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "alerts.console: true\nalerts:\n  fiel: x.jsonl\n");
        assertThatThrownBy(() -> NewswatchConfig.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.fiel").hasMessageContaining(f + ":3:");
    }

    @Test
    void aRetiredKeyLoadsWithOneWarningNamingWhatReplacedIt() throws IOException {
        Path f = dir.resolve("old.yaml");
        Files.writeString(f, "alerts.console: false\nalerts:\n  delivery:\n    attempts: 8\n");
        NewswatchConfig c = NewswatchConfig.load(f, Map.of());
        assertThat(c.get(ConfigKeys.ALERTS_CONSOLE)).isFalse();
        assertThat(c.warnings()).singleElement().asString()
                .contains("alerts.delivery.attempts").contains(f + ":4:").contains("no longer has an effect")
                .contains("alerts.delivery.circuit.failures").contains("alerts.delivery.max.age");
        assertThat(c.asText()).doesNotContainKey("alerts.delivery.attempts");
        assertThat(NewswatchConfig.load(f, Map.of("NEWSWATCH_BROKER_PORT", "9999")).warnings())
                .as("later layers keep the warning").hasSize(1);
        assertThat(NewswatchConfig.defaults().warnings()).isEmpty();
    }

    @Test
    void aKeyNearARetiredOneIsStillUnknown() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "alerts.delivery.atempts: 8\n");
        assertThatThrownBy(() -> NewswatchConfig.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'alerts.delivery.atempts'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "broker.port: 70000|broker.port",
            "streams.commit.interval: soon|streams.commit.interval",
            "alerts.console: maybe|alerts.console",
            "streams.processing.guarantee: at_most_once|streams.processing.guarantee",
            "ingest.max.body: lots|ingest.max.body",
            "ingest.page.retries: -1|ingest.page.retries",
            "ingest.page.retry.backoff: -1m|ingest.page.retry.backoff",
            "ingest.page.retry.queue: 0|ingest.page.retry.queue"})
    void invalidValuesFailFastWithTheKeyName(String yaml, String key) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml + "\n");
        assertThatThrownBy(() -> NewswatchConfig.load(f, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key).hasMessageContaining(":1:");
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> NewswatchConfig.load(null, Map.of("NEWSWATCH_BROKER_PORT", "x")))
                .hasMessageContaining("broker.port").hasMessageContaining("NEWSWATCH_BROKER_PORT");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "alerts.console: true\nalerts.file: a: b\n");
        assertThatThrownBy(() -> NewswatchConfig.load(f, Map.of())).hasMessageContaining(f.toString())
                .hasMessageContaining("YAML");
    }

    @Test
    void kafkaClientPassThrough() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "kafka.client.security.protocol: SASL_SSL\nkafka.bootstrap.servers: h:9093\n");
        var p = NewswatchConfig.load(f, Map.of()).kafkaClientProperties();
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("bootstrap.servers", "h:9093");
    }

    @ParameterizedTest
    @CsvSource({"250ms,250", "30s,30000", "5m,300000", "2h,7200000", "1d,86400000", "PT1M,60000"})
    void durations(String text, long millis) {
        assertThat(ConfigKey.parseDuration(text).toMillis()).isEqualTo(millis);
    }
}
