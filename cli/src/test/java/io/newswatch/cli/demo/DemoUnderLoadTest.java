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
 * behind tagging: here every core is kept busy by other threads for the whole run. The sample's articles raise 24
 * alerts on 10 articles; before, a busy machine printed fewer while more were delivered after the summary.
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
        assertThat(summary.alerts()).as("alerts in the summary").isEqualTo(delivered.size()).isEqualTo(24);
        assertThat(summary.alertedArticleIds()).as("alerted articles in the summary")
                .isEqualTo(deliveredArticles).hasSize(10);
        assertThat(summary.alertsByRule()).isEqualTo(delivered.stream()
                .collect(Collectors.groupingBy(Alert::ruleId, Collectors.summingInt(a -> 1))));

        // the pages modelled on the seed pages raise sanctions alerts that carry their events, and the summary
        // lists the ledger those events fed
        for (String slug : List.of("containers-najin-dunay", "kim-far-east-visit")) {
            assertThat(delivered).filteredOn(a -> a.ruleId().equals("sanctions-violation")
                    && a.url().endsWith("/news/" + slug + ".html")).singleElement()
                    .satisfies(a -> assertThat(a.eventSummaries()).as(slug).anyMatch(e -> e.startsWith(
                            "KP → RU · munitions")));
        }
        assertThat(delivered).filteredOn(a -> a.url().endsWith("/news/containers-najin-dunay.html"))
                .allSatisfy(a -> assertThat(a.eventSummaries()).as("every alert of the article, " + a.ruleId())
                        .anyMatch(e -> e.startsWith("KP → RU · munitions · 1,000 containers")));
        assertThat(summary.events()).anySatisfy(r -> {
            assertThat(r.commodity()).isEqualTo("munitions");
            assertThat(r.amount()).isEqualTo(1000L);
            assertThat(r.reports()).singleElement().satisfies(rep -> assertThat(rep.url())
                    .endsWith("/news/containers-najin-dunay.html"));
        });
    }
}
