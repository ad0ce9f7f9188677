package io.newswatch.model.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists the records on one dead-letter topic and re-drives them to the topic they came from once the cause is fixed.
 * The dead-letter topic is {@link Topics#DLQ} (records a service could not process) unless the constructor names
 * another, such as {@link Topics#ALERTS_DLQ} (alerts a receiver gave up on, each naming the receiver in
 * {@link DeadLetterHeaders#RECEIVER}).
 *
 * <p>Reading takes the dead letters from the start of the selected offset range to the topic's end offset at the
 * moment the read starts ({@code read_committed}, no consumer group, nothing committed), so a listing never waits
 * for new failures and never disturbs a consumer group.
 *
 * <p>Re-driving writes each selected letter's original key, value and non-{@code nw.*} headers to the topic named
 * by its {@link DeadLetterHeaders#SOURCE_TOPIC} header, with an idempotent {@code acks=all} producer, adding
 * {@value #REDRIVEN_FROM} ({@code dead-letter-topic@offset}) so a record that fails again can be traced back. The key
 * chooses the partition, as it did for the original. The record gets a new timestamp: on a topic with time
 * retention an old timestamp could make the broker delete it at once. The {@code nw.*} headers, the receiver's
 * name included, stay behind: a re-driven alert is a new attempt, and the alerts service works out again which
 * receivers still lack it. Re-driving the same letter twice sends it twice; the header tells the copies apart. The
 * dead letters themselves stay on the dead-letter topic until it expires them.
 *
 * <p>Failure behaviour: {@link #read} throws {@link IllegalStateException} when the cluster cannot be reached or
 * the read makes no progress for {@link CompactedTopicReader#STALL_LIMIT}; a missing dead-letter topic reads as
 * empty. {@link #redrive} refuses (reports, never sends) a letter without a source topic, one whose source topic
 * is a dead-letter topic ({@link #DEAD_LETTER_TOPICS} or the one read), and one whose source topic is not on the
 * cluster; a send the broker does not
 * acknowledge is reported as failed, and the letters acknowledged before it stay sent.
 */
public final class DeadLetters {
    /** Header added to a re-driven record: the offset on the dead-letter topic of the dead letter it came from. */
    public static final String REDRIVEN_FROM = "nw.redriven.from";

    /** The catalogue's dead-letter topics; none of them is ever a re-drive target. */
    public static final List<TopicSpec<byte[], byte[]>> DEAD_LETTER_TOPICS = List.of(Topics.DLQ, Topics.ALERTS_DLQ);

    private static final String NEWSWATCH_HEADER_PREFIX = "nw.";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Properties kafkaProps;
    private final String clientId;
    private final TopicSpec<byte[], byte[]> topic;

    /** Reads and re-drives the letters on {@link Topics#DLQ}. */
    public DeadLetters(Properties kafkaProps, String clientId) {
        this(kafkaProps, clientId, Topics.DLQ);
    }

    /**
     * @param kafkaProps connection properties (bootstrap servers, security); copied
     * @param clientId   client id of the consumer, producer and admin client this uses
     * @param topic      the dead-letter topic to read, usually one of {@link #DEAD_LETTER_TOPICS}
     * @throws NullPointerException when {@code topic} is null
     */
    public DeadLetters(Properties kafkaProps, String clientId, TopicSpec<byte[], byte[]> topic) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /** The dead-letter topic this reads. */
    public TopicSpec<byte[], byte[]> topic() {
        return topic;
    }

    /**
     * One record on a dead-letter topic, with its {@code nw.*} headers parsed; a header that is absent is null.
     * {@code dlqOffset} is the record's offset on the dead-letter topic; {@code receiver} is the receiver that gave
     * up on it ({@link DeadLetterHeaders#RECEIVER}), set only on alerts' delivery failures.
     */
    public record Letter(long dlqOffset, Instant timestamp, byte[] key, byte[] value, List<Header> headers,
                         String errorClass, String errorMessage, String sourceTopic, Integer sourcePartition,
                         Long sourceOffset, String applicationId, Instant failedAt, String receiver) {
        public Letter {
            headers = List.copyOf(headers);
        }

        /** The headers the record carried before it failed: every header not named {@code nw.*}. */
        public List<Header> originalHeaders() {
            return headers.stream().filter(h -> !h.key().startsWith(NEWSWATCH_HEADER_PREFIX)).toList();
        }

        /** {@code topic-partition@offset} of the original record, {@code ?} for what the headers do not say. */
        public String source() {
            return (sourceTopic == null ? "?" : sourceTopic) + "-" + (sourcePartition == null ? "?" : sourcePartition)
                    + "@" + (sourceOffset == null ? "?" : sourceOffset);
        }
    }

    /**
     * Which dead letters to select; a null field selects everything.
     *
     * @param sourceTopic the exact source topic
     * @param errorText   text the error class or the error message contains, ignoring case
     * @param fromOffset  first offset on the dead-letter topic, inclusive
     * @param toOffset    last offset on the dead-letter topic, inclusive
     */
    public record Filter(String sourceTopic, String errorText, Long fromOffset, Long toOffset) {
        public static final Filter ALL = new Filter(null, null, null, null);

        /** True when no field narrows the selection. */
        public boolean selectsAll() {
            return sourceTopic == null && errorText == null && fromOffset == null && toOffset == null;
        }

        public boolean matches(Letter letter) {
            if (sourceTopic != null && !sourceTopic.equals(letter.sourceTopic())) {
                return false;
            }
            if (fromOffset != null && letter.dlqOffset() < fromOffset
                    || toOffset != null && letter.dlqOffset() > toOffset) {
                return false;
            }
            return errorText == null || contains(letter.errorClass(), errorText)
                    || contains(letter.errorMessage(), errorText);
        }

        private static boolean contains(String text, String part) {
            return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
        }
    }

    /** A letter written back: where it now is, or (for a dry run) where it would go with offset and partition -1. */
    public record Sent(Letter letter, String topic, int partition, long offset) {
    }

    /** A letter not written back, and why. */
    public record NotSent(Letter letter, String reason) {
    }

    /** What {@link #redrive} did with each letter it was given, in offset order. */
    public record RedriveReport(List<Sent> sent, List<NotSent> refused, List<NotSent> failed) {
        public RedriveReport {
            sent = List.copyOf(sent);
            refused = List.copyOf(refused);
            failed = List.copyOf(failed);
        }
    }

    /**
     * The dead letters the filter selects, in offset order.
     *
     * @throws IllegalStateException when the dead-letter topic cannot be read to its end offset
     */
    public List<Letter> read(Filter filter) {
        Properties p = ClientProperties.groupless(kafkaProps, clientId);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<Letter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic.name(), REQUEST_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return letters;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            var begin = consumer.beginningOffsets(partitions, REQUEST_TIMEOUT);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, REQUEST_TIMEOUT));
            for (TopicPartition tp : partitions) {
                // skip what the offset range excludes rather than reading 30 days of letters to drop them
                long start = filter.fromOffset() == null ? begin.get(tp) : Math.max(begin.get(tp), filter.fromOffset());
                long stop = filter.toOffset() == null ? end.get(tp) : Math.min(end.get(tp), filter.toOffset() + 1);
                end.put(tp, stop);
                consumer.seek(tp, Math.min(start, stop));
            }
            long lastProgress = System.nanoTime();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        Letter letter = parse(r);
                        if (filter.matches(letter)) {
                            letters.add(letter);
                        }
                    }
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > CompactedTopicReader.STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("cannot read " + topic.name() + " to its end offsets " + end);
                }
            }
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot read " + topic.name() + ": " + e.getMessage(), e);
        }
        return letters;
    }

    /**
     * Writes the given letters back to their source topics and waits for every acknowledgement; with
     * {@code dryRun}, only decides which would be sent and refused.
     *
     * @throws IllegalStateException when the cluster cannot be reached to check that the source topics exist
     */
    public RedriveReport redrive(List<Letter> letters, boolean dryRun) {
        Set<String> existing = existingTopics();
        List<Letter> sendable = new ArrayList<>();
        List<NotSent> refused = new ArrayList<>();
        for (Letter letter : letters) {
            String reason = refusal(letter, topic.name(), existing);
            if (reason == null) {
                sendable.add(letter);
            } else {
                refused.add(new NotSent(letter, reason));
            }
        }
        if (dryRun || sendable.isEmpty()) {
            return new RedriveReport(sendable.stream().map(l -> new Sent(l, l.sourceTopic(), -1, -1)).toList(),
                    refused, List.of());
        }
        List<Sent> sent = new ArrayList<>();
        List<NotSent> failed = new ArrayList<>();
        try (var producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Letter letter : sendable) {
                RecordHeaders headers = new RecordHeaders(letter.originalHeaders());
                headers.add(REDRIVEN_FROM, (topic.name() + "@" + letter.dlqOffset()).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(new ProducerRecord<>(letter.sourceTopic(), null, letter.key(), letter.value(),
                        headers)));
            }
            producer.flush();
            for (int i = 0; i < sendable.size(); i++) {
                Letter letter = sendable.get(i);
                try {
                    RecordMetadata m = acks.get(i).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(new Sent(letter, m.topic(), m.partition(), m.offset()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.add(new NotSent(letter, "interrupted while waiting for the acknowledgement"));
                } catch (ExecutionException e) {
                    failed.add(new NotSent(letter, String.valueOf(e.getCause().getMessage())));
                } catch (TimeoutException e) {
                    failed.add(new NotSent(letter, "no acknowledgement within " + REQUEST_TIMEOUT.toSeconds() + " s"));
                }
            }
        }
        return new RedriveReport(sent, refused, failed);
    }

    /**
     * Why a letter read from {@code deadLetterTopic} cannot be re-driven, or null when it can. A dead-letter topic is
     * never a target: writing a letter back to one would only make a copy of it, with its error headers gone.
     */
    static String refusal(Letter letter, String deadLetterTopic, Set<String> existingTopics) {
        if (letter.sourceTopic() == null || letter.sourceTopic().isBlank()) {
            return "no " + DeadLetterHeaders.SOURCE_TOPIC + " header: its origin is unknown";
        }
        if (letter.sourceTopic().equals(deadLetterTopic)) {
            return "its source topic is " + deadLetterTopic + " itself";
        }
        if (DEAD_LETTER_TOPICS.stream().anyMatch(t -> t.name().equals(letter.sourceTopic()))) {
            return "its source topic " + letter.sourceTopic() + " is a dead-letter topic";
        }
        if (!existingTopics.contains(letter.sourceTopic())) {
            return "its source topic " + letter.sourceTopic() + " does not exist on the cluster";
        }
        return null;
    }

    private Set<String> existingTopics() {
        Properties p = (Properties) kafkaProps.clone();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot list the topics on the cluster: " + cause.getMessage(), cause);
        }
    }

    private Properties producerProperties() {
        Properties p = ClientProperties.producer(kafkaProps, clientId);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(REQUEST_TIMEOUT.toMillis()));
        return p;
    }

    static Letter parse(ConsumerRecord<byte[], byte[]> r) {
        var h = r.headers();
        return new Letter(r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(),
                List.of(h.toArray()), DeadLetterHeaders.get(h, DeadLetterHeaders.ERROR_CLASS),
                DeadLetterHeaders.get(h, DeadLetterHeaders.ERROR_MESSAGE),
                DeadLetterHeaders.get(h, DeadLetterHeaders.SOURCE_TOPIC),
                parseOrNull(DeadLetterHeaders.get(h, DeadLetterHeaders.SOURCE_PARTITION), Integer::valueOf),
                parseOrNull(DeadLetterHeaders.get(h, DeadLetterHeaders.SOURCE_OFFSET), Long::valueOf),
                DeadLetterHeaders.get(h, DeadLetterHeaders.APPLICATION_ID),
                parseOrNull(DeadLetterHeaders.get(h, DeadLetterHeaders.FAILED_AT), Instant::parse),
                DeadLetterHeaders.get(h, DeadLetterHeaders.RECEIVER));
    }

    /** A header some other writer filled in wrongly must not hide the letter: it reads as absent instead. */
    private static <T> T parseOrNull(String text, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
