package io.newswatch.model.config;

import io.newswatch.model.net.AddressBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every configuration key newswatch reads: its name, its type and the range it accepts. What each key means and
 * its default are written once, in {@code newswatch-default.yaml}, which {@link NewswatchConfig} loads as the
 * defaults layer (loading fails if that file and this list disagree); overrides layer on top: the file given with
 * {@code --config}, then environment variables ({@link ConfigKey#envName()}), then command-line options.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    // --- Kafka
    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.string("kafka.bootstrap.servers");
    public static final ConfigKey<String> CLIENT_ID_PREFIX = ConfigKey.string("kafka.client.id.prefix");
    public static final ConfigKey<String> INSTANCE_ID = ConfigKey.string("kafka.instance.id");

    // --- embedded broker
    public static final ConfigKey<Integer> BROKER_PORT = ConfigKey.integer("broker.port", 0, 65535);
    public static final ConfigKey<Path> BROKER_DATA_DIR = ConfigKey.path("broker.data.dir");

    // --- ingest
    public static final ConfigKey<Path> SOURCES_FILE = ConfigKey.path("ingest.sources.file");
    public static final ConfigKey<String> USER_AGENT = ConfigKey.string("ingest.user.agent");
    public static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.duration("ingest.poll.interval");
    public static final ConfigKey<Duration> FETCH_TIMEOUT = ConfigKey.duration("ingest.fetch.timeout");
    public static final ConfigKey<Duration> HOST_DELAY = ConfigKey.duration("ingest.host.delay");
    public static final ConfigKey<Long> MAX_BODY = ConfigKey.bytes("ingest.max.body");
    public static final ConfigKey<List<AddressBlock>> FETCH_ALLOW_ADDRESSES =
            ConfigKey.addressBlocks("ingest.fetch.allow.addresses");
    public static final ConfigKey<Integer> ARTICLE_MAX_TEXT =
            ConfigKey.integer("ingest.max.text.chars", 1_000, 300_000);
    public static final ConfigKey<Integer> FETCH_THREADS = ConfigKey.integer("ingest.fetch.threads", 1, 64);
    public static final ConfigKey<Duration> BACKOFF_MAX = ConfigKey.duration("ingest.backoff.max");
    public static final ConfigKey<Duration> SOURCES_WATCH = ConfigKey.duration("ingest.sources.watch");
    public static final ConfigKey<String> INGEST_GROUP_ID = ConfigKey.string("ingest.group.id");
    public static final ConfigKey<Integer> INGEST_HTTP_PORT = ConfigKey.integer("ingest.http.port", -1, 65535);
    public static final ConfigKey<Integer> PAGE_RETRIES = ConfigKey.integer("ingest.page.retries", 0, 100);
    public static final ConfigKey<Duration> PAGE_RETRY_BACKOFF = ConfigKey.duration("ingest.page.retry.backoff");
    public static final ConfigKey<Integer> PAGE_RETRY_QUEUE =
            ConfigKey.integer("ingest.page.retry.queue", 1, 1_000_000);

    // --- streams
    public static final ConfigKey<String> STREAMS_APPLICATION_ID = ConfigKey.string("streams.application.id");
    public static final ConfigKey<String> PROCESSING_GUARANTEE =
            ConfigKey.oneOf("streams.processing.guarantee", "exactly_once_v2", "at_least_once");
    public static final ConfigKey<Duration> COMMIT_INTERVAL = ConfigKey.duration("streams.commit.interval");
    public static final ConfigKey<Integer> STREAMS_THREADS = ConfigKey.integer("streams.threads", 1, 64);
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.path("streams.state.dir");
    public static final ConfigKey<Integer> STREAMS_STANDBY_REPLICAS =
            ConfigKey.integer("streams.standby.replicas", 0, 5);
    public static final ConfigKey<Path> RULES_FILE = ConfigKey.path("streams.rules.file");
    public static final ConfigKey<Duration> STORY_WINDOW = ConfigKey.duration("streams.stories.window");
    public static final ConfigKey<Integer> STORIES_MAX_OPEN =
            ConfigKey.integer("streams.stories.max.open", 100, 100_000_000);
    public static final ConfigKey<Duration> STREAMS_COUNTS_GRACE = ConfigKey.duration("streams.counts.grace");
    public static final ConfigKey<Integer> STREAMS_HTTP_PORT = ConfigKey.integer("streams.http.port", -1, 65535);

    // --- alerts
    public static final ConfigKey<String> ALERTS_GROUP_ID = ConfigKey.string("alerts.group.id");
    public static final ConfigKey<Path> SUBSCRIPTIONS_FILE = ConfigKey.path("alerts.subscriptions.file");
    public static final ConfigKey<Boolean> ALERTS_CONSOLE = ConfigKey.bool("alerts.console");
    public static final ConfigKey<Path> ALERTS_FILE = ConfigKey.path("alerts.file");
    public static final ConfigKey<String> ALERTS_WEBHOOK_URL = ConfigKey.string("alerts.webhook.url");
    public static final ConfigKey<String> ALERTS_WEBHOOK_SIGNING_KEY = ConfigKey.string("alerts.webhook.signing.key");
    public static final ConfigKey<Boolean> ALERTS_WEBHOOK_ALLOW_LOOPBACK =
            ConfigKey.bool("alerts.webhook.allow.loopback");
    public static final ConfigKey<Boolean> ALERTS_WEBHOOK_ALLOW_PRIVATE =
            ConfigKey.bool("alerts.webhook.allow.private");
    public static final ConfigKey<Duration> ALERTS_DELIVERY_MAX_AGE = ConfigKey.duration("alerts.delivery.max.age");
    public static final ConfigKey<Duration> ALERTS_DELIVERY_BACKOFF_MAX =
            ConfigKey.duration("alerts.delivery.backoff.max");
    public static final ConfigKey<Integer> ALERTS_DELIVERY_CIRCUIT_FAILURES =
            ConfigKey.integer("alerts.delivery.circuit.failures", 1, 1000);
    public static final ConfigKey<Duration> ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY =
            ConfigKey.duration("alerts.delivery.circuit.probe.delay");
    public static final ConfigKey<Integer> ALERTS_DELIVERY_MAX_IN_FLIGHT =
            ConfigKey.integer("alerts.delivery.max.in.flight", 1, 1_000_000);

    // --- console
    public static final ConfigKey<String> CONSOLE_BIND = ConfigKey.string("console.bind");
    public static final ConfigKey<Integer> CONSOLE_PORT = ConfigKey.integer("console.port", 0, 65535);
    public static final ConfigKey<String> CONSOLE_TOKEN = ConfigKey.string("console.token");

    /** Every key, in the order of the default file. */
    public static final List<ConfigKey<?>> ALL = List.of(
            BOOTSTRAP_SERVERS, CLIENT_ID_PREFIX, INSTANCE_ID,
            BROKER_PORT, BROKER_DATA_DIR,
            SOURCES_FILE, USER_AGENT, POLL_INTERVAL, FETCH_TIMEOUT, HOST_DELAY, MAX_BODY, FETCH_ALLOW_ADDRESSES,
            ARTICLE_MAX_TEXT,
            FETCH_THREADS,
            BACKOFF_MAX, SOURCES_WATCH, INGEST_GROUP_ID, INGEST_HTTP_PORT,
            PAGE_RETRIES, PAGE_RETRY_BACKOFF, PAGE_RETRY_QUEUE,
            STREAMS_APPLICATION_ID, PROCESSING_GUARANTEE, COMMIT_INTERVAL, STREAMS_THREADS, STATE_DIR,
            STREAMS_STANDBY_REPLICAS, RULES_FILE,
            STORY_WINDOW, STORIES_MAX_OPEN, STREAMS_COUNTS_GRACE, STREAMS_HTTP_PORT,
            ALERTS_GROUP_ID, SUBSCRIPTIONS_FILE, ALERTS_CONSOLE, ALERTS_FILE, ALERTS_WEBHOOK_URL,
            ALERTS_WEBHOOK_SIGNING_KEY, ALERTS_WEBHOOK_ALLOW_LOOPBACK, ALERTS_WEBHOOK_ALLOW_PRIVATE,
            ALERTS_DELIVERY_MAX_AGE, ALERTS_DELIVERY_BACKOFF_MAX, ALERTS_DELIVERY_CIRCUIT_FAILURES,
            ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY, ALERTS_DELIVERY_MAX_IN_FLIGHT,
            CONSOLE_BIND, CONSOLE_PORT, CONSOLE_TOKEN);

    /** Keys under this prefix are passed to every Kafka client as they are (security, SASL, ...). */
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";
}
