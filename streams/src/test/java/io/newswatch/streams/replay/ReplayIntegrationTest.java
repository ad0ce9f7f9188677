package io.newswatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.TextFingerprintTest;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.RuleExample;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import io.newswatch.streams.topology.NewswatchTopology;
import io.newswatch.streams.topology.TopologyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays against a real embedded broker: the archive is written once (the default ruleset's own examples as
 * article texts, over four days, plus a wire story carried by three outlets, a second version of an article, one
 * article outside the range and an unreadable record), then replayed.
 */
class ReplayIntegrationTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();
    private static final Instant DAY0 = Instant.parse("2025-04-07T00:00:00Z");
    private static final Instant SINCE = DAY0;
    private static final Instant UNTIL = DAY0.plus(Duration.ofDays(4));
    private static final Duration WINDOW = Duration.ofHours(72);

    private static EmbeddedKafka kafka;
    private static Properties props;
    /** The archive in the order it was written, the records' timestamps alongside. */
    private static final List<Article> ARCHIVE = new ArrayList<>();
    private static final Map<String, Long> TIMESTAMPS = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void writeArchive() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        int n = 0;
        for (Rule rule : TAGGER.ruleSet().rules()) {
            for (RuleExample ex : rule.examples()) {
                Instant at = DAY0.plus(Duration.ofMinutes(97L * n));
                ARCHIVE.add(Article.of("https://archive.example/" + rule.id() + "/" + n, "outlet-" + (n % 5),
                        "Report " + n + " on " + rule.id(), null, at, at.plusSeconds(300), "en",
                        ex.text() + " The ministry declined to comment on the report."));
                n++;
            }
        }
        Instant wire = DAY0.plus(Duration.ofHours(30));
        ARCHIVE.add(Article.of("https://harbour-wire.example/pier", "harbour-wire", "Pier", null, wire, wire, "en",
                TextFingerprintTest.WIRE));
        ARCHIVE.add(Article.of("https://coast-daily.example/pier", "coast-daily", "Pier", null,
                wire.plusSeconds(3600), wire.plusSeconds(3600), "en", "VLADIVOSTOK - " + TextFingerprintTest.WIRE));
        ARCHIVE.add(Article.of("https://bay-times.example/pier", "bay-times", "Pier", null,
                wire.plusSeconds(7200), wire.plusSeconds(7200), "en", TextFingerprintTest.WIRE + " More follows."));
        Article early = Article.of("https://archive.example/too-early", "outlet-1", "Too early", null,
                DAY0.minusSeconds(1), DAY0, "en", ARCHIVE.get(0).text());
        ARCHIVE.add(early);
        Article edited = ARCHIVE.get(1);
        ARCHIVE.add(Article.of(edited.url(), edited.sourceId(), edited.title() + " (updated)", null,
                edited.publishedAt(), edited.fetchedAt().plusSeconds(600), "en",
                edited.text() + " An earlier version misspelt a name."));
        // more evidence than the bounds keep: its events and evidence roles must survive the bounding
        Instant dense = DAY0.plus(Duration.ofHours(50));
        ARCHIVE.add(Article.of("https://archive.example/dense", "outlet-2", "Shells again", null, dense, dense, "en",
                "North Korea shipped artillery shells to Russia in breach of UN sanctions, officials said. "
                        .repeat(12)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Article a : ARCHIVE) {
                long ts = a.fetchedAt().toEpochMilli();
                TIMESTAMPS.put(a.id(), ts);
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, ts, a.id().getBytes(),
                        Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a))).get();
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), "poison".getBytes(),
                    "{not an article".getBytes())).get();
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static ReplayResult replay(String name, Tagger tagger, BacktestOutput output) {
        return new Replay(props, "test").run(name, tagger, SINCE, UNTIL, WINDOW, output, (d, t) -> { },
                () -> false);
    }

    /** The latest version of each archived article in the range. */
    private static Map<String, Article> inRange() {
        Map<String, Article> latest = new LinkedHashMap<>();
        for (Article a : ARCHIVE) {
            if (!a.publishedAt().isBefore(SINCE) && a.publishedAt().isBefore(UNTIL)) {
                latest.put(a.id(), a);
            } else {
                latest.remove(a.id());
            }
        }
        return latest;
    }

    @Test
    void everyArticleInRangeIsTaggedOnceInItsLatestVersionAndNothingLiveIsWritten() throws Exception {
        long liveTaggedBefore = count(Topics.TAGGED.name());
        ReplayResult r;
        try (BacktestOutput out = BacktestOutput.open(props, "test", "first", false)) {
            r = replay("first", TAGGER, out);
        }
        Map<String, Article> expected = inRange();
        assertThat(r.inRange()).isEqualTo(expected.size());
        assertThat(r.unreadable()).isEqualTo(1);
        long expectedMatches = expected.values().stream()
                .mapToLong(a -> TAGGER.tag(a.text()).rules().size()).sum();
        assertThat(r.matches()).hasSize((int) expectedMatches);
        assertThat(r.matches()).noneMatch(m -> m.title().equals("Too early"));
        assertThat(r.matches()).filteredOn(m -> m.articleId().equals(ARCHIVE.get(1).id()))
                .allMatch(m -> m.title().endsWith("(updated)"));
        assertThat(r.perRulePerDay().keySet()).containsAll(r.rules().keySet());

        List<Alert> pier = r.alerts().stream().filter(a -> a.title().equals("Pier") && a.ruleId().equals("ru-kp"))
                .toList();
        assertThat(pier).as("one story from three outlets: one alert and two updates")
                .extracting(Alert::revision).containsExactly(0, 1, 2);
        assertThat(read(Topics.backtestAlerts("first"))).hasSize(r.alerts().size());
        assertThat(read(Topics.backtestTagged("first"))).isNotEmpty();
        assertThat(count(Topics.TAGGED.name())).as("news.tagged untouched").isEqualTo(liveTaggedBefore);
        assertThat(count(Topics.ALERTS.name())).as("news.alerts untouched").isZero();
    }

    @Test
    void aRecordTooLargeForItsTopicIsLeftOutOfTheBacktestAndTheRestIsWritten() {
        // text within the cap, but every character one JSON writes as six bytes: 1.2 MB, over the 1 MiB limit
        Article hostile = Article.of("https://archive.example/hostile", "outlet-1", "Hostile", null, DAY0, DAY0, "en",
                "\u0001".repeat(TopologyConfig.DEFAULT_MAX_TEXT_CHARS));
        Article fine = ARCHIVE.get(0);
        try (BacktestOutput out = BacktestOutput.open(props, "test", "oversized", false)) {
            out.tagged(new TaggedArticle(TaggedArticle.SCHEMA_VERSION, hostile, List.of(), List.of(), List.of(),
                    List.of(), "1", DAY0));
            out.tagged(new TaggedArticle(TaggedArticle.SCHEMA_VERSION, fine, List.of(), List.of(), List.of(),
                    List.of(), "1", DAY0));
            out.flush();
        }
        assertThat(read(Topics.backtestTagged("oversized"))).extracting(t -> t.article().id())
                .containsExactly(fine.id());
    }

    @Test
    void theSameArchiveAndRulesGiveTheSameResultEveryTime() {
        ReplayResult a = replay("det-a", TAGGER, null);
        ReplayResult b = replay("det-b", TAGGER, null);
        assertThat(b.matches()).isEqualTo(a.matches());
        assertThat(b.alerts()).isEqualTo(a.alerts());
        assertThat(b.perRulePerDay()).isEqualTo(a.perRulePerDay());
    }

    @Test
    void taggingOnSeveralThreadsGivesWhatOneThreadGivesAndWritesTheSameRecordsInTheSameOrder() {
        ReplayResult one;
        ReplayResult four;
        try (BacktestOutput out = BacktestOutput.open(props, "test", "threads-1", false)) {
            one = new Replay(props, "test", 1).run("threads-1", TAGGER, SINCE, UNTIL, WINDOW, out, (d, t) -> { },
                    () -> false);
        }
        try (BacktestOutput out = BacktestOutput.open(props, "test", "threads-4", false)) {
            // two articles a chunk, so the small archive is spread over many chunks and all four threads
            four = new Replay(new ArchiveReader(props, "test", 4, 2)).run("threads-4", TAGGER, SINCE, UNTIL, WINDOW, out, (d, t) -> { },
                    () -> false);
        }
        assertThat(one.matches()).isNotEmpty();
        assertThat(four.matches()).as("matches, with their evidence and events").isEqualTo(one.matches());
        assertThat(four.alerts()).isEqualTo(one.alerts());
        assertThat(four.unreadable()).isEqualTo(one.unreadable()).isEqualTo(1);
        assertThat(read(Topics.backtestTagged("threads-4"))).isEqualTo(read(Topics.backtestTagged("threads-1")));
        assertThat(read(Topics.backtestAlerts("threads-4"))).isEqualTo(read(Topics.backtestAlerts("threads-1")));
    }

    @Test
    void aReplayTagsAndAlertsAsTheLiveTopologyDidForTheSameRules() throws Exception {
        ReplayResult replayed;
        try (BacktestOutput out = BacktestOutput.open(props, "parity", "parity", false)) {
            replayed = replay("parity", TAGGER, out);
        }
        Map<String, List<String>> replayTags = read(Topics.backtestTagged("parity")).stream()
                .collect(Collectors.toMap(t -> t.article().id(), TaggedArticle::tags, (x, y) -> y));

        Properties streamsProps = new Properties();
        streamsProps.put(StreamsConfig.APPLICATION_ID_CONFIG, "replay-parity");
        streamsProps.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(dir, "state").toString());
        Map<String, List<String>> liveTags = new LinkedHashMap<>();
        List<Alert> liveAlerts = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(NewswatchTopology.buildTopology(new StreamsBuilder(),
                new TopologyConfig(TAGGER, "replay-parity", WINDOW)), streamsProps)) {
            TestInputTopic<String, Article> in = driver.createInputTopic(Topics.ARTICLES.name(),
                    new StringSerializer(), Topics.ARTICLES.valueSerde().serializer());
            // the live topology in publication order: the order the replay's story step uses
            inRange().values().stream().sorted(Comparator.comparing(Article::publishedAt).thenComparing(Article::id))
                    .forEach(a -> in.pipeInput(a.id(), a, TIMESTAMPS.get(a.id())));
            driver.createOutputTopic(Topics.TAGGED.name(), Topics.TAGGED.keySerde().deserializer(),
                    Topics.TAGGED.valueSerde().deserializer()).readValuesToList()
                    .forEach(t -> liveTags.put(t.article().id(), t.tags()));
            liveAlerts.addAll(driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                    Topics.ALERTS.valueSerde().deserializer()).readValuesToList());
        }
        liveTags.values().removeIf(List::isEmpty);
        assertThat(replayTags).isEqualTo(liveTags);
        assertThat(replayed.alerts()).extracting(Alert::id, Alert::revision, Alert::ruleId, Alert::storyId)
                .containsExactlyElementsOf(liveAlerts.stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.id(),
                        a.revision(), a.ruleId(), a.storyId())).toList());
    }

    @Test
    void aCancelledReplayStopsAndItsTopicsCanBeDiscarded() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        BacktestOutput out = BacktestOutput.open(props, "test", "cancelled", false);
        Set<Path> filesBefore = replayFiles();
        assertThatThrownBy(() -> new Replay(props, "test").run("cancelled", TAGGER, SINCE, UNTIL, WINDOW, out,
                (d, t) -> { }, () -> polls.incrementAndGet() > 1)).isInstanceOf(ReplayCancelledException.class);
        assertThat(replayFiles()).as("the replay's temporary files are gone with it").isSubsetOf(filesBefore);
        out.discard();
        try (Admin admin = Admin.create(props)) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).doesNotContainAnyElementsOf(Replay.topicNames("cancelled"));
        }
    }

    /** The temporary files replays keep their matches, candidates and alerts in. */
    private static Set<Path> replayFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("newswatch-replay-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void aNameInUseIsRefusedUnlessReplaced() {
        BacktestOutput.open(props, "test", "taken", false).close();
        assertThatThrownBy(() -> BacktestOutput.open(props, "test", "taken", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--replace");
        BacktestOutput.open(props, "test", "taken", true).close();
    }

    @Test
    void aDiffShowsWhatEachRuleVersionMatchesThatTheOtherDoesNot() {
        // the new version of ru-kp also needs a port word: narrower
        String narrowed = """
                version: 2
                rules:
                  - id: ru-kp
                    title: Russia and North Korea, in port
                    alert: true
                    query: SENTENCE(@RU AND @KP) AND (port OR pier OR harbour)
                """;
        Tagger older = TAGGER;
        Tagger newer = Tagger.withRules(RuleSet.parse(narrowed, "narrowed.yaml", null));
        ReplayDiffResult d = new Replay(props, "test").diff(older, newer, SINCE, UNTIL, (x, y) -> { }, () -> false);
        RuleDiff ruKp = d.rules().stream().filter(r -> r.ruleId().equals("ru-kp")).findFirst().orElseThrow();
        assertThat(ruKp.inOld()).isTrue();
        assertThat(ruKp.inNew()).isTrue();
        assertThat(ruKp.onlyOld()).as("ru-kp articles without a port word").isNotEmpty();
        assertThat(ruKp.onlyOld()).allSatisfy(m -> assertThat(m.evidence()).isNotEmpty());
        assertThat(ruKp.onlyNew()).isEmpty();
        assertThat(ruKp.both()).as("the pier story still matches").isPositive();
        RuleDiff gone = d.rules().stream().filter(r -> r.ruleId().equals("cn-kp")).findFirst().orElseThrow();
        assertThat(gone.inNew()).isFalse();
        assertThat(gone.onlyNew()).isEmpty();
    }

    /**
     * A ruleset without a {@code sanctions-violation} rule yields no events, so against the default rules every
     * event of an article is lost one way and gained the other, exactly the events the tagger gives its text.
     */
    @Test
    void aDiffListsPerArticleTheViolationEventsOnlyOneSideYields() {
        Tagger without = Tagger.withRules(RuleSet.parse("""
                version: 2
                rules:
                  - id: ru-kp
                    title: Russia and North Korea
                    query: SENTENCE(@RU AND @KP)
                """, "no-sanctions.yaml", null));
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        inRange().forEach((id, article) -> {
            // the events the tagger gives the text, whatever the bounds on its evidence keep
            List<String> keys = eventKeys(TAGGER.tag(
                    article.withTextCappedAt(TopologyConfig.DEFAULT_MAX_TEXT_CHARS).text()).events());
            if (!keys.isEmpty()) {
                expected.put(id, keys);
            }
        });
        Replay replay = new Replay(props, "test");

        ReplayDiffResult lost = replay.diff(TAGGER, without, SINCE, UNTIL, (x, y) -> { }, () -> false);
        ReplayDiffResult gained = replay.diff(without, TAGGER, SINCE, UNTIL, (x, y) -> { }, () -> false);

        Map<String, List<String>> lostKeys = new java.util.TreeMap<>();
        lost.events().forEach(e -> lostKeys.put(e.articleId(), eventKeys(e.lost())));
        assertThat(expected).containsKey(Article.of("https://archive.example/dense", "outlet-2", "", null, DAY0,
                DAY0, "en", "").id());
        assertThat(lostKeys).isEqualTo(expected);
        assertThat(lost.events()).allSatisfy(e -> assertThat(e.gained()).isEmpty());
        Map<String, List<String>> gainedKeys = new java.util.TreeMap<>();
        gained.events().forEach(e -> gainedKeys.put(e.articleId(), eventKeys(e.gained())));
        assertThat(gainedKeys).isEqualTo(expected);
        assertThat(gained.events()).allSatisfy(e -> assertThat(e.lost()).isEmpty());
        assertThat(gained.eventsGained()).isEqualTo(lost.eventsLost());
    }

    private static List<String> eventKeys(List<io.newswatch.model.ViolationEvent> events) {
        return events.stream().map(e -> e.commodity() + ":" + e.from() + ":" + e.to()).distinct().toList();
    }

    private static long count(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
            return parts.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    private static <V> List<V> read(TopicSpec<String, V> topic) {
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            TopicPartition tp = new TopicPartition(topic.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = (Properties) props.clone();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
