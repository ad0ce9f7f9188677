package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;

/**
 * The record that one receiver got one revision of one alert: the value on {@code news.deliveries}, keyed by
 * {@link #key(String, String)} of receiver and {@link Alert#deliveryKey()}.
 *
 * <p>Only successful deliveries are recorded. An alert that was dead-lettered for a receiver has no record, so
 * re-driving it from {@code news.alerts.dlq} reaches exactly the receivers that never got it.
 *
 * @param schemaVersion   schema version of this record
 * @param receiver        the receiver's name
 * @param alertId         the alert's id
 * @param revision        the alert's revision
 * @param notificationKey the key of the message that carried it (the alert's own delivery key, or a group's)
 * @param deliveredAt     when the receiver accepted it
 * @param attempts        attempts it took
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delivery(int schemaVersion, String receiver, String alertId, int revision, String notificationKey,
                       Instant deliveredAt, int attempts) {
    public static final int SCHEMA_VERSION = 1;

    public Delivery {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(alertId, "alertId");
    }

    /** The topic key of a receiver's delivery of an alert revision: {@code receiver/alert-id[/revision]}. */
    public static String key(String receiver, String deliveryKey) {
        return receiver + "/" + deliveryKey;
    }

    /** This record's topic key. */
    public String key() {
        return key(receiver, revision == 0 ? alertId : alertId + "/" + revision);
    }
}
