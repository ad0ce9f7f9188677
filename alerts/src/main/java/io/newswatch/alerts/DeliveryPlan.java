package io.newswatch.alerts;

import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.routing.Subscriptions;
import io.newswatch.model.Alert;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which receivers the alerts service delivers to, and which of them each alert goes to.
 *
 * @param receivers every receiver, in delivery order; the service owns and closes them
 * @param router    for an alert, the names ({@link AlertReceiver#name()}) of the receivers that get it; null sends
 *                  every alert to every receiver
 */
public record DeliveryPlan(List<AlertReceiver> receivers, Function<Alert, Collection<String>> router) {
    public DeliveryPlan {
        receivers = List.copyOf(receivers);
        Set<String> names = new HashSet<>();
        for (AlertReceiver r : receivers) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two receivers are named '" + r.name() + "'");
            }
        }
    }

    /** Every alert to every receiver (the {@code alerts.console}/{@code file}/{@code webhook} configuration). */
    public static DeliveryPlan everyReceiver(List<AlertReceiver> receivers) {
        return new DeliveryPlan(receivers, null);
    }

    /**
     * The subscriptions' routing tree over receivers built from its definitions.
     *
     * @param receivers the receivers built from {@code subscriptions.receivers()}, named as there
     */
    public static DeliveryPlan routed(Subscriptions subscriptions, List<AlertReceiver> receivers) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        return new DeliveryPlan(receivers, subscriptions::receiversFor);
    }
}
