package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingester against a loopback news site and the real embedded Kafka broker. */
class IngestServiceIntegrationTest {
    @RegisterExtension
    static final LoopbackIngest ingest = new LoopbackIngest(Duration.ofMillis(5));
    private static EmbeddedKafka kafka;
    private LoopbackSite site;
    private PoliteFetcher fetcher;

    @BeforeEach
    void bind() {
        kafka = ingest.kafka();
        site = ingest.site();
        fetcher = ingest.fetcher();
    }

    private static String articlePage(String headline, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><title>" + headline + " | Loopback Times</title></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>" + headline + "</h1>" + body + "</article>"
                + "<footer>Loopback Times, all rights reserved.</footer></body></html>";
    }

    private void publishSite(String secondGuid) {
        site.put("/rss.xml", Page.of("application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Times</title><link>%s</link><description>d</description>
                  <item><title>Grain convoy crosses the border</title><link>/world/grain-convoy</link>
                    <guid>lt-1</guid><pubDate>Mon, 04 Mar 2024 07:00:00 GMT</pubDate></item>
                  <item><title>Ferry service returns</title><link>/world/ferry-returns?utm_source=rss</link>
                    <guid>%s</guid></item>
                  <item><title>Customs rules tightened</title><link>/world/customs-rules</link>
                    <guid>lt-3</guid></item>
                </channel></rss>
                """.formatted(site.url("/"), secondGuid)));
    }

    private void putPages(String ferryText) {
        site.put("/world/grain-convoy", Page.of("text/html", articlePage("Grain convoy crosses the border",
                "A convoy of forty grain lorries crossed the border on Monday morning, officials said.",
                "The shipment had waited at the checkpoint for nine days, according to the drivers.")));
        site.put("/world/ferry-returns?utm_source=rss", Page.of("text/html", articlePage("Ferry service returns",
                ferryText, "Tickets go on sale next week, the operator said in a statement.")));
        site.put("/world/customs-rules", Page.of("text/html", articlePage("Customs rules tightened",
                "New customs rules require a full manifest for every container, the ministry announced.",
                "Traders have three months to adapt, and fines will follow after that, it added.")));
    }

    private Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private List<Source> sources() {
        return List.of(
                new Source("loopback-times", "rss", site.url("/rss.xml"), null, "en"),
                new Source("broken-feed", "feed", site.url("/broken.xml"), null, null));
    }

    private IngestService service() {
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.POLL_INTERVAL, "200ms");
        return new IngestService(config, kafkaProps(), sources(), fetcher);
    }

    private List<ConsumerRecord<String, Article>> readArticles(int expected) {
        Properties p = kafkaProps();
        List<ConsumerRecord<String, Article>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                Topics.ARTICLES.valueSerde().deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    @Test
    void publishesEachVersionOnceAcrossPollsAndRestarts() {
        publishSite("lt-2");
        putPages("The ferry between the two ports will run again from April, three times a week.");
        site.put("/broken.xml", Page.status(500, Map.of()));
        List<Article> acknowledged = new CopyOnWriteArrayList<>();

        try (IngestService first = service()) {
            first.onPublished(acknowledged::add);
            first.start();

            IngestStats initial = first.pollOnce();
            assertThat(initial).isEqualTo(new IngestStats(2, 1, 3, 3, 0, 0));
            assertThat(first.pollOnce()).isEqualTo(new IngestStats(2, 1, 3, 0, 3, 0));
        }
        assertThat(acknowledged).hasSize(3);

        List<ConsumerRecord<String, Article>> records = readArticles(3);
        assertThat(records).hasSize(3);
        Article ferry = records.stream().map(ConsumerRecord::value)
                .filter(a -> a.title().equals("Ferry service returns")).findFirst().orElseThrow();
        assertThat(ferry.url()).isEqualTo(site.url("/world/ferry-returns"));
        assertThat(ferry.id()).isEqualTo(Ids.articleId(site.url("/world/ferry-returns")));
        assertThat(ferry.sourceId()).isEqualTo("loopback-times");
        assertThat(ferry.language()).isEqualTo("en");
        assertThat(ferry.text()).isEqualTo("The ferry between the two ports will run again from April, three times "
                + "a week.\n\nTickets go on sale next week, the operator said in a statement.");
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
        Article convoy = records.stream().map(ConsumerRecord::value)
                .filter(a -> a.title().startsWith("Grain")).findFirst().orElseThrow();
        assertThat(convoy.publishedAt()).isEqualTo(java.time.Instant.parse("2024-03-04T07:00:00Z"));

        int fetchesBeforeRestart = site.hits("/world/customs-rules").size();
        try (IngestService restarted = service()) {
            restarted.start();
            assertThat(restarted.pollOnce()).isEqualTo(new IngestStats(2, 1, 3, 0, 3, 0));
            // it did fetch the pages again: "unchanged" came from the hashes on the topic, not from memory
            assertThat(site.hits("/world/customs-rules")).hasSize(fetchesBeforeRestart + 1);

            putPages("The ferry between the two ports will run again from May, after a delay in repairs.");
            assertThat(restarted.pollOnce().published())
                    .as("an entry already handled with the same GUID is not fetched again").isZero();

            publishSite("lt-2-rev2");
            assertThat(restarted.pollOnce()).isEqualTo(new IngestStats(2, 1, 3, 1, 2, 0));
        }

        List<ConsumerRecord<String, Article>> after = readArticles(4);
        assertThat(after).hasSize(4);
        List<Article> ferryVersions = after.stream().map(ConsumerRecord::value)
                .filter(a -> a.id().equals(ferry.id())).toList();
        assertThat(ferryVersions).hasSize(2);
        assertThat(ferryVersions.get(1).text()).contains("from May");
        assertThat(ferryVersions.get(1).contentHash()).isNotEqualTo(ferryVersions.get(0).contentHash());
    }

    @Test
    void pageFailuresAreCountedAndRunUntilStoppedEndsOnClose() throws Exception {
        publishSite("lt-2");
        putPages("The ferry returns in spring.");
        site.put("/world/customs-rules", Page.status(404, Map.of()));
        site.put("/world/grain-convoy", Page.of("text/html", "<html><body><nav>Home</nav></body></html>"));
        site.put("/broken.xml", Page.of("application/rss+xml", "<rss><channel><item>"));

        IngestService service = service();
        List<Article> acknowledged = new CopyOnWriteArrayList<>();
        service.onPublished(acknowledged::add);
        service.start();
        IngestStats stats = service.pollOnce();
        assertThat(stats.sourceFailures()).isEqualTo(1);
        assertThat(stats.pageFailures()).isEqualTo(2);

        site.put("/world/customs-rules", Page.of("text/html", articlePage("Customs rules tightened",
                "Customs rules now require a manifest for each container, the ministry said on Friday.")));
        Thread runner = new Thread(service::runUntilStopped, "ingest-runner");
        runner.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.stream()
                .anyMatch(a -> a.title().equals("Customs rules tightened")));

        service.close();
        runner.join(Duration.ofSeconds(10).toMillis());
        assertThat(runner.isAlive()).isFalse();
    }

    private static SourceHealth healthOf(IngestService service, String id) {
        return service.health().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    private static Duration sinceLastSuccess(SourceHealth h) {
        return Duration.between(h.lastSuccess(), h.nextPoll());
    }

    @Test
    void adaptsIntervalsBacksOffAndTracksHealth() {
        publishSite("lt-2");
        putPages("The ferry returns in spring, three times a week.");
        site.put("/broken.xml", Page.status(500, Map.of()));

        try (IngestService service = service()) {
            service.start();
            assertThat(service.health()).extracting(SourceHealth::id).containsExactly("loopback-times", "broken-feed");
            assertThat(service.health()).allSatisfy(h -> {
                assertThat(h.healthy()).isTrue();
                assertThat(h.consecutiveFailures()).isZero();
                assertThat(h.lastSuccess()).isNull();
            });

            java.time.Instant before = java.time.Instant.now();
            assertThat(service.pollOnce().published()).isEqualTo(3);
            java.time.Instant after = java.time.Instant.now();
            // new articles: half the configured 200ms
            assertThat(sinceLastSuccess(healthOf(service, "loopback-times"))).isEqualTo(Duration.ofMillis(100));
            SourceHealth broken = healthOf(service, "broken-feed");
            assertThat(broken.healthy()).isTrue();
            assertThat(broken.consecutiveFailures()).isEqualTo(1);
            assertThat(broken.lastSuccess()).isNull();
            assertThat(broken.lastError()).contains("500", "/broken.xml");
            // first failure: 200ms x 2, jittered by 20 %
            assertThat(broken.nextPoll()).isBetween(before.plusMillis(320), after.plusMillis(480));

            // nothing new: x1.5 each poll, up to 4 x 200ms
            List<Duration> intervals = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                assertThat(service.pollOnce().published()).isZero();
                intervals.add(sinceLastSuccess(healthOf(service, "loopback-times")));
            }
            assertThat(intervals).containsExactly(Duration.ofMillis(150), Duration.ofMillis(225),
                    Duration.ofMillis(337).plusNanos(500_000), Duration.ofNanos(506_250_000),
                    Duration.ofNanos(759_375_000), Duration.ofMillis(800));

            broken = healthOf(service, "broken-feed");
            assertThat(broken.healthy()).isFalse();
            assertThat(broken.consecutiveFailures()).isEqualTo(7);

            // a source with new articles again shrinks, down to a quarter of the configured interval
            publishSite("lt-2-rev2");
            putPages("The ferry returns in May, after repairs to the harbour wall.");
            assertThat(service.pollOnce().published()).isEqualTo(1);
            assertThat(sinceLastSuccess(healthOf(service, "loopback-times"))).isEqualTo(Duration.ofMillis(400));

            // recovery
            site.put("/broken.xml", Page.of("application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>t</title><link>" + site.url("/")
                            + "</link><description>d</description></channel></rss>"));
            service.pollOnce();
            broken = healthOf(service, "broken-feed");
            assertThat(broken.healthy()).isTrue();
            assertThat(broken.consecutiveFailures()).isZero();
            assertThat(broken.lastSuccess()).isNotNull();
            // nothing new on its first good poll: 1.5 x 200ms
            assertThat(sinceLastSuccess(broken)).isEqualTo(Duration.ofMillis(300));

            // a 503 with Retry-After: the next poll waits at least that long, even though the backoff is shorter
            site.put("/broken.xml", Page.status(503, Map.of("Retry-After", "2")));
            java.time.Instant beforeBusy = java.time.Instant.now();
            service.pollOnce();
            broken = healthOf(service, "broken-feed");
            assertThat(broken.consecutiveFailures()).isEqualTo(1);
            assertThat(broken.healthy()).isTrue();
            assertThat(broken.nextPoll()).isAfterOrEqualTo(beforeBusy.plusSeconds(2));
        }
    }

    @Test
    void runUntilStoppedPollsAFailingSourceAtItsBackedOffInterval() throws Exception {
        publishSite("lt-2");
        putPages("The ferry returns in spring.");
        site.put("/broken.xml", Page.status(500, Map.of()));
        IngestService service = service();
        service.start();
        Thread runner = new Thread(service::runUntilStopped, "ingest-runner");
        long started = System.nanoTime();
        runner.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> healthOf(service, "broken-feed").consecutiveFailures() >= 2);
        Thread.sleep(1500);
        service.close();
        runner.join(Duration.ofSeconds(10).toMillis());
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // 200ms apart without backoff; with it the waits are about 400, 800, 1600, 3200ms (+-20 %)
        int hits = site.hits("/broken.xml").size();
        int withoutBackoff = (int) (elapsedMs / 200);
        assertThat(hits).isLessThanOrEqualTo(5).isLessThan(withoutBackoff);
        SourceHealth broken = healthOf(service, "broken-feed");
        // a poll cut short by close() is not recorded
        assertThat(broken.consecutiveFailures()).isBetween(hits - 1, hits);
        assertThat(broken.healthy()).isEqualTo(broken.consecutiveFailures() < IngestService.UNHEALTHY_AFTER);
        assertThat(healthOf(service, "loopback-times").healthy()).isTrue();
        assertThat(healthOf(service, "loopback-times").lastSuccess()).isNotNull();
    }
}
