package io.newswatch.streams;

import io.newswatch.streams.topology.TrendCounts;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the hourly trend counts ({@link TrendCounts}) of one entity code or tag.
 *
 * <p>The answer covers every hour that overlaps {@code [from, to)}: {@code from} is rounded down and {@code to}
 * up to a whole hour (UTC, the windows' alignment), and every hour in between is listed, in order, with count 0
 * where nothing was counted, so a chart needs no gap filling. At most {@link #MAX_HOURS} hours per query.
 *
 * <p>Several instances: each holds the counts of the keys whose partitions it runs. With {@code application.server}
 * set (the {@code streams} command sets it to this host and its HTTP port), Kafka Streams knows which instance
 * holds which key, and a key held elsewhere is not answered with an empty result: {@link #query} throws
 * {@link CountsUnavailableException} naming the owner, and a client asks that host instead. Without
 * {@code application.server} Kafka Streams keeps no such metadata, and the instance answers from all of its own
 * partitions: right when it runs alone, possibly short with several instances.
 */
public final class TrendCountsQuery {
    /** The longest range one query may cover: 31 days of hours. */
    public static final int MAX_HOURS = 31 * 24;

    /** The count of one hour, {@code [start, end)}. */
    public record HourlyCount(Instant start, Instant end, long count) {
    }

    /**
     * The answer to one query.
     *
     * @param tag   the entity code or tag queried
     * @param from  start of the first hour listed
     * @param to    end of the last hour listed
     * @param total the sum of the hours' counts
     * @param hours every hour from {@code from} to {@code to}, in order
     */
    public record Counts(String tag, Instant from, Instant to, long total, List<HourlyCount> hours) {
        public Counts {
            hours = List.copyOf(hours);
        }
    }

    /** The counts cannot be read on this instance now: the key lives on another one, or a rebalance is under way. */
    public static final class CountsUnavailableException extends RuntimeException {
        private final String owner;

        public CountsUnavailableException(String message, String owner) {
            super(message);
            this.owner = owner;
        }

        /** {@code host:port} of the instance that holds the key, or null when unknown. */
        public String owner() {
            return owner;
        }
    }

    private TrendCountsQuery() {
    }

    /**
     * Reads the counts of {@code key} from the running instance's own store.
     *
     * @param ownersKnown whether {@code application.server} is set: then the key's partition is looked up and only
     *                    its store read, and while Kafka Streams has no metadata (a rebalance) nothing is answered;
     *                    otherwise every local partition is read
     *
     * @throws IllegalArgumentException    when the key is blank, {@code from} is not before {@code to}, or the
     *                                     range spans more than {@link #MAX_HOURS} hours
     * @throws CountsUnavailableException when the key's partition is not active on this instance (the message and
     *                                     {@link CountsUnavailableException#owner()} name the owner when known) or
     *                                     Kafka Streams is not running or rebalancing
     */
    public static Counts query(KafkaStreams streams, String key, Instant from, Instant to, boolean ownersKnown) {
        validate(key, from, to);
        StoreQueryParameters<ReadOnlyWindowStore<String, Long>> allLocal = StoreQueryParameters.fromNameAndType(
                TrendCounts.COUNTS_STORE, QueryableStoreTypes.windowStore());
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new CountsUnavailableException("trend counts are not available while Kafka Streams is " + state,
                    null);
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(TrendCounts.COUNTS_STORE, key,
                Serdes.String().serializer());
        boolean ownerKnown = owner != null && owner.partition() >= 0;
        if (ownersKnown && !ownerKnown) {
            throw new CountsUnavailableException("Kafka Streams does not know yet which instance holds '" + key
                    + "' (state " + state + "); try again shortly", null);
        }
        try {
            return read(streams.store(ownerKnown ? allLocal.withPartition(owner.partition()) : allLocal),
                    key, from, to);
        } catch (InvalidStateStoreException e) {
            String host = ownerKnown ? hostOf(owner.activeHost()) : null;
            throw new CountsUnavailableException(host != null
                    ? "the counts of '" + key + "' are held by " + host + "; ask that instance"
                    : "the counts of '" + key + "' cannot be read on this instance now (" + e.getMessage()
                    + "); try again shortly", host);
        }
    }

    /**
     * Reads the counts of {@code key} from {@code store}, a {@link TrendCounts#COUNTS_STORE}; for tests and tools
     * with a store at hand.
     *
     * @throws IllegalArgumentException as {@link #query}
     */
    public static Counts read(ReadOnlyWindowStore<String, Long> store, String key, Instant from, Instant to) {
        validate(key, from, to);
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = ceilToHour(to);
        Map<Instant, Long> counted = new HashMap<>();
        // fetch bounds are inclusive window starts: the last hour listed starts one hour before `end`
        try (WindowStoreIterator<Long> it = store.fetch(key, first, end.minus(TrendCounts.WINDOW))) {
            while (it.hasNext()) {
                KeyValue<Long, Long> window = it.next();
                counted.put(Instant.ofEpochMilli(window.key), window.value);
            }
        }
        List<HourlyCount> hours = new ArrayList<>();
        long total = 0;
        for (Instant start = first; start.isBefore(end); start = start.plus(TrendCounts.WINDOW)) {
            long count = counted.getOrDefault(start, 0L);
            total += count;
            hours.add(new HourlyCount(start, start.plus(TrendCounts.WINDOW), count));
        }
        return new Counts(key, first, end, total, hours);
    }

    private static void validate(String key, Instant from, Instant to) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("give the entity code or tag to count, e.g. tag=ru-kp");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        long hours;
        try {
            Instant end = ceilToHour(to);
            end.toEpochMilli();
            from.toEpochMilli();
            hours = Duration.between(from.truncatedTo(ChronoUnit.HOURS), end).toHours();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("the range " + from + " to " + to + " is out of bounds", e);
        }
        if (hours > MAX_HOURS) {
            throw new IllegalArgumentException("the range covers " + hours + " hours; at most " + MAX_HOURS
                    + " (31 days) per query");
        }
    }

    private static Instant ceilToHour(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(t) ? t : floor.plus(TrendCounts.WINDOW);
    }

    private static String hostOf(HostInfo host) {
        return host == null || host.port() < 0 ? null : host.host() + ":" + host.port();
    }
}
