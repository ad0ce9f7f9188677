package io.newswatch.cli.internal;

import io.newswatch.alerts.ConfiguredReceivers;
import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.routing.ReceiverFactory;
import io.newswatch.alerts.routing.Subscriptions;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;

/** The receivers a command delivers to, built from the configuration. */
public final class Receivers {
    private Receivers() {
    }

    /**
     * With {@code alerts.subscriptions.file} set: its receivers and routing tree. Otherwise every alert to the
     * console (when {@code alerts.console}), the JSONL file (when {@code alerts.file}) and the webhook (when set).
     *
     * @throws io.newswatch.alerts.routing.ConfigError when the subscriptions file is invalid (file:line:column)
     */
    public static DeliveryPlan fromConfig(NewswatchConfig config) {
        Path file = config.get(ConfigKeys.SUBSCRIPTIONS_FILE);
        if (file == null) {
            return DeliveryPlan.everyReceiver(ConfiguredReceivers.from(config, System.out));
        }
        Subscriptions subscriptions = Subscriptions.load(file);
        return DeliveryPlan.routed(subscriptions, new ReceiverFactory(file.toString(), System.out)
                .build(subscriptions));
    }
}
