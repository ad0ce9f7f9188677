package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A silence: alerts matching its conditions are not delivered between {@link #startsAt} and {@link #endsAt}. The
 * value on {@code news.silences}, keyed by {@link #id}. Expiring a silence writes it again with an earlier end, so
 * ended silences stay on the topic as history.
 *
 * @param id         short random id, what {@code newswatch silence expire} takes
 * @param conditions condition key to its values, with the keys and meaning of a subscription route's {@code match}
 *                   (rule, severity, min_severity, source, language, tags, entities); every condition must hold
 * @param startsAt   when it starts silencing
 * @param endsAt     when it stops silencing (exclusive)
 * @param comment    why it was set
 * @param createdBy  who set it, as {@code user@host}
 * @param createdAt  when it was set
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Silence(
        String id,
        Map<String, List<String>> conditions,
        Instant startsAt,
        Instant endsAt,
        String comment,
        String createdBy,
        Instant createdAt) {

    /**
     * @throws NullPointerException when the id, a time or the conditions are missing
     */
    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        // sorted keys, so the same conditions always print (and serialize) the same way
        Map<String, List<String>> sorted = new TreeMap<>();
        conditions.forEach((k, v) -> sorted.put(k, v == null ? List.of() : List.copyOf(v)));
        conditions = Collections.unmodifiableMap(sorted);
    }

    /** A new silence set now by the current user, with a fresh id. */
    public static Silence create(Map<String, List<String>> conditions, Instant startsAt, Instant endsAt,
                                 String comment, Instant now) {
        return new Silence(newId(), conditions, startsAt, endsAt, comment, currentUser(), now);
    }

    /** Twelve hex digits of a random UUID: short enough to type, wide enough never to collide in practice. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** {@code user@host} of this process; the host is {@code unknown-host} when the name cannot be resolved. */
    public static String currentUser() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    /** True when it silences at {@code now}: started, and not yet ended. */
    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** True when it has ended by {@code now}. */
    public boolean endedBy(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** This silence ending at {@code now}, or itself when it already ended. */
    public Silence expiredAt(Instant now) {
        return endedBy(now) ? this
                : new Silence(id, conditions, startsAt.isAfter(now) ? now : startsAt, now, comment, createdBy,
                createdAt);
    }

    /** The conditions as {@code key=v1,v2} pairs separated by spaces, keys sorted: {@code rule=a severity=critical}. */
    public String conditionsText() {
        return conditions.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
