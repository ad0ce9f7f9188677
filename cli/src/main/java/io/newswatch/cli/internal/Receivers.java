package io.newswatch.cli.internal;

import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.model.config.NewswatchConfig;
import java.util.List;

/** The receivers a command delivers to, built from the configuration. */
public final class Receivers {
    private Receivers() {
    }

    /** Console (when {@code alerts.console}), JSONL file (when {@code alerts.file}), webhook (when set). */
    public static List<AlertReceiver> fromConfig(NewswatchConfig config) {
        return AlertsService.receiversFrom(config, System.out);
    }
}
