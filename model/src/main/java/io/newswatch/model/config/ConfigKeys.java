package io.newswatch.model.config;

import io.newswatch.model.net.AddressBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every configuration key newswatch reads, with its default. Each one also has exactly one line in
 * {@code newswatch-default.yaml} (a test holds the two together); overrides layer on top: the file given with
 * {@code --config}, then environment variables ({@link ConfigKey#envName()}).
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    // --- Kafka
    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.string("kafka.bootstrap.servers", "",
            "Kafka cluster to use; empty starts the embedded broker (run, demo)");
    public static final ConfigKey<String> CLIENT_ID_PREFIX = ConfigKey.string("kafka.client.id.prefix", "newswatch",
            "prefix of every Kafka client id, so the broker's logs name the service");
    public static final ConfigKey<String> INSTANCE_ID = ConfigKey.string("kafka.instance.id", "",
            "this instance's group.instance.id (static membership): restarted under the same id, it takes its "
                    + "partitions back at once; empty: the host name (streams adds a hash of its state dir)");

    // --- embedded broker
    public static final ConfigKey<Integer> BROKER_PORT = ConfigKey.integer("broker.port", "9092", 0, 65535,
            "port of the embedded broker's client listener; 0 picks a free one");
    public static final ConfigKey<Path> BROKER_DATA_DIR = ConfigKey.path("broker.data.dir", "~/.newswatch/kafka",
            "where the embedded broker keeps its log; persists between runs so the archive survives");

    // --- ingest
    public static final ConfigKey<Path> SOURCES_FILE = ConfigKey.path("ingest.sources.file", "config/sources.yaml",
            "the list of sources to poll");
    public static final ConfigKey<String> USER_AGENT = ConfigKey.string("ingest.user.agent",
            "newswatch/0.1 (+https://github.com/newswatch/newswatch)",
            "User-Agent sent with every request: names the project and a contact URL");
    public static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.duration("ingest.poll.interval", "10m",
            "how often a source is polled unless it sets its own interval");
    public static final ConfigKey<Duration> FETCH_TIMEOUT = ConfigKey.duration("ingest.fetch.timeout", "20s",
            "connect and read timeout of one request");
    public static final ConfigKey<Duration> HOST_DELAY = ConfigKey.duration("ingest.host.delay", "1s",
            "minimum pause between two requests to the same host");
    public static final ConfigKey<Long> MAX_BODY = ConfigKey.bytes("ingest.max.body", "5MiB",
            "largest response body read; longer bodies are cut off and the page skipped");
    public static final ConfigKey<List<AddressBlock>> FETCH_ALLOW_ADDRESSES = ConfigKey.addressBlocks(
            "ingest.fetch.allow.addresses", "", "loopback, private, link-local and other non-public addresses the "
                    + "fetcher may reach, as addresses or CIDR blocks (127.0.0.1, 10.0.0.0/8); empty: public only");
    public static final ConfigKey<Integer> ARTICLE_MAX_TEXT = ConfigKey.integer("ingest.max.text.chars", "200000",
            1_000, 300_000, "longest article text kept (UTF-16 units); a longer text is cut and the article records "
                    + "its original length; the streams service applies the same cap to what it reads");
    public static final ConfigKey<Integer> FETCH_THREADS = ConfigKey.integer("ingest.fetch.threads", "4", 1, 64,
            "requests in flight at once across all hosts (one per host at most)");
    public static final ConfigKey<Duration> BACKOFF_MAX = ConfigKey.duration("ingest.backoff.max", "6h",
            "longest wait before polling a failing source again (the backoff starts at its poll interval)");
    public static final ConfigKey<Duration> SOURCES_WATCH = ConfigKey.duration("ingest.sources.watch", "5s",
            "how often the sources file is checked for changes (then synced to news.sources)");
    public static final ConfigKey<String> INGEST_GROUP_ID = ConfigKey.string("ingest.group.id", "newswatch-ingest",
            "consumer group of the ingest instances: instances with the same id split the sources");
    public static final ConfigKey<Integer> INGEST_HTTP_PORT = ConfigKey.integer("ingest.http.port", "-1", -1,
            65535, "port of the ingester's /metrics (Prometheus) and /health; 0 picks a free one, -1 turns it off");
    public static final ConfigKey<Integer> PAGE_RETRIES = ConfigKey.integer("ingest.page.retries", "5", 0, 100,
            "retries of an article page that failed with 408, 429, 500, 502, 503, 504, a timeout or a network "
                    + "error, each at the first poll of its source after its wait; then it is given up; 0 turns "
                    + "retrying off");
    public static final ConfigKey<Duration> PAGE_RETRY_BACKOFF = ConfigKey.duration("ingest.page.retry.backoff",
            "1m", "wait before a failed page's first retry; doubled for each further one, at most ingest.backoff.max "
                    + "(a longer Retry-After is honoured up to that cap)");
    public static final ConfigKey<Integer> PAGE_RETRY_QUEUE = ConfigKey.integer("ingest.page.retry.queue", "1000",
            1, 1_000_000, "pages waiting for a retry per source; a failure beyond that is given up at once");

    // --- streams
    public static final ConfigKey<String> STREAMS_APPLICATION_ID = ConfigKey.string("streams.application.id",
            "newswatch-streams", "Kafka Streams application id: instances with the same id share the work");
    public static final ConfigKey<String> PROCESSING_GUARANTEE = ConfigKey.oneOf("streams.processing.guarantee",
            "exactly_once_v2", "exactly_once_v2 or at_least_once", "exactly_once_v2", "at_least_once");
    public static final ConfigKey<Duration> COMMIT_INTERVAL = ConfigKey.duration("streams.commit.interval", "50ms",
            "how often Streams commits; with exactly-once an alert waits for two commits, so this sets its latency");
    public static final ConfigKey<Integer> STREAMS_THREADS = ConfigKey.integer("streams.threads", "1", 1, 64,
            "stream threads per instance; more pay off with more cores (on 2 cores one measured faster than two)");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.path("streams.state.dir", "~/.newswatch/streams",
            "where Kafka Streams keeps its local state");
    public static final ConfigKey<Integer> STREAMS_STANDBY_REPLICAS = ConfigKey.integer("streams.standby.replicas",
            "0", 0, 5, "warm copies of each state store kept on other instances, so one that fails over restores "
                    + "little; needs that many more instances");
    public static final ConfigKey<Path> RULES_FILE = ConfigKey.path("streams.rules.file", "",
            "rules to tag with; empty uses the shipped default ruleset");
    public static final ConfigKey<Duration> STORY_WINDOW = ConfigKey.duration("streams.stories.window", "72h",
            "how long a story takes near-duplicates (other outlets' copies) after its latest report");
    public static final ConfigKey<Duration> STREAMS_COUNTS_GRACE = ConfigKey.duration("streams.counts.grace", "6h",
            "how late (by publishedAt) an article may arrive and still be counted in its hour's trend count");
    public static final ConfigKey<Integer> STREAMS_HTTP_PORT = ConfigKey.integer("streams.http.port", "-1", -1,
            65535, "port of the streams service's /api/counts, /metrics (Prometheus) and /health; 0 picks a free "
                    + "one, -1 turns it off");

    // --- alerts
    public static final ConfigKey<String> ALERTS_GROUP_ID = ConfigKey.string("alerts.group.id", "newswatch-alerts",
            "consumer group of the alerts service: instances with the same id share the alerts");
    public static final ConfigKey<Path> SUBSCRIPTIONS_FILE = ConfigKey.path("alerts.subscriptions.file",
            "", "receivers and routing tree (e.g. config/subscriptions.yaml); empty: the alerts.console/file/webhook keys");
    public static final ConfigKey<Boolean> ALERTS_CONSOLE = ConfigKey.bool("alerts.console", "true",
            "print every alert on standard output");
    public static final ConfigKey<Path> ALERTS_FILE = ConfigKey.path("alerts.file", "alerts.jsonl",
            "append every alert as one JSON line to this file; empty turns it off");
    public static final ConfigKey<String> ALERTS_WEBHOOK_URL = ConfigKey.string("alerts.webhook.url", "",
            "POST every alert as JSON to this URL; empty turns it off");
    public static final ConfigKey<String> ALERTS_WEBHOOK_SIGNING_KEY = ConfigKey.string("alerts.webhook.signing.key",
            "", "Standard Webhooks secret whsec_<base64> (24+ key bytes) signing each webhook request, given as env:NAME "
            + "or file:PATH; several, space-separated, while rotating; empty: unsigned");
    public static final ConfigKey<Boolean> ALERTS_WEBHOOK_ALLOW_LOOPBACK = ConfigKey.bool(
            "alerts.webhook.allow.loopback", "false", "let the webhook reach loopback addresses (127.0.0.1, ::1)");
    public static final ConfigKey<Boolean> ALERTS_WEBHOOK_ALLOW_PRIVATE = ConfigKey.bool(
            "alerts.webhook.allow.private", "false", "let the webhook reach private networks (10/8, 192.168/16, ...)");
    public static final ConfigKey<Duration> ALERTS_DELIVERY_MAX_AGE = ConfigKey.duration("alerts.delivery.max.age",
            "1h", "how long after its first attempt an alert may still be retried before it goes to news.alerts.dlq");
    public static final ConfigKey<Duration> ALERTS_DELIVERY_BACKOFF_MAX = ConfigKey.duration(
            "alerts.delivery.backoff.max", "1m", "longest wait between two attempts (a longer Retry-After is honoured)");
    public static final ConfigKey<Integer> ALERTS_DELIVERY_CIRCUIT_FAILURES = ConfigKey.integer(
            "alerts.delivery.circuit.failures", "5", 1, 1000,
            "failed attempts in a row after which a receiver counts as down: its circuit opens and alerts wait");
    public static final ConfigKey<Duration> ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY = ConfigKey.duration(
            "alerts.delivery.circuit.probe.delay", "10s",
            "how long an open circuit waits before one probe attempt (a longer Retry-After is honoured)");
    public static final ConfigKey<Integer> ALERTS_DELIVERY_MAX_IN_FLIGHT = ConfigKey.integer(
            "alerts.delivery.max.in.flight", "1000", 1, 1_000_000,
            "alerts read but not yet delivered everywhere before the service stops reading more");

    // --- console
    public static final ConfigKey<String> CONSOLE_BIND = ConfigKey.string("console.bind", "127.0.0.1",
            "address the console listens on; anything but loopback needs console.token");
    public static final ConfigKey<Integer> CONSOLE_PORT = ConfigKey.integer("console.port", "8080", 0, 65535,
            "port of the console; 0 picks a free one");
    public static final ConfigKey<String> CONSOLE_TOKEN = ConfigKey.string("console.token", "",
            "env:NAME or file:PATH of the access token the console asks for; empty: none (loopback only)");

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
            STORY_WINDOW, STREAMS_COUNTS_GRACE, STREAMS_HTTP_PORT,
            ALERTS_GROUP_ID, SUBSCRIPTIONS_FILE, ALERTS_CONSOLE, ALERTS_FILE, ALERTS_WEBHOOK_URL,
            ALERTS_WEBHOOK_SIGNING_KEY, ALERTS_WEBHOOK_ALLOW_LOOPBACK, ALERTS_WEBHOOK_ALLOW_PRIVATE,
            ALERTS_DELIVERY_MAX_AGE, ALERTS_DELIVERY_BACKOFF_MAX, ALERTS_DELIVERY_CIRCUIT_FAILURES,
            ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY, ALERTS_DELIVERY_MAX_IN_FLIGHT,
            CONSOLE_BIND, CONSOLE_PORT, CONSOLE_TOKEN);

    /** Keys under this prefix are passed to every Kafka client as they are (security, SASL, ...). */
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";
}
