package io.newswatch.alerts.receiver;

import io.newswatch.model.Alert;

/**
 * A place an alert is delivered to: a terminal, a file, a webhook.
 *
 * <p>Contract: {@link #deliver} returns normally only when the alert was handed over (printed, written to the
 * operating system, accepted with a 2xx). Otherwise it throws {@link DeliveryException}, which says whether trying
 * again can help. The alerts service delivers at least once: after a crash or a rebalance the same alert can arrive
 * again, with the same {@link Alert#id()}, so a receiver that must not show duplicates deduplicates on that id.
 * A receiver is called from one thread at a time by the service, but implementations in this package are
 * thread-safe anyway so that other callers can share them.
 */
public interface AlertReceiver extends AutoCloseable {

    /**
     * A short name for logs and dead-letter headers. Never contains a secret (a webhook shows only its scheme and
     * host).
     */
    String name();

    /**
     * Delivers one notification as one message: a single alert, or a group or a reminder as one message listing its
     * alerts. Returns normally only when the whole message was handed over; the caller retries the whole message
     * otherwise, under the same {@link Notification#key()}. This is the one method a receiver implements.
     *
     * @throws DeliveryException when it was not delivered; {@link DeliveryException#retryable()} tells the caller
     *                           whether another attempt can succeed
     */
    void deliver(Notification notification) throws DeliveryException;

    /**
     * Delivers one alert: the notification of that alert alone.
     *
     * @throws DeliveryException as {@link #deliver(Notification)}
     */
    default void deliver(Alert alert) throws DeliveryException {
        deliver(Notification.of(alert));
    }

    /** Releases files and connections. Never throws; closing twice is harmless. */
    @Override
    default void close() {
    }
}
