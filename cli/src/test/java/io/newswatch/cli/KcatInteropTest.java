package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Pipeline;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real non-Java client (kcat, librdkafka) publishes an article the pipeline processes, and reads the alert
 * back from news.alerts as valid JSON. CI installs kcat; where it is missing the test is skipped, and says so.
 */
class KcatInteropTest {
    @TempDir
    Path dir;

    static boolean kcatInstalled() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(p, "kcat").canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void kcatProducesAnArticleAndReadsTheAlertAsJson() throws Exception {
        assumeTrue(kcatInstalled(), "kcat is not installed (apt-get install kafkacat)");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary()); Lifecycle lifecycle = new Lifecycle()) {
            NewswatchConfig config = NewswatchConfig.defaults()
                    .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                    .with(ConfigKeys.STATE_DIR, dir.resolve("streams").toString())
                    .with(ConfigKeys.ALERTS_CONSOLE, "false");
            KafkaConnection conn = lifecycle.add(KafkaConnection.configuredOrLocal(config));
            Pipeline.start(lifecycle, conn, Tagger.withDefaultRules(),
                    DeliveryPlan.everyReceiver(List.of(new JsonlFileReceiver(dir.resolve("alerts.jsonl")))),
                    List.of());

            Article article = Article.of("https://kcat.example/story-1", "kcat", "Pact signed",
                    null, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:05:00Z"), "en",
                    "Russia and North Korea signed a mutual defence pact in Pyongyang on Wednesday.");
            String line = article.id() + "\t" + JsonSerde.of(Article.class).toJson(article) + "\n";
            Process produce = new ProcessBuilder("kcat", "-b", kafka.bootstrapServers(), "-P",
                    "-t", Topics.ARTICLES.name(), "-K", "\t").redirectErrorStream(true).start();
            produce.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
            produce.getOutputStream().close();
            assertThat(produce.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(produce.exitValue()).as(new String(produce.getInputStream().readAllBytes())).isZero();

            List<Alert> alerts = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (alerts.isEmpty() && System.nanoTime() < deadline) {
                Process consume = new ProcessBuilder("kcat", "-b", kafka.bootstrapServers(), "-C",
                        "-t", Topics.ALERTS.name(), "-o", "beginning", "-e", "-q", "-f", "%s\\n")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String output = new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(consume.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (String json : output.split("\n")) {
                    if (!json.isBlank()) {
                        // every line must be a valid Alert document
                        alerts.add(JsonSerde.of(Alert.class).fromBytes(json.getBytes(StandardCharsets.UTF_8)));
                    }
                }
                if (alerts.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            assertThat(alerts).extracting(Alert::ruleId).contains("ru-kp");
            assertThat(alerts).allSatisfy(a -> assertThat(a.articleId()).isEqualTo(article.id()));
            assertThat(alerts.get(0).firstEvidence()).contains("Russia and North Korea");
        }
    }
}
