package io.newswatch.alerts.delivery;

import io.newswatch.alerts.receiver.Notification;
import java.util.List;

/**
 * A message due to a receiver, with the alerts it settles: when the message is delivered (or dead-lettered),
 * each of {@code carried} is finished with for that receiver. A group message carries its alerts, and also any
 * earlier revision of them that a newer one replaced while the group was waiting; a reminder carries nothing
 * (its alerts were settled by the group message that first listed them).
 *
 * @param notification the message
 * @param carried      the alerts it settles, in arrival order
 */
public record Outgoing(Notification notification, List<Incoming> carried) {
    public Outgoing {
        carried = List.copyOf(carried);
    }

    /** The message for one alert sent on its own. */
    public static Outgoing single(Incoming in) {
        return new Outgoing(Notification.of(in.alert()), List.of(in));
    }
}
