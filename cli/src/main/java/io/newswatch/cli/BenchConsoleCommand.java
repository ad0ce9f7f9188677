package io.newswatch.cli;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.console.Console;
import io.newswatch.console.ConsoleOptions;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch bench console}: the console under real volumes. Loads an embedded broker with tagged synthetic
 * articles ({@link SyntheticArticles}, tagged by the shipped rules), alerts made from them and a ledger of violation
 * events, starts the console, and times every page as a browser's first request would find it (the whole response,
 * the first request after loading, then the median and slowest of ten more), then pushes alerts at a steady rate to
 * the live stream and counts what arrives and how late.
 *
 * <p>What it measures is the server's part of a first render: building the page and sending it. The browser's part
 * (parsing, drawing a chart) is small for pages of this size and is exercised by the console's Chromium tests.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Time the console's pages with many alerts and events on the topics, and its live stream at a "
                + "steady rate of alerts.", "The broker lives in a temporary directory, deleted afterwards."})
final class BenchConsoleCommand implements Callable<Integer> {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Pattern LIVE_ID = Pattern.compile("id=\"alert-live-(\\d+)-\\d+\"");
    private static final String[] PLACES = {"Najin", "Nampo", "Vostochny", "Vladivostok", "Dunay", "Tumangang",
        "Rason", "Chongjin", "Dalian", "Kozmino", "East China Sea", "Sea of Japan"};
    private static final String[] VESSELS = {"Angara", "Lady Mary", "Sky Venture", "Maria", "Sparta IV",
        "Ursa Major", "Bella", "Wan Heng 11", "Jin Hye", "Sun Rise"};
    private static final String[][] ROUTES = {{"KP", "RU"}, {"RU", "KP"}, {"KP", "CN"}, {"CN", "KP"}, {null, "KP"}};

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--alerts", paramLabel = "N", defaultValue = "50000", description = "Alerts on news.alerts (default: "
            + "${DEFAULT-VALUE}).")
    int alerts;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000", description = "Violation events on news.events (default: "
            + "${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "5000", description = "Tagged articles on news.tagged, which the "
            + "alerts are made from (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "100", description = "Alerts per second pushed to the live stream "
            + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", description = "How long alerts are "
            + "pushed to the live stream: 10s, 1m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20251207", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path dataDir = Files.createTempDirectory("newswatch-bench-console");
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(configOptions.load(),
                new BrokerOptions(0, dataDir, true))) {
            Properties props = kafka.clientProperties();
            try (Admin admin = Admin.create(props)) {
                TopicAdmin.ensureTopics(admin, Topics.ALL);
            }
            long start = System.nanoTime();
            List<TaggedArticle> tagged;
            try (KafkaProducer<byte[], byte[]> producer = producer(props)) {
                tagged = loadArticles(producer);
                loadAlerts(producer, tagged);
                loadEvents(producer, tagged);
                producer.flush();
            }
            System.out.printf(Locale.ROOT, "loaded %,d tagged articles, %,d alerts, %,d events in %.1f s%n",
                    tagged.size(), alerts, events, (System.nanoTime() - start) / 1e9);
            try (Console console = Console.start(ConsoleOptions.loopback(0), props)) {
                long waitStart = System.nanoTime();
                int keep = Math.min(alerts, Console.KEPT);
                while (console.loaded().alerts() < keep || console.loaded().events() < events
                        || console.loaded().articles() < tagged.size()) {
                    if (System.nanoTime() - waitStart > TimeUnit.MINUTES.toNanos(5)) {
                        throw new IllegalStateException("the console did not read everything: " + console.loaded());
                    }
                    Thread.sleep(100);
                }
                System.out.printf(Locale.ROOT, "console read %s in %.1f s%n", console.loaded(),
                        (System.nanoTime() - waitStart) / 1e9);
                timePages(console.url(), tagged.get(0).article().id());
                try (KafkaProducer<byte[], byte[]> producer = producer(props)) {
                    liveStream(console.url(), producer, tagged);
                }
            }
            return 0;
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(Properties props) {
        Properties p = (Properties) props.clone();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <V> void send(KafkaProducer<byte[], byte[]> producer, TopicSpec<String, V> topic, String key,
                                 V value) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private List<TaggedArticle> loadArticles(KafkaProducer<byte[], byte[]> producer) {
        SyntheticArticles generator = SyntheticArticles.inPublicationOrder(Mix.NEWS_FEED, seed, 3000, FROM,
                Duration.between(FROM, TO).dividedBy(Math.max(1, articles)));
        Tagger tagger = Tagger.withDefaultRules();
        List<TaggedArticle> out = new ArrayList<>(articles);
        for (int n = 0; n < articles; n++) {
            Article a = generator.article(n);
            TagResult r = tagger.tag(a.text());
            TaggedArticle t = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, r.entities(), r.tags(),
                    r.mentions(), r.evidence(), tagger.rulesVersion(), Instant.now(), r.events());
            send(producer, Topics.TAGGED, a.id(), t);
            out.add(t);
        }
        return out;
    }

    /** Alert n is about article n mod the articles: a tagged one, with its rule, evidence and events. */
    private Alert alert(String id, TaggedArticle t, int n, Instant raisedAt) {
        Article a = t.article();
        String rule = t.tags().isEmpty() ? "ru-kp" : t.tags().get(n % t.tags().size());
        String severity = switch (n % 3) {
            case 0 -> "critical";
            case 1 -> "warning";
            default -> "info";
        };
        return new Alert(Alert.SCHEMA_VERSION, id, rule, rule, "bench", severity, "story-" + (n % 2000), a.id(),
                a.title(), a.url(), a.sourceId(), a.publishedAt(), t.entities(), t.tags(),
                t.evidence().stream().filter(e -> e.tag().equals(rule)).toList(), raisedAt, n % 4,
                n % 4 == 0 ? List.of() : List.of("outlet-" + (n % 7)), "en", t.events());
    }

    private void loadAlerts(KafkaProducer<byte[], byte[]> producer, List<TaggedArticle> tagged) {
        for (int n = 0; n < alerts; n++) {
            TaggedArticle t = tagged.get(n % tagged.size());
            send(producer, Topics.ALERTS, "alert-" + n, alert("alert-" + n, t, n, t.article().eventTime()));
        }
    }

    private void loadEvents(KafkaProducer<byte[], byte[]> producer, List<TaggedArticle> tagged) {
        java.util.Random random = new java.util.Random(seed);
        long span = Duration.between(FROM, TO).toSeconds();
        for (int n = 0; n < events; n++) {
            String[] route = ROUTES[random.nextInt(ROUTES.length)];
            String commodity = ViolationEvent.COMMODITIES.get(random.nextInt(ViolationEvent.COMMODITIES.size()));
            Instant first = FROM.plusSeconds((long) (random.nextDouble() * span));
            int reports = 1 + random.nextInt(3);
            List<ViolationRecord.Report> list = new ArrayList<>();
            for (int k = 0; k < reports; k++) {
                Article a = tagged.get(random.nextInt(tagged.size())).article();
                list.add(new ViolationRecord.Report(a.id(), a.url(), a.title(), a.sourceId(),
                        first.plus(Duration.ofHours(6L * k)), ViolationEvent.ASSERTED, null, a.title()));
            }
            List<String> vessels = random.nextInt(3) == 0 ? List.of(VESSELS[random.nextInt(VESSELS.length)])
                    : List.of();
            send(producer, Topics.EVENTS, "event-" + n, new ViolationRecord(ViolationRecord.SCHEMA_VERSION,
                    "event-" + n, "story-" + n, commodity, route[0], route[1],
                    random.nextInt(4) == 0 ? ViolationEvent.POSSIBLE : ViolationEvent.ASSERTED,
                    random.nextInt(2) == 0 ? null : (long) (1 + random.nextInt(10_000)), "tonnes",
                    List.of(PLACES[random.nextInt(PLACES.length)]), vessels, List.of(),
                    List.of(random.nextBoolean() ? "2397" : "1718"), List.of("a monitor"), list, first,
                    first.plus(Duration.ofHours(6L * (reports - 1))), reports - 1));
        }
    }

    private static void timePages(String url, String articleId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> pages = List.of("", "alerts?q=korea", "alerts?severity=critical&q=russia", "ledger",
                "ledger?commodity=coal&from=KP", "ledger?vessel=Angara&page=2", "trends", "trends?unit=hour",
                "rules", "silences", "sources", "article/" + articleId);
        System.out.println("page                                   first ms   median ms   slowest ms   KB");
        for (String page : pages) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + page)).build();
            long[] ms = new long[11];
            int size = 0;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("/" + page + " answered " + r.statusCode());
                }
                size = r.body().length;
            }
            long first = ms[0];
            long[] rest = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(rest);
            System.out.printf(Locale.ROOT, "/%-38s %8d %11d %12d %5d%n", page, first, rest[rest.length / 2],
                    rest[rest.length - 1], size / 1024);
        }
    }

    /** Pushes alerts at the rate to a reader of the live stream and reports what arrived, and how late. */
    private void liveStream(String url, KafkaProducer<byte[], byte[]> producer, List<TaggedArticle> tagged)
            throws Exception {
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> lateness = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger received = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url
                + "alerts/stream")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = LIVE_ID.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        Long t = sentAt.get(Integer.parseInt(m.group(1)));
                        if (t != null) {
                            lateness.add((System.nanoTime() - t) / 1_000_000);
                            received.incrementAndGet();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the stream closes when the console stops
            }
        }, "bench-console-stream");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        int total = (int) Math.min(Integer.MAX_VALUE,
                rate * io.newswatch.model.config.ConfigKey.parseDuration(duration).toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = begin + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sentAt.put(n, System.nanoTime());
            send(producer, Topics.ALERTS, "live-" + n, alert("live-" + n, tagged.get(n % tagged.size()), n,
                    Instant.now()));
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> sorted;
        synchronized (lateness) {
            sorted = new ArrayList<>(lateness);
        }
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "live stream: %,d alerts sent at %d/s, %,d received (%d lost); from send to "
                        + "the stream: p50 %d ms, p99 %d ms, max %d ms%n", total, rate, received.get(),
                total - received.get(), pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0));
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
