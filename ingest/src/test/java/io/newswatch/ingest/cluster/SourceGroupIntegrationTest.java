package io.newswatch.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.TestArchives;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest instances sharing the sources through the news.sources consumer group, on a real embedded broker and a
 * loopback site: the split, the hand-over when an instance stops, and sources added and removed by editing the
 * sources file, with every article version on news.articles exactly once.
 */
class SourceGroupIntegrationTest {
    private static final int FEEDS = 8;
    private EmbeddedKafka kafka;
    private LoopbackSite site;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<Integer, Integer> itemsPerFeed = new HashMap<>();
    @TempDir
    Path dir;

    /** One running ingest instance: service, group member, status writer and the polling thread. */
    private record Instance(IngestService ingest, SourceGroupMember member, SimpleMeterRegistry registry,
                            Thread loop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            member.close();
            ingest.close();
            loop.join(10_000);
        }
    }

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        site = new LoopbackSite();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        site.close();
        kafka.close();
    }

    private Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private Instance instance(String name) {
        PoliteFetcher fetcher = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10),
                Duration.ofMillis(1), 1 << 20, 5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
        open.add(fetcher);
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.POLL_INTERVAL, "300ms")
                .with(ConfigKeys.CLIENT_ID_PREFIX, name);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestService ingest = new IngestService(config, kafkaProps(), List.of(), fetcher, registry);
        ingest.start();
        SourceStatusWriter status = new SourceStatusWriter(kafkaProps(), name + "-status");
        open.add(status);
        ingest.onStatus(status);
        Thread loop = new Thread(ingest::runUntilStopped, name + "-loop");
        loop.start();
        SourceGroupMember member = new SourceGroupMember(kafkaProps(), "ingest-group-test", name + "-member",
                ingest);
        member.start();
        Instance instance = new Instance(ingest, member, registry, loop);
        open.add(instance);
        return instance;
    }

    private Source feed(int n) {
        return new Source("feed-" + n, "rss", site.url("/feed-" + n + ".xml"), Duration.ofMillis(300), "en");
    }

    /** Publishes one more article in feed n (items are listed newest first, as feeds do). */
    private void addItem(int n) {
        int count = itemsPerFeed.merge(n, 1, Integer::sum);
        StringBuilder items = new StringBuilder();
        for (int i = count; i >= 1; i--) {
            String path = "/news/" + n + "/" + i;
            items.append("<item><title>Report ").append(n).append('.').append(i).append("</title><link>")
                    .append(site.url(path)).append("</link><guid>").append(site.url(path)).append("</guid></item>");
        }
        site.put("/news/" + n + "/" + count, Page.of("text/html", TestArchives.articlePage(
                "Report " + n + "." + count, "",
                "The harbour board of district " + n + " published its report number " + count
                        + " on berth allocations this morning, after a long consultation with shipping lines.",
                "Report " + count + " from district " + n + " lists " + (count * 7 + n)
                        + " vessel calls and recommends a second pilot boat for the winter months.")));
        site.put("/feed-" + n + ".xml", Page.of("application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">"
                + "<channel><title>District " + n + "</title><link>" + site.url("/") + "</link>"
                + "<description>test feed</description>" + items + "</channel></rss>"));
    }

    /** Every record on news.articles, as key and content hash, in no particular order. */
    private List<String> articleRecords() {
        Properties p = kafkaProps();
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), Topics.ARTICLES.valueSerde()
                .deserializer())) {
            List<TopicPartition> parts = IntStream.range(0, Topics.ARTICLES.partitions())
                    .mapToObj(i -> new TopicPartition(Topics.ARTICLES.name(), i)).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.key() + "/" + r.value().contentHash()));
            }
        }
        return out;
    }

    private void awaitArticles(int expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> articleRecords().size() >= expected);
        List<String> records = articleRecords();
        assertThat(records).as("every article version exactly once").doesNotHaveDuplicates().hasSize(expected);
    }

    @Test
    void twoInstancesSplitTheSourcesAndHandThemOverWithoutPublishingTwice() throws Exception {
        List<Source> sources = new ArrayList<>();
        for (int n = 0; n < FEEDS; n++) {
            addItem(n);
            addItem(n);
            sources.add(feed(n));
        }
        SourcesTopic topic = new SourcesTopic(kafkaProps(), "test");
        assertThat(topic.sync(sources).added()).hasSize(FEEDS);

        Instance a = instance("ingest-a");
        awaitArticles(2 * FEEDS);
        assertThat(a.member().sourceIds()).hasSize(FEEDS);

        Instance b = instance("ingest-b");
        await().atMost(Duration.ofSeconds(60)).until(() -> !b.member().sourceIds().isEmpty()
                && a.member().sourceIds().size() + b.member().sourceIds().size() == FEEDS);
        Set<String> all = new HashSet<>(a.member().sourceIds());
        all.addAll(b.member().sourceIds());
        assertThat(all).as("the two shares are disjoint and cover every source").hasSize(FEEDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> !b.ingest().sources().isEmpty()
                && a.ingest().sources().size() + b.ingest().sources().size() == FEEDS);

        for (int n = 0; n < FEEDS; n++) {
            addItem(n);
        }
        awaitArticles(3 * FEEDS);
        assertThat(b.registry().find("newswatch.ingest.articles.published").functionCounters())
                .as("the second instance published the new items of its share")
                .anySatisfy(c -> assertThat(c.count()).isPositive());

        a.close();
        open.remove(a);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.ingest().sources().size() == FEEDS);
        for (int n = 0; n < FEEDS; n++) {
            addItem(n);
        }
        awaitArticles(4 * FEEDS);
        // polls go on for a while: still nothing twice
        Thread.sleep(1_500);
        assertThat(articleRecords()).doesNotHaveDuplicates().hasSize(4 * FEEDS);

        Map<String, SourceStatus> statuses = topic.readStatuses();
        assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(sources.stream().map(Source::id).toList());
        assertThat(statuses.values()).allSatisfy(s -> {
            assertThat(s.instance()).isEqualTo(b.ingest().instance());
            assertThat(s.healthy()).isTrue();
            assertThat(s.lastSuccess()).isNotNull();
        });
    }

    @Test
    void editingTheSourcesFileAddsAndRemovesSourcesWithoutARestart() throws Exception {
        for (int n = 0; n < 3; n++) {
            addItem(n);
        }
        Path file = dir.resolve("sources.yaml");
        writeSources(file, 0, 1);
        SourcesTopic topic = new SourcesTopic(kafkaProps(), "test");
        SourcesFileWatcher watcher = new SourcesFileWatcher(file, topic, Duration.ofMillis(200));
        open.add(watcher);
        assertThat(watcher.start().added()).containsExactly("feed-0", "feed-1");
        Instance a = instance("ingest-a");
        awaitArticles(2);
        assertThat(a.registry().get("newswatch.ingest.articles.published").tag("source", "feed-0")
                .functionCounter().count()).isEqualTo(1.0);

        writeSources(file, 1, 2); // feed-2 added, feed-0 removed
        awaitArticles(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.ingest().sources().stream().map(Source::id).toList()
                .equals(List.of("feed-1", "feed-2")));
        assertThat(a.registry().find("newswatch.ingest.articles.published").tag("source", "feed-0")
                .functionCounter()).as("a removed source's meters go with it").isNull();
        int feed0Polls = site.hits("/feed-0.xml").size();
        addItem(0);
        Thread.sleep(1_500);
        assertThat(site.hits("/feed-0.xml")).as("a removed source is no longer polled").hasSize(feed0Polls);

        Files.writeString(file, "sources:\n  - id: feed-1\n    type: rss\n    url: not a url\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1_000);
        assertThat(topic.readYaml().keySet()).as("a broken file leaves the last good list in force")
                .containsExactlyInAnyOrder("feed-1", "feed-2");
        assertThat(a.ingest().sources()).extracting(Source::id).containsExactly("feed-1", "feed-2");
    }

    private void writeSources(Path file, int... feeds) throws Exception {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int n : feeds) {
            yaml.append("  - id: feed-").append(n).append("\n    type: rss\n    url: ")
                    .append(site.url("/feed-" + n + ".xml")).append("\n    interval: 300ms\n    language: en\n");
        }
        Files.writeString(file, yaml);
        // the watcher compares modification times; make each edit visibly newer than the last
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(feeds[0] * 2L + 1)));
    }
}
