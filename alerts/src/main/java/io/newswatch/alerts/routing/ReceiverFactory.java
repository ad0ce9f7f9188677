package io.newswatch.alerts.routing;

import io.newswatch.alerts.config.SecretRef;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.ConsoleReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.alerts.receiver.EmailReceiver;
import io.newswatch.alerts.receiver.EmailSettings;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.Notification;
import io.newswatch.alerts.receiver.OutboundUrlPolicy;
import io.newswatch.alerts.receiver.SlackReceiver;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.alerts.receiver.WebhookSigner;
import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one builder of receivers: those a subscriptions file defines, each named as there (so the routing tree can
 * address it), and those of the {@code alerts.console}, {@code alerts.file} and {@code alerts.webhook.*} keys
 * ({@link #fromKeys}), which are turned into the same definitions and built by the same code.
 *
 * <p>Settings per type (secrets as {@code env:NAME} or {@code file:PATH}, see {@link SecretRef}):
 * <ul>
 *   <li>{@code console}: {@code colour} (auto, true, false; default auto: on when standard output is a terminal)</li>
 *   <li>{@code file}: {@code path} (required)</li>
 *   <li>{@code webhook}: {@code url} (required), {@code signing_key}, {@code allow_loopback}, {@code allow_private}
 *       (true/false), {@code timeout} (default 10s)</li>
 *   <li>{@code slack}: {@code url} (required: the incoming webhook), {@code allow_loopback},
 *       {@code allow_private} (as for a webhook), {@code templates}, {@code timeout}</li>
 *   <li>{@code email}: {@code host}, {@code from}, {@code to} (required; {@code to} a list), {@code port} (587),
 *       {@code starttls} (required, optional, none), {@code username}, {@code password}, {@code templates},
 *       {@code timeout}</li>
 * </ul>
 * {@code templates} names a directory whose files override the default message templates.
 *
 * <p>Failure behaviour: an unknown or missing setting, a bad value, a secret that cannot be read or a URL the
 * outbound policy refuses is a {@link ConfigError} naming the file, the setting's line:column, the receiver and the
 * key (for the {@code alerts.*} keys: the key and where its value came from), never the secret's value nor the
 * URL, which may carry a token. Receivers built before the failure are closed.
 */
public final class ReceiverFactory {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "console", Set.of("colour"),
            "file", Set.of("path"),
            "webhook", Set.of("url", "signing_key", "allow_loopback", "allow_private", "timeout"),
            "slack", Set.of("url", "allow_loopback", "allow_private", "templates", "timeout"),
            "email", Set.of("host", "port", "starttls", "username", "password", "from", "to", "templates",
                    "timeout"));
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ConfigKey<Duration> TIMEOUT = ConfigKey.duration("timeout");

    private final PrintStream console;

    /**
     * @param console where a console receiver prints
     */
    public ReceiverFactory(PrintStream console) {
        this.console = console;
    }

    /** Every receiver of the file, in file order. */
    public List<AlertReceiver> build(Subscriptions subscriptions) {
        return build(subscriptions.receivers());
    }

    /**
     * The receivers the {@code alerts.*} keys ask for, in this order: the console ({@code alerts.console}; coloured
     * when it prints to a terminal), the JSON Lines file ({@code alerts.file}, when set) and the webhook
     * ({@code alerts.webhook.url}, when set, with its signing key and address permissions; timeout 10s).
     */
    public List<AlertReceiver> fromKeys(NewswatchConfig config) {
        return build(keySpecs(config));
    }

    /** The {@code alerts.*} keys as receiver definitions, each setting remembering the key it came from. */
    static List<Subscriptions.ReceiverSpec> keySpecs(NewswatchConfig config) {
        List<Subscriptions.ReceiverSpec> specs = new ArrayList<>();
        if (config.get(ConfigKeys.ALERTS_CONSOLE)) {
            specs.add(keySpec("console", config, ConfigKeys.ALERTS_CONSOLE, Map.of()));
        }
        if (config.get(ConfigKeys.ALERTS_FILE) != null) {
            specs.add(keySpec("file", config, ConfigKeys.ALERTS_FILE,
                    Map.of("path", ConfigKeys.ALERTS_FILE)));
        }
        if (!config.get(ConfigKeys.ALERTS_WEBHOOK_URL).isBlank()) {
            specs.add(keySpec("webhook", config, ConfigKeys.ALERTS_WEBHOOK_URL, Map.of(
                    "url", ConfigKeys.ALERTS_WEBHOOK_URL,
                    "signing_key", ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY,
                    "allow_loopback", ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK,
                    "allow_private", ConfigKeys.ALERTS_WEBHOOK_ALLOW_PRIVATE)));
        }
        return specs;
    }

    private static Subscriptions.ReceiverSpec keySpec(String type, NewswatchConfig config, ConfigKey<?> defining,
                                                      Map<String, ConfigKey<?>> settingKeys) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, String> settingsAt = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigKey<?>> e : settingKeys.entrySet()) {
            settings.put(e.getKey(), config.asText().get(e.getValue().name()).trim());
            settingsAt.put(e.getKey(), where(config, e.getValue()));
        }
        return new Subscriptions.ReceiverSpec(null, type, settings, settingsAt, where(config, defining));
    }

    private static String where(NewswatchConfig config, ConfigKey<?> key) {
        return key.name() + " (" + config.origin(key) + ")";
    }

    private List<AlertReceiver> build(List<Subscriptions.ReceiverSpec> specs) {
        List<AlertReceiver> built = new ArrayList<>();
        try {
            for (Subscriptions.ReceiverSpec spec : specs) {
                built.add(build(spec));
            }
        } catch (RuntimeException e) {
            built.forEach(AlertReceiver::close);
            throw e;
        }
        return built;
    }

    /** One receiver, named as in the file (a receiver of the {@code alerts.*} keys keeps its own name). */
    public AlertReceiver build(Subscriptions.ReceiverSpec spec) {
        Settings s = new Settings(spec);
        for (String key : spec.settings().keySet()) {
            if (!KEYS.get(spec.type()).contains(key)) {
                throw s.error(key, "unknown setting '" + key + "' for a " + spec.type() + " receiver (expected "
                        + String.join(", ", KEYS.get(spec.type()).stream().sorted().toList()) + ")");
            }
        }
        AlertReceiver receiver = switch (spec.type()) {
            case "console" -> {
                String colour = s.text("colour", "auto").toLowerCase(Locale.ROOT);
                if (!Set.of("auto", "true", "false").contains(colour)) {
                    throw s.error("colour", "'colour' must be auto, true or false");
                }
                yield new ConsoleReceiver(console, colour.equals("auto")
                        ? console == System.out && ConsoleReceiver.stdoutIsTerminal() : colour.equals("true"));
            }
            case "file" -> new JsonlFileReceiver(Path.of(s.required("path")));
            case "webhook" -> webhook(s);
            case "slack" -> slack(spec.name(), s);
            case "email" -> email(s);
            default -> throw new IllegalStateException("unknown type " + spec.type());
        };
        return spec.name() == null ? receiver : new Named(spec.name(), receiver);
    }

    /** Public addresses only, unless {@code allow_loopback} or {@code allow_private} permit more. */
    private static OutboundUrlPolicy policy(Settings s) {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults();
        if (s.bool("allow_loopback")) {
            policy = policy.allowingLoopback();
        }
        if (s.bool("allow_private")) {
            policy = policy.allowingPrivate();
        }
        return policy;
    }

    private AlertReceiver slack(String name, Settings s) {
        OutboundUrlPolicy policy = policy(s);
        try {
            return new SlackReceiver(name, s.url("url"), s.timeout(), s.templates(), policy);
        } catch (IllegalArgumentException e) {
            throw s.error("url", e.getMessage()); // the policy's reason names the setting that permits it, if any
        }
    }

    private AlertReceiver webhook(Settings s) {
        OutboundUrlPolicy policy = policy(s);
        WebhookSigner signer = null;
        if (s.has("signing_key")) {
            try {
                signer = WebhookSigner.ofSecret(s.secret("signing_key"));
            } catch (IllegalArgumentException e) {
                throw s.error("signing_key", e.getMessage());
            }
        }
        try {
            return new WebhookReceiver(s.url("url"), s.timeout(), policy, signer);
        } catch (IllegalArgumentException e) {
            throw s.error("url", e.getMessage()); // the policy's reason names the setting that permits it, if any
        }
    }

    private AlertReceiver email(Settings s) {
        EmailSettings.StartTls tls;
        try {
            tls = EmailSettings.StartTls.valueOf(s.text("starttls", "required").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw s.error("starttls", "'starttls' must be required, optional or none");
        }
        int port;
        try {
            port = Integer.parseInt(s.text("port", "587"));
        } catch (NumberFormatException e) {
            throw s.error("port", "'port' must be a number");
        }
        List<String> to = s.list("to");
        if (to.isEmpty()) {
            throw s.error("to", "missing 'to': who receives the mail");
        }
        String password = s.has("password") ? s.secret("password") : null;
        String username = s.has("username") ? s.text("username", "") : null;
        try {
            return new EmailReceiver(new EmailSettings(s.required("host"), port, tls, username, password,
                    s.required("from"), to, s.timeout()), s.templates());
        } catch (IllegalArgumentException e) {
            throw s.error("host", e.getMessage());
        }
    }

    /** A receiver under the name the subscriptions file gives it. */
    private record Named(String name, AlertReceiver delegate) implements AlertReceiver {
        @Override
        public void deliver(Notification notification) throws DeliveryException {
            delegate.deliver(notification);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** One spec's settings, read with errors that say where. */
    private final class Settings {
        private final Subscriptions.ReceiverSpec spec;

        Settings(Subscriptions.ReceiverSpec spec) {
            this.spec = spec;
        }

        boolean has(String key) {
            Object v = spec.settings().get(key);
            return v != null && !(v instanceof String t && t.isBlank());
        }

        String text(String key, String fallback) {
            Object v = spec.settings().get(key);
            if (v == null || (v instanceof String t && t.isBlank())) {
                return fallback;
            }
            if (!(v instanceof String t)) {
                throw error(key, "'" + key + "' takes a single value");
            }
            return t;
        }

        String required(String key) {
            String v = text(key, null);
            if (v == null) {
                throw new ConfigError(spec.at() + ": " + (spec.name() == null ? "the " + spec.type() + " receiver"
                        : "receiver '" + spec.name() + "'") + " needs '" + key + "'");
            }
            return v;
        }

        List<String> list(String key) {
            Object v = spec.settings().get(key);
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
            return v == null || v.toString().isBlank() ? List.of() : List.of(v.toString().split("\\s*,\\s*"));
        }

        boolean bool(String key) {
            String v = text(key, "false");
            if (!v.equals("true") && !v.equals("false")) {
                throw error(key, "'" + key + "' must be true or false");
            }
            return v.equals("true");
        }

        String secret(String key) {
            String reference = required(key);
            try {
                return SecretRef.parse(reference).resolve();
            } catch (ConfigException e) {
                throw error(key, e.getMessage());
            }
        }

        URI url(String key) {
            String value = secret(key);
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null
                        || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    throw error(key, "'" + key + "' must be an absolute http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw error(key, "'" + key + "' is not a valid URL"); // the URL may hold a token: not quoted
            }
        }

        Duration timeout() {
            if (!has("timeout")) {
                return DEFAULT_TIMEOUT;
            }
            try {
                return TIMEOUT.parse(text("timeout", "10s"), spec.at());
            } catch (ConfigException e) {
                throw error("timeout", "'timeout' must be a duration such as 10s");
            }
        }

        AlertTemplates templates() {
            if (!has("templates")) {
                return AlertTemplates.defaults();
            }
            try {
                return AlertTemplates.load(Path.of(text("templates", "")));
            } catch (IOException | IllegalArgumentException e) {
                throw error("templates", e.getMessage());
            }
        }

        ConfigError error(String key, String message) {
            return new ConfigError(spec.settingsAt().getOrDefault(key, spec.at()) + ": " + who() + message);
        }

        private String who() {
            return spec.name() == null ? "" : "receiver '" + spec.name() + "': ";
        }
    }
}
