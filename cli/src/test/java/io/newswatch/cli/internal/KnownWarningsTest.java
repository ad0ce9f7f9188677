package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only the named loggers' WARN lines that carry the named text are dropped; everything else passes. */
class KnownWarningsTest {
    private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";

    private static KnownWarnings filter() {
        KnownWarnings f = new KnownWarnings();
        f.addKnown(SENDER + ": Error: CONCURRENT_TRANSACTIONS");
        f.addKnown("kafka.server.DefaultAutoTopicCreationManager: error 'TOPIC_ALREADY_EXISTS'");
        f.start();
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            org.apache.kafka.clients.producer.internals.Sender | WARN  | retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS | DENY
            org.apache.kafka.clients.producer.internals.Sender | WARN  | retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS     | NEUTRAL
            org.apache.kafka.clients.producer.internals.Sender | ERROR | retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS | NEUTRAL
            org.apache.kafka.clients.producer.internals.Sender | INFO  | Error: CONCURRENT_TRANSACTIONS                                      | NEUTRAL
            org.apache.kafka.clients.producer.KafkaProducer    | WARN  | Error: CONCURRENT_TRANSACTIONS                                      | NEUTRAL
            kafka.server.DefaultAutoTopicCreationManager       | WARN  | Auto topic creation failed for __consumer_offsets with error 'TOPIC_ALREADY_EXISTS': exists | DENY
            kafka.server.DefaultAutoTopicCreationManager       | WARN  | Auto topic creation failed for news.x with error 'POLICY_VIOLATION' | NEUTRAL
            """)
    void dropsOnlyTheKnownWarnLinesOfTheNamedLogger(String logger, String level, String message, FilterReply reply) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger);
        event.setLevel(Level.toLevel(level));
        event.setMessage(message);
        assertThat(filter().decide(event)).isEqualTo(reply);
    }

    @Test
    void anEntryWithoutLoggerOrTextIsRefused() {
        KnownWarnings f = new KnownWarnings();
        assertThatThrownBy(() -> f.addKnown("no separator")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.addKnown(SENDER + ":  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedConfigurationDropsTheKnownLinesAndKeepsTheOthers() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(KnownWarnings.class.getResource("/logback.xml"));
            var sender = context.getLogger(SENDER);
            sender.warn("Got error produce response with correlation id 7 on topic-partition news.alerts-0, "
                    + "retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS");
            sender.warn("Got error produce response with correlation id 8 on topic-partition news.alerts-0, "
                    + "retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS");
            context.getLogger("org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate")
                    .warn("Skipping record for expired window. topic=[t] partition=[0] offset=[1]");
        } finally {
            context.stop();
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("NOT_ENOUGH_REPLICAS")
                .doesNotContain("CONCURRENT_TRANSACTIONS")
                .as("late data is real news in production: its warning is not hidden")
                .contains("Skipping record for expired window");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN);
    }
}
