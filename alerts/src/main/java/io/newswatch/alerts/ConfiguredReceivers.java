package io.newswatch.alerts;

import io.newswatch.alerts.config.SecretRef;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.ConsoleReceiver;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.OutboundUrlPolicy;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.alerts.receiver.WebhookSigner;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The receivers of the {@code alerts.console}, {@code alerts.file} and {@code alerts.webhook.*} keys: what the alerts
 * service delivers to when no subscriptions file ({@code alerts.subscriptions.file}) routes the alerts.
 */
public final class ConfiguredReceivers {
    /** Connect and exchange timeout of the configured webhook. */
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    private ConfiguredReceivers() {
    }

    /**
     * The receivers the configuration asks for: the console ({@code alerts.console}, coloured when {@code console}
     * is standard output on a terminal), the JSON Lines file ({@code alerts.file}, when set) and the webhook
     * ({@code alerts.webhook.url}, when set; timeout {@link #WEBHOOK_TIMEOUT}).
     *
     * @throws ConfigException when the webhook URL is not an http(s) URL (the message never quotes the URL)
     * @throws java.io.UncheckedIOException when the alerts file cannot be opened
     */
    public static List<AlertReceiver> from(NewswatchConfig config, PrintStream console) {
        List<AlertReceiver> list = new ArrayList<>();
        try {
            addReceivers(config, console, list);
        } catch (RuntimeException e) {
            list.forEach(AlertReceiver::close);
            throw e;
        }
        return list;
    }

    private static void addReceivers(NewswatchConfig config, PrintStream console, List<AlertReceiver> list) {
        if (config.get(ConfigKeys.ALERTS_CONSOLE)) {
            boolean colour = console == System.out && ConsoleReceiver.stdoutIsTerminal();
            list.add(new ConsoleReceiver(console, colour));
        }
        Path file = config.get(ConfigKeys.ALERTS_FILE);
        if (file != null) {
            list.add(new JsonlFileReceiver(file));
        }
        String webhook = config.get(ConfigKeys.ALERTS_WEBHOOK_URL).trim();
        if (!webhook.isEmpty()) {
            URI url;
            try {
                url = new URI(webhook);
            } catch (URISyntaxException e) {
                // the exception quotes its input, and webhook URLs carry tokens: say where, not what
                throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_URL.name() + " (from "
                        + config.origin(ConfigKeys.ALERTS_WEBHOOK_URL) + ") is not a valid URL: " + e.getReason());
            }
            OutboundUrlPolicy policy = OutboundUrlPolicy.defaults();
            if (config.get(ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK)) {
                policy = policy.allowingLoopback();
            }
            if (config.get(ConfigKeys.ALERTS_WEBHOOK_ALLOW_PRIVATE)) {
                policy = policy.allowingPrivate();
            }
            String key = config.get(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY).trim();
            WebhookSigner signer = null;
            if (!key.isEmpty()) {
                try {
                    signer = WebhookSigner.ofSecret(SecretRef.parse(key).resolve());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY.name() + ": " + e.getMessage());
                }
            }
            try {
                list.add(new WebhookReceiver(url, WEBHOOK_TIMEOUT, policy, signer));
            } catch (IllegalArgumentException e) {
                // the policy's reason names the key that permits the address, if any does
                throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_URL.name() + ": " + e.getMessage());
            }
        }
    }
}
