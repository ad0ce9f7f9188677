package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.ConsoleReceiver;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.alerts.routing.ReceiverFactory;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
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

class ReceiversFromKeysTest {
    @TempDir
    Path dir;

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void buildsConsoleFileAndWebhookInThatOrder() {
        Path file = dir.resolve("a/alerts.jsonl");
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.ALERTS_FILE, file.toString())
                .with(ConfigKeys.ALERTS_WEBHOOK_URL, "https://hooks.example.org/services/T0SECRET");
        List<AlertReceiver> receivers = new ReceiverFactory(console).fromKeys(config);
        try {
            assertThat(receivers).hasSize(3);
            assertThat(receivers.get(0)).isInstanceOf(ConsoleReceiver.class);
            assertThat(receivers.get(1)).isInstanceOfSatisfying(JsonlFileReceiver.class,
                    r -> assertThat(r.file()).isEqualTo(file));
            assertThat(receivers.get(2)).isInstanceOf(WebhookReceiver.class);
            assertThat(receivers.get(2).name()).isEqualTo("webhook(https://hooks.example.org/…)");
            assertThat(Files.exists(file)).isTrue();
        } finally {
            receivers.forEach(AlertReceiver::close);
        }
    }

    @Test
    void theSubscriptionsFileWhenSetTheKeysOtherwise() throws Exception {
        Path subscriptions = dir.resolve("subscriptions.yaml");
        Files.writeString(subscriptions, """
                receivers:
                  - name: desk
                    type: file
                    path: %s
                route:
                  receiver: desk
                """.formatted(dir.resolve("desk.jsonl")));
        NewswatchConfig keys = NewswatchConfig.defaults().with(ConfigKeys.ALERTS_FILE, "");
        DeliveryPlan byKeys = DeliveryPlan.fromConfig(keys, console);
        DeliveryPlan routed = DeliveryPlan.fromConfig(keys.with(ConfigKeys.SUBSCRIPTIONS_FILE,
                subscriptions.toString()), console);
        try {
            assertThat(byKeys.receivers()).extracting(AlertReceiver::name).containsExactly("console");
            assertThat(routed.receivers()).extracting(AlertReceiver::name).containsExactly("desk");
            assertThat(routed.root().receivers()).containsExactly("desk");
        } finally {
            byKeys.receivers().forEach(AlertReceiver::close);
            routed.receivers().forEach(AlertReceiver::close);
        }
    }

    @Test
    void emptySettingsTurnReceiversOff() {
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.ALERTS_CONSOLE, "false")
                .with(ConfigKeys.ALERTS_FILE, "")
                .with(ConfigKeys.ALERTS_WEBHOOK_URL, "");
        assertThat(new ReceiverFactory(console).fromKeys(config)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'https://hooks.example.org/T0SECRET with space', not a valid URL",
            "ftp://hooks.example.org/T0SECRET,                 absolute http(s) URL",
            "/relative/T0SECRET,                               absolute http(s) URL"})
    void aBadWebhookUrlIsAConfigErrorThatDoesNotQuoteTheUrl(String url, String says) {
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.ALERTS_CONSOLE, "false")
                .with(ConfigKeys.ALERTS_FILE, dir.resolve("alerts.jsonl").toString())
                .with(ConfigKeys.ALERTS_WEBHOOK_URL, url);
        assertThatThrownBy(() -> new ReceiverFactory(console).fromKeys(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("alerts.webhook.url (command line): ")
                .hasMessageContaining(says)
                .hasMessageNotContaining("T0SECRET");
    }

    @Test
    void loopbackWebhooksNeedTheKeyAndASigningKeyIsReadFromItsReference() throws Exception {
        NewswatchConfig base = NewswatchConfig.defaults()
                .with(ConfigKeys.ALERTS_CONSOLE, "false")
                .with(ConfigKeys.ALERTS_FILE, "")
                .with(ConfigKeys.ALERTS_WEBHOOK_URL, "http://127.0.0.1:9/hook/T0SECRET");
        assertThatThrownBy(() -> new ReceiverFactory(console).fromKeys(base))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhook.allow.loopback")
                .hasMessageNotContaining("T0SECRET");

        Path key = Files.writeString(dir.resolve("hmac.key"), "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n");
        List<AlertReceiver> receivers = new ReceiverFactory(console).fromKeys(base
                .with(ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK, "true")
                .with(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY, "file:" + key));
        try {
            assertThat(receivers).singleElement().isInstanceOf(WebhookReceiver.class);
        } finally {
            receivers.forEach(AlertReceiver::close);
        }
        assertThatThrownBy(() -> new ReceiverFactory(console).fromKeys(base
                .with(ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK, "true")
                .with(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY, "file:" + dir.resolve("missing.key"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.key");
    }
}
