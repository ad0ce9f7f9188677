package io.newswatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.JsonSerde;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's summary counts every alert its articles raise, even when the story step and the alerts service lag
 * behind tagging: here every core is kept busy by other threads for the whole run. The sample's articles raise 14
 * alerts on 8 articles; before, a busy machine printed fewer (1 alert on 1 article, 4 on 3) while more were
 * delivered after the summary.
 */
class DemoUnderLoadTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryCountsEveryAlertWithTheCpuBusy() throws Exception {
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "cpu-burner-" + i);
            t.setDaemon(true);
            t.start();
            burners.add(t);
        }
        Path alertsFile = dir.resolve("demo-alerts.jsonl");
        DemoRun.Summary summary;
        try {
            summary = new DemoRun(NewswatchConfig.defaults(), alertsFile, dir.resolve("work"),
                    Duration.ofSeconds(240), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)).run();
        } finally {
            burning.set(false);
            for (Thread t : burners) {
                t.join();
            }
        }

        // run() has shut the pipeline down: the file holds every alert delivered, late ones included
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        List<Alert> delivered = Files.readAllLines(alertsFile).stream().filter(l -> !l.isBlank())
                .map(l -> serde.fromBytes(l.getBytes(StandardCharsets.UTF_8))).toList();
        Set<String> deliveredArticles = delivered.stream().map(Alert::articleId).collect(Collectors.toSet());
        assertThat(summary.alerts()).as("alerts in the summary").isEqualTo(delivered.size()).isEqualTo(14);
        assertThat(summary.alertedArticleIds()).as("alerted articles in the summary")
                .isEqualTo(deliveredArticles).hasSize(8);
        assertThat(summary.alertsByRule()).isEqualTo(delivered.stream()
                .collect(Collectors.groupingBy(Alert::ruleId, Collectors.summingInt(a -> 1))));
    }
}
