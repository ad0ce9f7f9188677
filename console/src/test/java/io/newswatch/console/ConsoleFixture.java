package io.newswatch.console;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.topics.TopicAdmin;
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

/**
 * An embedded broker with the alerts topic, a producer of alerts, and a console on loopback reading them; the
 * alerts are written here for the tests, one of them hostile.
 */
final class ConsoleFixture implements AutoCloseable {
    final EmbeddedKafka kafka;
    final Console console;
    private final KafkaProducer<String, Alert> producer;

    ConsoleFixture() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.ALERTS));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producer = new KafkaProducer<>(props, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
        send(alert("a1", "ru-kp-arms", "critical", "Trains carried shells from North Korea to Russia",
                "https://news.example/trains", "Trains carried artillery shells from North Korea to Russia.",
                List.of("artillery shells")));
        send(alert("a2", "cn-kp-trade", "warning", "Chinese port handled coal from Nampo",
                "https://news.example/coal", "The port handled coal shipped from Nampo.", List.of("coal")));
        send(alert("a3", "ru-kp-arms", "critical", "<script>window.pwned=1</script><img src=x onerror=alert(1)>",
                "javascript:alert(2)", "<b onmouseover=alert(3)>Ammunition</b> went north.",
                List.of("ammunition")));
        console = Console.start(ConsoleOptions.loopback(0), kafka.bootstrapServers());
    }

    static Alert alert(String id, String rule, String severity, String title, String url, String sentence,
                       List<String> matched) {
        return new Alert(1, id, rule, rule, "1", severity, id, id, title, url, "outlet-" + id,
                Instant.parse("2026-12-01T10:00:00Z"), List.of("RU", "KP"), List.of(rule),
                List.of(new Evidence(rule, sentence, 0, sentence.length(), matched)), Instant.now(), 0, List.of(),
                "en");
    }

    void send(Alert alert) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.id(), alert)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        console.close();
        producer.close();
        kafka.close();
    }
}
