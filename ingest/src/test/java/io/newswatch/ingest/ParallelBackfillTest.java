package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.TestArchives;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.model.Article;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A backfill that extracts on several threads publishes exactly what a one-thread backfill publishes: the same
 * records (keys and value bytes) in the same order on every partition, with the same counts, each run on a broker
 * of its own. The archive mixes what makes order and identity matter: pages of very different sizes (so later pages
 * finish first), one URL captured twice with different text (two versions of one key), a capture stored twice
 * (same identity), a page without article text and a binary one.
 */
class ParallelBackfillTest {
    private static final DateRange ALL_OF_2024 = new DateRange(Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-12-31T23:59:59Z"));
    private static EmbeddedKafka sequentialBroker;
    private static EmbeddedKafka parallelBroker;
    private static PoliteFetcher fetcher;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sequentialBroker = EmbeddedKafka.start(BrokerOptions.temporary());
        parallelBroker = EmbeddedKafka.start(BrokerOptions.temporary());
        fetcher = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(5),
                Duration.ofMillis(1), 1 << 20, 5, 4, Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        sequentialBroker.close();
        parallelBroker.close();
    }

    @Test
    void fourThreadsPublishWhatOneThreadPublishesInTheSameOrder() throws Exception {
        Path warc = dir.resolve("mixed.warc.gz");
        writeArchive(warc, 60);
        Source source = new Source("mixed-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);

        Run one = backfill(sequentialBroker, source, 1);
        Run four = backfill(parallelBroker, source, 4);

        // 60 pages and the 5 odd captures: the page without text and the binary page fail, the stored copy of a
        // capture is unchanged, both versions of the revised story are published
        assertThat(one.summary()).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                Backfill.Summary::unchanged, Backfill.Summary::failed, Backfill.Summary::complete)
                .containsExactly(65, 62, 1, 2, true);
        assertThat(four.summary()).extracting(Backfill.Summary::entries, Backfill.Summary::published,
                Backfill.Summary::unchanged, Backfill.Summary::failed, Backfill.Summary::complete)
                .containsExactly(65, 62, 1, 2, true);
        assertThat(four.onTopic()).isEqualTo(one.onTopic());
        assertThat(one.onTopic().values().stream().mapToInt(List::size).sum()).isEqualTo(62);
        // the revised story's two versions went out in archive order: the later text is the last on its key
        List<String> revised = one.onTopic().values().stream().flatMap(List::stream)
                .filter(r -> r.startsWith(one.revisedKey() + " ")).toList();
        assertThat(revised).hasSize(2);
        assertThat(revised.get(1)).contains("second edition");
        assertThat(four.acknowledgedTitles()).containsExactlyInAnyOrderElementsOf(one.acknowledgedTitles());
    }

    private record Run(Backfill.Summary summary, Map<Integer, List<String>> onTopic, String revisedKey,
                       List<String> acknowledgedTitles) {
    }

    private static Run backfill(EmbeddedKafka broker, Source source, int threads) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        List<Article> acknowledged = new CopyOnWriteArrayList<>();
        Backfill.Summary summary;
        try (Backfill backfill = new Backfill(NewswatchConfig.defaults(), p, fetcher, threads)) {
            backfill.onPublished(acknowledged::add);
            summary = backfill.run(source, ALL_OF_2024, null);
        }
        String revisedKey = acknowledged.stream().filter(a -> a.url().endsWith("/revised-story")).findFirst()
                .map(Article::id).orElseThrow();
        return new Run(summary, readTopic(p), revisedKey, acknowledged.stream().map(Article::title).toList());
    }

    /** Every record on news.articles, per partition in offset order, as "key value". */
    private static Map<Integer, List<String>> readTopic(Properties connection) {
        Properties p = (Properties) connection.clone();
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<Integer, List<String>> records = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topics.ARTICLES.name();
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.computeIfAbsent(r.partition(), k -> new ArrayList<>())
                            .add(r.key() + " " + new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return records;
    }

    /**
     * {@code pages} article pages whose sizes cycle from under 1 KB to about 130 KB, then the odd captures: the
     * revised story twice, the first capture stored again, a page without text and a binary body.
     */
    private static void writeArchive(Path file, int pages) throws IOException {
        List<WarcResponse> records = new ArrayList<>();
        String firstPage = null;
        Instant day = Instant.parse("2024-05-01T06:00:00Z");
        for (int i = 0; i < pages; i++) {
            int paragraphs = 1 + (i * 7 % 11) * (i % 3 == 0 ? 120 : 4);
            String[] body = new String[paragraphs];
            for (int k = 0; k < paragraphs; k++) {
                body[k] = "Report " + i + ", paragraph " + k + ": the harbour board counted " + (i * 31 + k)
                        + " vessels at anchor and " + (k % 9) + " cranes idle during the night shift.";
            }
            String html = TestArchives.articlePage("Harbour log " + i, "", body);
            firstPage = firstPage == null ? html : firstPage;
            records.add(response("https://harbour-ledger.example/log/" + i, html, day.plusSeconds(600L * i)));
        }
        String first = TestArchives.articlePage("Revised story", "",
                "The first edition said the pier would close for a week for repairs to its decking.");
        String second = TestArchives.articlePage("Revised story", "",
                "The second edition said the pier would close for a fortnight, the repairs being larger.");
        records.add(response("https://harbour-ledger.example/revised-story", first, day.plusSeconds(90_000)));
        records.add(response("https://harbour-ledger.example/revised-story", second, day.plusSeconds(95_000)));
        records.add(response("https://harbour-ledger.example/log/0", firstPage, day));
        records.add(response("https://harbour-ledger.example/empty", "<html><head><title></title></head><body>"
                + "<nav></nav><script>var loaded = true;</script></body></html>", day.plusSeconds(99_000)));
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Arrays.fill(binary, 0, 16, (byte) 1);
        records.add(new WarcResponse.Builder(URI.create("https://harbour-ledger.example/photo"))
                .date(day.plusSeconds(99_500))
                .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html"), binary).build())
                .build());
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP)) {
            for (WarcResponse r : records) {
                writer.write(r);
            }
        }
    }

    private static WarcResponse response(String url, String html, Instant date) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8))
                .build();
        return new WarcResponse.Builder(URI.create(url)).date(date).body(http).build();
    }
}
