package io.newswatch.console;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An embedded broker with the pipeline's topics and a console on loopback reading them. Written here for the tests:
 * three alerts (one hostile), the tagged articles behind two of them (one hostile), a ledger of violation events over
 * several months, and an archive of articles for backtests. All the text is made up for these tests.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String TRAINS_TEXT = "Rail traffic on the border bridge grew over the summer, officials said.\n\n"
            + "Satellite images show trains carried artillery shells from North Korea to Russia in September. "
            + "The shipments would breach UN Security Council resolution 1718, analysts said.\n\n"
            + "Pyongyang denies it. Moscow did not comment.";
    final EmbeddedKafka kafka;
    final Console console;
    private final KafkaProducer<byte[], byte[]> producer;

    ConsoleFixture() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        producer = new KafkaProducer<>(clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        send(alert("a1", "ru-kp-arms", "critical", "Trains carried shells from North Korea to Russia",
                "https://news.example/trains", "Satellite images show trains carried artillery shells from North "
                        + "Korea to Russia in September.", List.of("artillery shells")));
        send(alert("a2", "cn-kp-trade", "warning", "Chinese port handled coal from Nampo",
                "https://news.example/coal", "The port handled coal shipped from Nampo.", List.of("coal")));
        send(alert("a3", "ru-kp-arms", "critical", "<script>window.pwned=1</script><img src=x onerror=alert(1)>",
                "javascript:alert(2)", "<b onmouseover=alert(3)>Ammunition</b> went north.",
                List.of("ammunition")));
        send(Topics.TAGGED, "a1", trainsArticle());
        send(Topics.TAGGED, "a3", hostileArticle());
        for (ViolationRecord r : ledger()) {
            send(Topics.EVENTS, r.id(), r);
        }
        for (int day = 3; day <= 9; day += 3) {
            Article a = Article.of("https://news.example/rason-" + day, "port-watch", "Ships at Rason, day " + day,
                    null, Instant.parse("2026-11-0" + day + "T08:00:00Z"), Instant.parse("2026-11-0" + day
                            + "T09:00:00Z"), "en", "A report from the coast.\n\nThe ship left the port of Rason at "
                            + "night, a harbour official said.");
            send(Topics.ARTICLES, a.id(), a);
        }
        console = Console.start(ConsoleOptions.loopback(0), kafka.bootstrapServers());
    }

    Properties clientProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return props;
    }

    static Alert alert(String id, String rule, String severity, String title, String url, String sentence,
                       List<String> matched) {
        return alert(id, "outlet-" + id, rule, severity, title, url, sentence, matched);
    }

    static Alert alert(String id, String outlet, String rule, String severity, String title, String url,
                       String sentence, List<String> matched) {
        return new Alert(1, id, rule, rule, "1", severity, "story-" + id, id, title, url, outlet,
                Instant.parse("2026-12-01T10:00:00Z"), List.of("RU", "KP"), List.of(rule),
                List.of(new Evidence(rule, sentence, 0, sentence.length(), matched)), Instant.now(), 0, List.of(),
                "en");
    }

    private static TaggedArticle trainsArticle() {
        Article a = new Article(1, "a1", "https://news.example/trains", "outlet-a1",
                "Trains carried shells from North Korea to Russia", "A. Reporter",
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:05:00Z"), "en", TRAINS_TEXT,
                "h1");
        String decisive = "Satellite images show trains carried artillery shells from North Korea to Russia in "
                + "September.";
        String context = "The shipments would breach UN Security Council resolution 1718, analysts said.";
        int d = TRAINS_TEXT.indexOf(decisive);
        int c = TRAINS_TEXT.indexOf(context);
        ViolationEvent event = new ViolationEvent("munitions", "KP", "RU", null, null, List.of("Tumangang"),
                List.of(), List.of(), List.of("1718"), ViolationEvent.ASSERTED, "analysts",
                new ViolationEvent.Span(decisive, d, d + decisive.length()));
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("KP", "RU"),
                List.of("ru-kp-arms", "sanctions-violation"),
                List.of(new Mention("KP", "North Korea", d + 57, d + 68, 1, 1),
                        new Mention("RU", "Russia", d + 72, d + 78, 1, 1),
                        new Mention("KP", "Pyongyang", TRAINS_TEXT.indexOf("Pyongyang"),
                                TRAINS_TEXT.indexOf("Pyongyang") + 9, 3, 2)),
                List.of(new Evidence("sanctions-violation", Evidence.DECISIVE, decisive, d, d + decisive.length(),
                                List.of("artillery shells")),
                        new Evidence("sanctions-violation", Evidence.CONTEXT, context, c, c + context.length(),
                                List.of("breach", "resolution 1718"))),
                "test", Instant.now(), List.of(event));
    }

    private static TaggedArticle hostileArticle() {
        String text = "<script>window.pwned=2</script> Ammunition went north.\n\n<img src=x onerror=\"window.pwned=3\">"
                + " <a href=\"javascript:window.pwned=4\">more</a>";
        Article a = new Article(1, "a3", "javascript:window.pwned=5", "outlet-a3",
                "<script>window.pwned=1</script><img src=x onerror=alert(1)>", null,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:05:00Z"), "en", text, "h3");
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("KP"), List.of("ru-kp-arms"), List.of(),
                List.of(new Evidence("ru-kp-arms", Evidence.DECISIVE, "Ammunition went north.", 33, 55,
                        List.of("Ammunition"))), "test", Instant.now(), List.of());
    }

    /** Violation events over four months, five commodities, with vessels and ports. */
    static List<ViolationRecord> ledger() {
        String[][] rows = {
            {"munitions", "KP", "RU", "2026-08-04", "Najin", "Angara", "1718"},
            {"munitions", "KP", "RU", "2026-08-19", "Najin", "Lady Mary", "1718"},
            {"petroleum", "RU", "KP", "2026-09-02", "Vostochny", "Angara", "2397"},
            {"coal", "KP", "CN", "2026-09-21", "Nampo", "", "2371"},
            {"missiles", "KP", "RU", "2026-10-10", "Tumangang", "", "1874"},
            {"workers", "KP", "RU", "2026-11-05", "Vladivostok", "", "2397"},
            {"petroleum", "RU", "KP", "2026-11-12", "Nampo", "Sky Venture", "2397"},
        };
        List<ViolationRecord> out = new java.util.ArrayList<>();
        int i = 0;
        for (String[] r : rows) {
            i++;
            Instant at = Instant.parse(r[3] + "T12:00:00Z");
            List<String> vessels = r[5].isEmpty() ? List.of() : List.of(r[5]);
            out.add(new ViolationRecord(1, "event-" + i, "story-e" + i, r[0], r[1], r[2], ViolationEvent.ASSERTED,
                    null, null, List.of(r[4]), vessels, List.of(), List.of(r[6]), List.of("a monitor"),
                    List.of(new ViolationRecord.Report("article-e" + i, "https://news.example/e" + i,
                            "Report " + i, "outlet-" + (i % 3), at, ViolationEvent.ASSERTED, null, "It happened.")),
                    at, at, 0));
        }
        return out;
    }

    void send(Alert alert) throws Exception {
        send(Topics.ALERTS, alert.id(), alert);
    }

    <V> void send(TopicSpec<String, V> topic, String key, V value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value))).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        console.close();
        producer.close();
        kafka.close();
    }
}
