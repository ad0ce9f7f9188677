package io.newswatch.alerts.silence;

import io.newswatch.alerts.routing.AlertMatcher;
import io.newswatch.alerts.routing.FieldMatcher;
import io.newswatch.model.Alert;
import io.newswatch.model.Silence;
import io.newswatch.model.topics.CompactedTopicFollower;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silences in force, as {@link Topics#SILENCES} holds them, for every alerts instance alike.
 *
 * <p>{@link #start()} reads the topic from its beginning to its end offsets before it returns, so an instance that
 * (re)starts honours every silence set before it delivers anything; a background thread then keeps following the
 * topic, so a silence added or expired anywhere takes effect here within a poll (about 100 ms).
 * {@link #silencing(Alert, Instant)} is safe to call from any thread.
 *
 * <p>Failure behaviour: a record that cannot be read, or whose conditions are invalid, is skipped with a WARN naming
 * its partition and offset (the silence keeps its earlier version, if any); so a silence can never widen into one
 * that silences everything. If following stops on an error it is logged at ERROR and the silences known at that
 * moment stay in force.
 */
public final class Silences implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Silences.class);
    /**
     * The condition keys a silence may use: those of a subscription route's {@code match}, and {@code matchers}
     * whose values are Alertmanager-style matchers ({@link FieldMatcher}).
     */
    public static final List<String> CONDITION_KEYS = List.of("rule", "severity", "min_severity", "source",
            "language", "tags", "entities", "matchers");
    /** Orders silences by creation time, newest first (id breaks ties, so the order is stable). */
    public static final Comparator<Silence> NEWEST_FIRST = Comparator.comparing(Silence::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Silence::id);


    private record Entry(Silence silence, AlertMatcher matcher) {
    }

    private final Properties kafkaProps;
    private final String clientId;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final CompactedTopicFollower<String, Silence> follower;

    /**
     * @param kafkaProps connection properties (bootstrap servers, security); copied, not changed
     * @param clientId   client id prefix of the clients it opens
     */
    public Silences(Properties kafkaProps, String clientId) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.follower = new CompactedTopicFollower<>(kafkaProps, clientId + "-silences", Topics.SILENCES,
                this::apply);
    }

    /**
     * Creates the topic when missing, reads it to its current end, then follows it in a background thread.
     *
     * @throws IllegalStateException when already started, Kafka cannot be reached, or the topic cannot be read to
     *                               its end within a minute of no progress
     */
    public void start() {
        ensureTopic(kafkaProps, clientId);
        follower.start();
        LOG.info("{} silences on {}, {} active", current.size(), Topics.SILENCES.name(), active(Instant.now()).size());
    }

    /** A silence's new version, or its removal; an invalid one is rejected (and skipped by the follower). */
    private void apply(String id, Silence s) {
        if (s == null) {
            current.remove(id);
        } else {
            current.put(id, new Entry(s, matcher(s.conditions())));
        }
    }

    /**
     * An active silence whose conditions match the alert: of several, the one that ends last.
     *
     * @return empty when the alert is to be delivered
     */
    public Optional<Silence> silencing(Alert alert, Instant now) {
        return current.values().stream()
                .filter(e -> e.silence().activeAt(now) && e.matcher().matches(alert))
                .map(Entry::silence)
                .max(Comparator.comparing(Silence::endsAt));
    }

    /** The silences active at {@code now}, those ending first first. */
    public List<Silence> active(Instant now) {
        return current.values().stream().map(Entry::silence).filter(s -> s.activeAt(now))
                .sorted(Comparator.comparing(Silence::endsAt).thenComparing(Silence::id)).toList();
    }

    /** Every silence on the topic, ended ones included, the newest first. */
    public List<Silence> all() {
        return current.values().stream().map(Entry::silence).sorted(NEWEST_FIRST).toList();
    }

    /**
     * The matcher for a silence's conditions, after checking them.
     *
     * <p>As in Alertmanager, when every condition is a matcher, at least one of them must refuse an alert that
     * lacks its field ({@code source!="tass"} alone would silence nearly everything).
     *
     * @throws IllegalArgumentException naming the offending key or value: no condition at all (a silence must never
     *                                  silence everything), an unknown key, a key without values, a blank value, an
     *                                  unknown severity, more than one {@code min_severity}, a matcher that does not
     *                                  parse, or only matchers that all take an alert lacking their field
     */
    public static AlertMatcher matcher(Map<String, List<String>> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one condition (" + keysText() + ")");
        }
        for (var e : conditions.entrySet()) {
            if (!CONDITION_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown silence condition '" + e.getKey() + "' (use "
                        + keysText() + ")");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("silence condition '" + e.getKey() + "' has no value");
            }
            for (String v : e.getValue()) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("silence condition '" + e.getKey() + "' has a blank value");
                }
            }
        }
        List<String> severities = lower(conditions.getOrDefault("severity", List.of()));
        List<String> min = lower(conditions.getOrDefault("min_severity", List.of()));
        for (String s : concat(severities, min)) {
            if (!AlertMatcher.SEVERITIES.contains(s)) {
                throw new IllegalArgumentException("unknown severity '" + s + "' (use "
                        + String.join(", ", AlertMatcher.SEVERITIES) + ")");
            }
        }
        if (min.size() > 1) {
            throw new IllegalArgumentException("min_severity takes one value, not " + min);
        }
        List<FieldMatcher> matchers = conditions.getOrDefault("matchers", List.of()).stream()
                .map(FieldMatcher::parse).toList();
        if (conditions.size() == 1 && !matchers.isEmpty() && matchers.stream().allMatch(FieldMatcher::matchesEmpty)) {
            throw new IllegalArgumentException("matchers " + matchers + " would also silence every alert that lacks "
                    + "their fields: add a condition that names a value (such as rule=ID)");
        }
        return new AlertMatcher(values(conditions, "rule"), Set.copyOf(severities),
                min.isEmpty() ? null : min.get(0), values(conditions, "source"),
                Set.copyOf(lower(conditions.getOrDefault("language", List.of()))), values(conditions, "tags"),
                values(conditions, "entities"), matchers);
    }

    private static Set<String> values(Map<String, List<String>> conditions, String key) {
        return Set.copyOf(conditions.getOrDefault(key, List.of()));
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String keysText() {
        return String.join(", ", CONDITION_KEYS);
    }

    /**
     * Reads the topic once to its current end: every silence, ended ones included, by id. For tools that need no
     * following (the CLI).
     *
     * @throws IllegalStateException when Kafka cannot be reached or the topic cannot be read to its end
     */
    public static Map<String, Silence> read(Properties kafkaProps, String clientId) {
        ensureTopic(kafkaProps, clientId);
        return CompactedTopicReader.read(kafkaProps, clientId + "-silences-read", Topics.SILENCES);
    }

    /** Creates {@link Topics#SILENCES} when missing. */
    static void ensureTopic(Properties kafkaProps, String clientId) {
        Properties p = (Properties) kafkaProps.clone();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-silences-admin");
        try (Admin admin = Admin.create(p)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.SILENCES));
        }
    }

    /** Stops following; silences known stay readable. Idempotent. */
    @Override
    public void close() {
        follower.close();
    }
}
