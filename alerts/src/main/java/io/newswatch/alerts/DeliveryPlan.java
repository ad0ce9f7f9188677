package io.newswatch.alerts;

import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.routing.AlertMatcher;
import io.newswatch.alerts.routing.ReceiverFactory;
import io.newswatch.alerts.routing.Route;
import io.newswatch.alerts.routing.Subscriptions;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which receivers the alerts service delivers to, and which of them each alert goes to, how.
 *
 * @param receivers every receiver, in delivery order; the service owns and closes them
 * @param root      the routing tree: for an alert, each receiver that gets it and the route (with its grouping)
 *                  that sends it there
 * @throws IllegalArgumentException when two receivers share a name, or the tree names a receiver not in the list
 */
public record DeliveryPlan(List<AlertReceiver> receivers, Route root) {
    public DeliveryPlan {
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(root, "root");
        Set<String> names = new HashSet<>();
        for (AlertReceiver r : receivers) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two receivers are named '" + r.name() + "'");
            }
        }
        checkNames(root, names);
    }

    private static void checkNames(Route route, Set<String> names) {
        for (String n : route.receivers()) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException(route.path() + " names receiver '" + n + "', which is not built");
            }
        }
        route.routes().forEach(child -> checkNames(child, names));
    }

    /**
     * Every alert to every receiver, each at once (the {@code alerts.console}/{@code file}/{@code webhook}
     * configuration).
     */
    public static DeliveryPlan everyReceiver(List<AlertReceiver> receivers) {
        return new DeliveryPlan(receivers, new Route("route", AlertMatcher.ANY,
                receivers.stream().map(AlertReceiver::name).toList(), false, List.of()));
    }

    /**
     * The plan the configuration asks for. With {@code alerts.subscriptions.file} set: its receivers and routing
     * tree. Otherwise every alert to the receivers of the {@code alerts.console}, {@code alerts.file} and
     * {@code alerts.webhook.*} keys. Both kinds are built by {@link ReceiverFactory}.
     *
     * @param console where a console receiver prints
     * @throws io.newswatch.alerts.routing.ConfigError when the subscriptions file is invalid (file:line:column) or
     *                                                 a receiver key holds a bad value (the key and its origin)
     */
    public static DeliveryPlan fromConfig(NewswatchConfig config, PrintStream console) {
        Path file = config.get(ConfigKeys.SUBSCRIPTIONS_FILE);
        ReceiverFactory factory = new ReceiverFactory(console);
        if (file == null) {
            return everyReceiver(factory.fromKeys(config));
        }
        Subscriptions subscriptions = Subscriptions.load(file);
        return routed(subscriptions, factory.build(subscriptions));
    }

    /**
     * The subscriptions' routing tree over receivers built from its definitions.
     *
     * @param receivers the receivers built from {@code subscriptions.receivers()}, named as there
     */
    public static DeliveryPlan routed(Subscriptions subscriptions, List<AlertReceiver> receivers) {
        return new DeliveryPlan(receivers, subscriptions.root());
    }

    /** Each receiver the alert goes to, with the route that sends it there. */
    public Map<String, Route> targets(Alert alert) {
        return root.targets(alert);
    }
}
