package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The historical workflow of the README: load a WARC archive with the ingest backfill (twice: the second load adds
 * nothing), replay the rules over it, and compare two rule versions.
 */
class ReplayCommandTest {
    @RegisterExtension
    static final CommandRunner cli = CommandRunner.withBroker();

    @TempDir
    Path dir;

    @Test
    void aWarcBackfillFollowedByAReplayReportsTheMatchesPerRuleAndDay() throws Exception {
        Path warc = dir.resolve("coast.warc.gz");
        writeWarc(warc);
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - id: coast-archive
                    type: warc
                    path: %s
                    language: en
                """.formatted(warc));
        assertThat(cli.runWithConfig("ingest", "--sources", sources.toString(), "--source", "coast-archive",
                "--since", "2025-05-01", "--until", "2025-05-03")).isZero();
        assertThat(cli.out()).contains("published 4");
        assertThat(cli.runWithConfig("ingest", "--sources", sources.toString(), "--source", "coast-archive",
                "--since", "2025-05-01", "--until", "2025-05-03")).isZero();
        assertThat(cli.out()).as("the same archive again adds nothing").contains("published 0");

        Path out = dir.resolve("report");
        assertThat(cli.runWithConfig("replay", "--since", "2025-05-01", "--until", "2025-05-03", "--name",
                "coast-may", "--out", out.toString())).isZero();
        assertThat(cli.out()).contains("ru-kp").contains("2025-05-01").contains("2025-05-02")
                .contains("news.backtest.coast-may.tagged");
        List<String> csv = Files.readAllLines(out.resolve("matches.csv"));
        assertThat(csv.get(0)).startsWith("rule_id,");
        assertThat(csv).anyMatch(l -> l.startsWith("ru-kp,") && l.contains("Pyongyang"));
        assertThat(csv).noneMatch(l -> l.contains("Lighthouse keeper retires"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"match-chart\"")
                .contains("var uPlot=").contains("ru-kp");
        try (Admin admin = Admin.create(cli.clientProperties())) {
            assertThat(admin.listTopics().names().get()).contains("news.backtest.coast-may.alerts");
        }

        assertThat(cli.runWithConfig("replay", "--since", "2025-05-01", "--until", "2025-05-03", "--name",
                "coast-may", "--out", out.toString())).as("the name is taken").isEqualTo(2);
        assertThat(cli.err()).contains("--replace");

        Path narrowed = Files.writeString(dir.resolve("narrow.yaml"), """
                version: 2
                rules:
                  - id: ru-kp
                    title: Russia and North Korea, about a treaty
                    alert: true
                    query: SENTENCE(@RU AND @KP) AND treaty
                """);
        Path wide = Files.writeString(dir.resolve("wide.yaml"), """
                version: 2
                rules:
                  - id: ru-kp
                    title: Russia and North Korea
                    alert: true
                    query: SENTENCE(@RU AND @KP)
                """);
        assertThat(cli.runWithConfig("replay", "--since", "2025-05-01", "--until", "2025-05-03", "--diff",
                wide.toString(), narrowed.toString(), "--out", dir.resolve("diff").toString())).isZero();
        assertThat(cli.out()).contains("ru-kp").contains("Rail link talks in Pyongyang");
        assertThat(Files.exists(dir.resolve("diff").resolve("diff.csv"))).isTrue();
    }

    private static void writeWarc(Path file) throws IOException {
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP)) {
            writer.write(capture("https://coast-ledger.example/may/treaty", "2025-05-01T09:00:00Z",
                    "Treaty signed in Pyongyang",
                    "Moscow and Pyongyang signed a treaty on fishing rights on Thursday, officials said."));
            writer.write(capture("https://coast-ledger.example/may/rail", "2025-05-01T15:00:00Z",
                    "Rail link talks in Pyongyang",
                    "Russian and North Korean engineers met in Pyongyang to discuss the Tumen river rail bridge."));
            writer.write(capture("https://coast-ledger.example/may/ferry", "2025-05-02T10:00:00Z",
                    "Ferry from Vladivostok",
                    "A Russian ferry carried North Korean workers from Rajin to Vladivostok on Friday."));
            writer.write(capture("https://coast-ledger.example/may/lighthouse", "2025-05-02T12:00:00Z",
                    "Lighthouse keeper retires",
                    "The keeper of the north lighthouse retired after thirty winters on the cape."));
            writer.write(capture("https://coast-ledger.example/june/late", "2025-06-10T12:00:00Z",
                    "Out of range", "Moscow and Pyongyang agreed to meet again in the autumn."));
        }
    }

    private static WarcResponse capture(String url, String at, String headline, String sentence)
            throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline
                + "</title><meta property=\"article:published_time\" content=\"" + at + "\"></head><body><article><h1>"
                + headline + "</h1><p>" + sentence + "</p><p>The harbour office published the schedule for the "
                + "coming weeks on its notice board, as it does every month.</p></article></body></html>";
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8)).build();
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse(at)).body(http).build();
    }
}
