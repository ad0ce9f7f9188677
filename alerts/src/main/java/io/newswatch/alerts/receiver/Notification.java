package io.newswatch.alerts.receiver;

import io.newswatch.model.Alert;
import io.newswatch.model.Ids;
import java.util.List;
import java.util.Objects;

/**
 * One message to one receiver: a single alert as it comes, or a group of alerts collected by a route's grouping
 * ({@code group_by}, {@code group_wait}, {@code group_interval}) or digest, or a reminder of a group's open alerts
 * ({@code repeat_interval}).
 *
 * <p>{@link #key()} identifies the message for deduplication (a webhook's {@code Idempotency-Key}): a single alert's
 * key is {@link Alert#deliveryKey()}; a group's is a hash of its route, group and the delivery keys of the alerts it
 * lists (plus the due time for a reminder), so sending the same message again after a restart gives the same key,
 * and a different message never does.
 *
 * @param kind   single alert, group, or reminder
 * @param key    deduplication key, as above
 * @param group  the group's label, e.g. {@code rule=ru-kp, story=ab12}; empty for a single alert, {@code all} for a
 *               group without {@code group_by}
 * @param alerts the alerts, in arrival order; exactly one for {@link Kind#ALERT}, at least one otherwise
 */
public record Notification(Kind kind, String key, String group, List<Alert> alerts) {

    /** What a notification is. */
    public enum Kind {
        /** One alert, delivered as it came (the route does not group). */
        ALERT,
        /** The alerts a group collected since its last notification. */
        GROUP,
        /** A reminder, after {@code repeat_interval}, of the alerts a group already notified and still holds. */
        REMINDER
    }

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        group = group == null ? "" : group;
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a notification lists at least one alert");
        }
        if (kind == Kind.ALERT && alerts.size() != 1) {
            throw new IllegalArgumentException("a single-alert notification lists exactly one alert");
        }
    }

    /** The notification of one alert, keyed by its {@link Alert#deliveryKey()}. */
    public static Notification of(Alert alert) {
        return new Notification(Kind.ALERT, alert.deliveryKey(), "", List.of(alert));
    }

    /**
     * A group or reminder notification, keyed by a hash of {@code scope} (route path and group label, plus the due
     * time for a reminder) and the alerts' delivery keys.
     */
    public static Notification ofGroup(Kind kind, String scope, String group, List<Alert> alerts) {
        if (kind == Kind.ALERT) {
            throw new IllegalArgumentException("use Notification.of for a single alert");
        }
        StringBuilder identity = new StringBuilder(kind.name()).append('\n').append(scope);
        for (Alert a : alerts) {
            identity.append('\n').append(a.deliveryKey());
        }
        return new Notification(kind, Ids.notificationId(identity.toString()), group, alerts);
    }

    /** The only alert of a single-alert notification, or the first of a group. */
    public Alert first() {
        return alerts.get(0);
    }

    /** Whether this carries one alert as it came (not a group or reminder). */
    public boolean isSingle() {
        return kind == Kind.ALERT;
    }
}
