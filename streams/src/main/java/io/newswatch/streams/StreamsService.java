package io.newswatch.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.GroupInstanceId;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import io.newswatch.streams.topology.DeadLetterErrorHandler;
import io.newswatch.streams.topology.NewswatchTopology;
import io.newswatch.streams.topology.OutputLimits;
import io.newswatch.streams.topology.RefusedRecords;
import io.newswatch.streams.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the newswatch topology ({@link NewswatchTopology}) against a Kafka cluster.
 *
 * <p>{@link #start()} creates the catalogue topics if missing, starts Kafka Streams with the application id,
 * processing guarantee, commit interval, state directory and standby replicas from the configuration, and returns
 * once the instance is RUNNING. A record that cannot be read, processed or written goes to {@code news.dlq} and the
 * partition moves on ({@link DeadLetterErrorHandler}); a stream thread that dies all the same (of an error that is
 * not a record's) is logged, counted ({@link #threadsReplaced()}) and replaced, and the dead thread's group member
 * is removed so that its partitions move to the replacement at once ({@link DeadThreadMembers}). Extra
 * {@code kafkaProps} (security settings and the like) are passed to Kafka Streams and the Admin client as given;
 * the configuration's values win for the keys above.
 *
 * <p>Durability and recovery: Streams' internal topics get the replication factor and {@code min.insync.replicas}
 * of the catalogue topics ({@link TopicAdmin.Replication}). The main consumer is a static group member
 * ({@link GroupInstanceId}): an instance killed and restarted with the same id and state directory takes its
 * tasks back without waiting for the session timeout, and under exactly-once its producer (same transactional
 * id) fences and aborts the dead one's open transaction.
 *
 * <p>With a meter registry given, the Kafka Streams metrics (threads, tasks, stores, clients) are bound to it
 * while the instance runs; {@link #counts} answers trend-count queries from the local stores.
 */
public final class StreamsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final Tagger tagger;
    private final MeterRegistry registry;
    private KafkaStreams streams;
    private DeadThreadMembers deadThreadMembers;
    private KafkaStreamsMetrics streamsMetrics;
    private boolean closed;
    private final AtomicInteger threadsReplaced = new AtomicInteger();

    public StreamsService(NewswatchConfig config, Properties kafkaProps, Tagger tagger) {
        this(config, kafkaProps, tagger, null);
    }

    /** As the three-argument constructor, binding the Kafka Streams metrics to {@code registry} (null: none). */
    public StreamsService(NewswatchConfig config, Properties kafkaProps, Tagger tagger, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.kafkaProps = new Properties();
        this.kafkaProps.putAll(kafkaProps);
        this.tagger = tagger;
        if (!this.kafkaProps.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            this.kafkaProps.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConfigKeys.BOOTSTRAP_SERVERS));
        }
    }

    /**
     * Ensures the topics, starts the topology and waits until it is RUNNING.
     *
     * @throws IllegalStateException when already started, when the topics cannot be created, or when Kafka
     *                               Streams does not reach RUNNING within 60 seconds
     *                               (it is closed again before the exception is thrown)
     */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("the streams service is already started");
        }
        Properties adminProps = new Properties();
        adminProps.putAll(kafkaProps);
        adminProps.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(String.valueOf(k)));
        TopicAdmin.Replication replication;
        int kafkaLimit;
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
            replication = TopicAdmin.replication(admin);
            kafkaLimit = recordLimit(admin, kafkaProps);
        }
        ensureRuleTopics(adminProps, tagger.ruleSet());
        // rules pushed to news.rules replace the configured ones; their alert topics are made before they fire
        LiveRules rules = new LiveRules(tagger, rs -> ensureRuleTopics(adminProps, rs));
        String applicationId = config.get(ConfigKeys.STREAMS_APPLICATION_ID);
        Properties props = new Properties();
        props.putAll(kafkaProps);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(ConfigKeys.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(ConfigKeys.COMMIT_INTERVAL).toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(ConfigKeys.STREAMS_THREADS));
        // news.tagged carries every article's text again: lz4 halves what the broker writes, for little CPU
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // The default 16 KB batch holds three tagged articles: each commit then sends many small batches, and the
        // broker's work per article was 2.5 times higher than with 256 KB (bench pipeline, README), the batch
        // size the ingester and the raw reference use.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        // no record may stop a partition: what cannot be read, processed or written goes to news.dlq
        RefusedRecords refused = new RefusedRecords();
        props.put(RefusedRecords.CONFIG_KEY, refused);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterErrorHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterErrorHandler.class);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterErrorHandler.class);
        // the rules' global store too (Kafka 5 will default to it; left off, Kafka warns at every start)
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        Path stateDir = config.get(ConfigKeys.STATE_DIR);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        }
        // changelogs and repartition topics as durable as ours, not the broker's default replication (often 1)
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication.factor());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                String.valueOf(replication.minInsyncReplicas()));
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.get(ConfigKeys.STREAMS_STANDBY_REPLICAS));
        // static membership: restarted after a crash, this instance takes its tasks back at once (Streams adds
        // the thread index to the id)
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                GroupInstanceId.of(config, stateDir));
        OutputLimits limits = OutputLimits.of(config.get(ConfigKeys.ARTICLE_MAX_TEXT), kafkaLimit, refused);
        props.put(OutputLimits.CONFIG_KEY, limits);
        KafkaStreams ks = new KafkaStreams(NewswatchTopology.buildTopology(new StreamsBuilder(),
                new TopologyConfig(rules, applicationId, config.get(ConfigKeys.STORY_WINDOW), limits,
                        config.get(ConfigKeys.STORIES_MAX_OPEN)),
                config.get(ConfigKeys.STREAMS_COUNTS_GRACE)), props);
        CountDownLatch settled = new CountDownLatch(1);
        ks.setStateListener((now, before) -> {
            LOG.info("kafka streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.PENDING_ERROR) {
                settled.countDown();
            }
        });
        String instanceId = String.valueOf(props.get(StreamsConfig.mainConsumerPrefix(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)));
        deadThreadMembers = new DeadThreadMembers(adminProps, applicationId, instanceId);
        ks.setUncaughtExceptionHandler(e -> {
            if (causedBy(e, FencedInstanceIdException.class)) {
                // a replaced thread would take the id back and fence the other instance in turn, forever
                LOG.error("another instance of {} joined as {}; this one stops. Give each instance its own {}",
                        applicationId, instanceId, ConfigKeys.INSTANCE_ID.name(), e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            threadsReplaced.incrementAndGet();
            LOG.error("a stream thread of {} died; replacing it", applicationId, e);
            // the replacement joins under a new member id: the dead one's partitions would wait out its session
            deadThreadMembers.removeLater(Thread.currentThread().getName());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams = ks;
        if (registry != null) {
            streamsMetrics = new KafkaStreamsMetrics(ks);
            streamsMetrics.bindTo(registry);
        }
        ks.start();
        boolean reached;
        try {
            reached = settled.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for Kafka Streams to start", e);
        }
        KafkaStreams.State state = ks.state();
        if (!reached || state != KafkaStreams.State.RUNNING) {
            close();
            throw new IllegalStateException("Kafka Streams application '" + applicationId + "' did not reach RUNNING"
                    + (reached ? " (it went to " + state + ")" : " within " + START_TIMEOUT.toSeconds() + " s (state "
                    + state + "); is Kafka at " + kafkaProps.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " reachable?"));
        }
        LOG.info("streams service '{}' running, rules version {}", applicationId, tagger.rulesVersion());
    }

    /**
     * How many stream threads died of an exception and were replaced since {@link #start()}: 0 while no record has
     * stopped processing.
     */
    public int threadsReplaced() {
        return threadsReplaced.get();
    }

    /** The current Kafka Streams state; {@code CREATED} before {@link #start()}, {@code NOT_RUNNING} after close. */
    public synchronized KafkaStreams.State state() {
        if (streams == null) {
            return closed ? KafkaStreams.State.NOT_RUNNING : KafkaStreams.State.CREATED;
        }
        return streams.state();
    }

    /**
     * The hourly trend counts of an entity code or tag over {@code [from, to)} ({@link TrendCountsQuery#query}).
     *
     * @throws IllegalArgumentException   on a blank key or a bad range
     * @throws TrendCountsQuery.CountsUnavailableException when not started, not running, or the key is held by
     *                                    another instance
     */
    public TrendCountsQuery.Counts counts(String key, Instant from, Instant to) {
        KafkaStreams running;
        synchronized (this) {
            running = streams;
        }
        if (running == null) {
            throw new TrendCountsQuery.CountsUnavailableException("the streams service is not running", null);
        }
        // outside the lock: a store read must not wait for, or hold up, a close
        return TrendCountsQuery.query(running, key, from, to,
                kafkaProps.containsKey(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The largest record the topology may write: the smallest {@code max.message.bytes} of the topics it writes, as
     * the cluster reports them now, and the producer's {@code max.request.size}. A limit lowered later is not seen
     * until a restart (a refused record is then dead-lettered after one aborted transaction: {@link RefusedRecords}).
     *
     * @throws IllegalStateException when the cluster does not answer
     */
    static int recordLimit(Admin admin, Properties kafkaProps) {
        Object requestSize = kafkaProps.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                kafkaProps.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        int limit = requestSize == null ? OutputLimits.KAFKA_DEFAULT_LIMIT
                : Integer.parseInt(requestSize.toString().trim());
        List<ConfigResource> topics = Stream.of(Topics.TAGGED, Topics.STORY_CANDIDATES, Topics.ALERTS, Topics.DLQ)
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                for (Config c : admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS).values()) {
                    ConfigEntry e = c.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                    if (e != null && e.value() != null) {
                        limit = Math.min(limit, Integer.parseInt(e.value()));
                    }
                }
                return limit;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the topics' record size limits", e);
            } catch (ExecutionException e) {
                // topics just created may not be known to every broker yet
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the topics' record size limits: "
                            + e.getCause(), e.getCause());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the topics' record size limits", ie);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot read the topics' record size limits within 30 s", e);
            }
        }
    }

    /** Creates {@code news.alerts.<rule-id>} for every alerting rule: a missing one would fail the task. */
    private static void ensureRuleTopics(Properties adminProps, RuleSet rules) {
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, rules.rules().stream().filter(Rule::alert)
                    .map(r -> Topics.alertsForRule(r.id())).toList());
        }
    }

    /**
     * Stops Kafka Streams, waiting at most 30 seconds, and leaves the consumer group so the other instances (or
     * this one restarted) take the partitions at once instead of after the session timeout; safe to call twice or
     * before {@link #start()}.
     */
    @Override
    public synchronized void close() {
        if (streams == null) {
            return;
        }
        closed = true;
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
        if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT))) {
            LOG.warn("Kafka Streams did not shut down within {} s", CLOSE_TIMEOUT.toSeconds());
        }
        deadThreadMembers.close();
        streams = null;
    }
}
