package io.newswatch.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.receiver.AlertReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Receivers built from a subscriptions file: named as there, and every bad setting reported where it is. */
class ReceiverFactoryTest {
    @TempDir
    Path dir;
    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private List<AlertReceiver> build(String receiversYaml) {
        Subscriptions subs = Subscriptions.parse("receivers:\n" + receiversYaml + "route:\n  receiver: desk\n",
                "subs.yaml");
        return new ReceiverFactory(console).build(subs);
    }

    @Test
    void everyTypeIsBuiltUnderItsOwnName() throws Exception {
        Path key = Files.writeString(dir.resolve("hmac"), "whsec_YS1zaWduaW5nLWtleS1vZi0zMi1jaGFyYWN0ZXJzISE=");
        List<AlertReceiver> receivers = build("""
                  - {name: desk, type: console, colour: 'false'}
                  - {name: archive, type: file, path: '%s'}
                  - {name: team, type: webhook, url: 'https://hooks.example.org/T0SECRET', signing_key: 'file:%s'}
                  - {name: slack-ops, type: slack, url: 'https://hooks.slack.example/services/T0SECRET'}
                  - {name: korea-desk, type: email, host: smtp.example.org, from: nw@example.org, to: [a@example.org, b@example.org]}
                """.formatted(dir.resolve("a.jsonl"), key));
        try {
            assertThat(receivers).extracting(AlertReceiver::name)
                    .containsExactly("desk", "archive", "team", "slack-ops", "korea-desk");
        } finally {
            receivers.forEach(AlertReceiver::close);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown setting   | '  - {name: desk, type: console, color: true}'                         | :2:33: receiver 'desk': unknown setting 'color'
            missing url       | '  - {name: desk, type: webhook}'                                      | receiver 'desk' needs 'url'
            loopback refused  | '  - {name: desk, type: webhook, url: ''http://127.0.0.1:9/T0SECRET''}' | allow_loopback
            unset env secret  | '  - {name: desk, type: slack, url: env:NEWSWATCH_TEST_UNSET_VARIABLE}'  | env:NEWSWATCH_TEST_UNSET_VARIABLE is not set
            not a boolean     | '  - {name: desk, type: webhook, url: ''https://x.example/'', allow_private: maybe}' | 'allow_private' must be true or false
            email without to  | '  - {name: desk, type: email, host: h, from: f@x.example}'            | missing 'to'
            bad starttls      | '  - {name: desk, type: email, host: h, from: f@x.example, to: t@x.example, starttls: sometimes}' | 'starttls' must be required, optional or none
            """)
    void badSettingsSayWhereAndWhich(String name, String yaml, String expected) {
        assertThatThrownBy(() -> build(yaml + "\n")).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("subs.yaml:").hasMessageContaining(expected)
                .hasMessageNotContaining("T0SECRET");
    }
}
