package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import io.newswatch.model.yaml.YamlTree.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subscriptions file ({@code config/subscriptions.yaml}): the receivers and the routing tree that decides
 * which receivers get which alert.
 *
 * <pre>
 * receivers:
 *   - name: desk            # unique; lower-case letters, digits, '-' and '_'
 *     type: console         # console, file, webhook, slack or email; the other keys are the type's settings
 *   - name: sanctions-team
 *     type: webhook
 *     url: env:SANCTIONS_WEBHOOK_URL
 * route:                    # the root: takes every alert
 *   receiver: desk
 *   routes:
 *     - match: {rule: sanctions-violation, min_severity: critical}
 *       receivers: [sanctions-team]
 *       continue: true      # later sibling routes are offered the alert too
 *     - match: {entities: [RU, KP], language: [en, ru]}
 *       matchers: ['source!="tass"', 'rule=~"ru-.*"']
 *       routes:
 *         - match: {severity: critical}   # no receiver: sends with its parent's (desk)
 *           group_by: [story]
 * </pre>
 *
 * <p>Inheritance, as in Alertmanager: a route that names no receiver sends with its parent's, so only the root
 * must name one; every grouping option a route leaves unset ({@code group_by}, {@code group_wait},
 * {@code group_interval}, {@code repeat_interval}, {@code repeat_for}) is the one set on the nearest route above,
 * also across a {@code group_by: none} in between.
 *
 * <p>Validated on load, all or nothing: an unknown key, a missing name or type, a duplicate receiver name, a route
 * naming a receiver that is not defined, a root without a receiver, a {@code match} or {@code matchers} on the
 * root, a matcher that does not parse ({@link FieldMatcher}), an unknown severity, a {@code continue} that is not
 * true/false and a value of the wrong shape each raise a {@link ConfigError} that starts with
 * {@code file:line:column} and names the key.
 *
 * @param receivers the receivers, in file order
 * @param root      the routing tree's root
 */
public record Subscriptions(List<ReceiverSpec> receivers, Route root) {
    private static final Set<String> TYPES = Set.of("console", "file", "webhook", "slack", "email");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final List<String> ROUTE_KEYS = List.of("receiver", "receivers", "match", "continue", "routes",
            "matchers", "group_by", "group_wait", "group_interval", "repeat_interval", "repeat_for", "digest");
    private static final List<String> TIMING_KEYS = List.of("group_wait", "group_interval", "repeat_interval",
            "repeat_for");
    private static final Set<String> MATCH_KEYS = Set.of("rule", "severity", "min_severity", "source", "language",
            "tags", "entities");

    /**
     * One receiver as the file defines it.
     *
     * @param settings   the type's own keys (url, path, to, ...): a text, or a list of texts; checked by
     *                   {@link ReceiverFactory}
     * @param name       its name in the routing tree; null for a receiver of the {@code alerts.*} keys, which keeps
     *                   the name it gives itself (the one the delivery log has always recorded for it)
     * @param settingsAt where each setting was written, for messages: {@code file:line:column} of its key, or a
     *                   configuration key and its origin
     * @param at         where the receiver was defined, in the same form
     */
    public record ReceiverSpec(String name, String type, Map<String, Object> settings, Map<String, String> settingsAt,
                               String at) {
    }

    /** The receivers that get the alert, each once, in routing-tree order. */
    public List<String> receiversFor(Alert alert) {
        return root.receiversFor(alert);
    }

    /** Reads and validates a subscriptions file. */
    public static Subscriptions load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigError("subscriptions file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses and validates subscriptions YAML; {@code origin} names it in messages. */
    public static Subscriptions parse(String yaml, String origin) {
        YamlTree.Node doc;
        try {
            doc = YamlTree.parse(yaml);
        } catch (YamlTree.YamlError e) {
            throw new ConfigError(e.in(origin));
        }
        return new Loader(origin).load(doc);
    }

    private static boolean groupsAnywhere(Route r) {
        return r.grouping().groups() || r.routes().stream().anyMatch(Subscriptions::groupsAnywhere);
    }

    /**
     * Grouping options as set on a route or above it; {@code groupBy} null means no grouping, a null duration
     * means not set anywhere above (its default applies).
     */
    private record Options(List<String> groupBy, Duration groupWait, Duration groupInterval,
                           Duration repeatInterval, Duration repeatFor) {
        static final Options UNSET = new Options(null, null, null, null, null);
    }

    private static final class Loader {
        private final String origin;
        private final Map<String, ReceiverSpec> receivers = new LinkedHashMap<>();

        Loader(String origin) {
            this.origin = origin;
        }

        Subscriptions load(Node doc) {
            Node top = map(doc, "the file", "a map with 'receivers' and 'route'");
            for (String key : top.entries().keySet()) {
                if (!key.equals("receivers") && !key.equals("route")) {
                    throw error(top.keyAt(key), "unknown key '" + key + "' (expected receivers, route)");
                }
            }
            Node list = top.entries().get("receivers");
            if (list == null) {
                throw error(top.at(), "no 'receivers' list");
            }
            if (!list.is(Node.Kind.LIST)) {
                throw error(list.at(), "'receivers' must be a list");
            }
            for (Node item : list.items()) {
                receiver(item);
            }
            Node route = top.entries().get("route");
            if (route == null) {
                throw error(top.at(), "no 'route': say which receivers get the alerts");
            }
            return new Subscriptions(List.copyOf(receivers.values()),
                    route(route, "route", true, Options.UNSET, List.of()));
        }

        private void receiver(Node item) {
            Node m = map(item, "a receiver", "a map with name and type");
            String name = scalar(m, "name", true);
            if (!NAME.matcher(name).matches()) {
                throw error(m.keyAt("name"), "receiver name '" + name + "' must be lower-case letters, digits, "
                        + "'-' and '_'");
            }
            if (receivers.containsKey(name)) {
                throw error(m.keyAt("name"), "receiver '" + name + "' defined twice (first at "
                        + receivers.get(name).at() + ")");
            }
            String type = scalar(m, "type", true).toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw error(m.keyAt("type"), "'type' of receiver '" + name + "' must be one of console, "
                        + "file, webhook, slack, email, not '" + type + "'");
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            Map<String, String> settingsAt = new LinkedHashMap<>();
            for (String k : m.entries().keySet()) {
                if (k.equals("name") || k.equals("type")) {
                    continue;
                }
                Node v = m.entries().get(k);
                settings.put(k, v.is(Node.Kind.LIST) ? strings(m, k) : scalar(m, k, false));
                settingsAt.put(k, origin + ":" + m.keyAt(k));
            }
            receivers.put(name, new ReceiverSpec(name, type, settings, settingsAt, origin + ":" + m.at()));
        }

        /**
         * One route and its children.
         *
         * @param inherited        the grouping options as set on the routes above (unset ones take defaults)
         * @param parentReceivers  the receivers the parent sends with, which a route naming none inherits
         */
        private Route route(Node node, String path, boolean root, Options inherited,
                            List<String> parentReceivers) {
            Node m = map(node, path, "a map with receiver(s), match and routes");
            for (String key : m.entries().keySet()) {
                if (!ROUTE_KEYS.contains(key)) {
                    throw error(m.keyAt(key), "unknown key '" + key + "' in " + path + " (expected "
                            + String.join(", ", ROUTE_KEYS) + ")");
                }
            }
            for (String key : List.of("match", "matchers")) {
                if (root && m.entries().containsKey(key)) {
                    throw error(m.keyAt(key), "the root route takes every alert: '" + key + "' belongs in its "
                            + "'routes'");
                }
            }
            if (root && m.entries().containsKey("continue")) {
                throw error(m.keyAt("continue"), "'continue' has no meaning on the root route");
            }
            if (m.entries().containsKey("receiver") && m.entries().containsKey("receivers")) {
                throw error(m.keyAt("receivers"), path + " gives both 'receiver' and 'receivers'");
            }
            List<String> names = m.entries().containsKey("receiver") ? List.of(scalar(m, "receiver", true))
                    : strings(m, "receivers");
            String namesKey = m.entries().containsKey("receiver") ? "receiver" : "receivers";
            for (String n : names) {
                if (!receivers.containsKey(n)) {
                    throw error(m.keyAt(namesKey), path + " names receiver '" + n + "', which is not defined "
                            + "(defined: " + String.join(", ", receivers.keySet()) + ")");
                }
            }
            boolean cont = false;
            if (m.entries().containsKey("continue")) {
                String v = scalar(m, "continue", true);
                if (!v.equals("true") && !v.equals("false")) {
                    throw error(m.keyAt("continue"), "'continue' in " + path + " must be true or false");
                }
                cont = v.equals("true");
            }
            AlertMatcher matcher = m.entries().containsKey("match") ? matcher(m.entries().get("match"), path)
                    : AlertMatcher.ANY;
            if (m.entries().containsKey("matchers")) {
                matcher = matcher.with(fieldMatchers(m, path));
            }
            if (root && names.isEmpty()) {
                throw error(m.at(), "the root route needs a 'receiver': it gets every alert no other route takes, "
                        + "and routes without a receiver of their own send with it");
            }
            boolean inheritsReceivers = names.isEmpty();
            List<String> sendsWith = inheritsReceivers ? parentReceivers : names;
            Options options = options(m, path, inherited);
            Grouping grouping = grouping(m, path, options);
            List<Route> children = new ArrayList<>();
            Node routes = m.entries().get("routes");
            if (routes != null) {
                if (!routes.is(Node.Kind.LIST)) {
                    throw error(routes.at(), "'routes' in " + path + " must be a list");
                }
                for (int i = 0; i < routes.items().size(); i++) {
                    children.add(route(routes.items().get(i), path + ".routes[" + i + "]", false, options, sendsWith));
                }
            }
            if (!grouping.groups() && children.stream().noneMatch(Subscriptions::groupsAnywhere)) {
                String timing = TIMING_KEYS.stream().filter(m.entries()::containsKey).findFirst().orElse(null);
                if (timing != null) {
                    throw error(m.keyAt(timing), "'" + timing + "' in " + path + " needs 'group_by' (or "
                            + "'digest') here, on a parent route or on a route below: without it each alert is sent "
                            + "at once");
                }
            }
            return new Route(path, matcher, sendsWith, cont, grouping, children, inheritsReceivers);
        }

        private List<FieldMatcher> fieldMatchers(Node m, String path) {
            List<String> texts = strings(m, "matchers");
            Node node = m.entries().get("matchers");
            List<FieldMatcher> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                Position at = node.is(Node.Kind.LIST) ? node.items().get(i).at() : node.at();
                try {
                    out.add(FieldMatcher.parse(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw error(at, path + ": " + e.getMessage());
                }
            }
            return out;
        }

        /**
         * The grouping options in force at this route: each one it sets, else the one set above it (as
         * Alertmanager inherits every unset route option), whether or not the routes above group.
         */
        private Options options(Node m, String path, Options inherited) {
            Map<String, Node> v = m.entries();
            if (v.containsKey("digest")) {
                for (String k : List.of("group_by", "group_wait", "group_interval")) {
                    if (v.containsKey(k)) {
                        throw error(m.keyAt(k), path + " gives both 'digest' and '" + k + "' (a digest is one "
                                + "group sent every interval)");
                    }
                }
            }
            List<String> groupBy = inherited.groupBy();
            Duration wait = inherited.groupWait();
            Duration interval = inherited.groupInterval();
            if (v.containsKey("digest")) {
                Duration every = duration(m, "digest", path);
                groupBy = List.of();
                wait = every;
                interval = every;
            }
            if (v.containsKey("group_by")) {
                List<String> fields = strings(m, "group_by");
                if (fields.equals(List.of("none"))) {
                    groupBy = null;
                } else {
                    for (String f : fields) {
                        if (!Grouping.FIELDS.contains(f)) {
                            throw error(m.keyAt("group_by"), "cannot group by '" + f + "' in " + path
                                    + " (use " + String.join(", ", Grouping.FIELDS) + ", [] for one group, or none)");
                        }
                    }
                    groupBy = fields;
                }
            }
            if (v.containsKey("group_wait")) {
                wait = duration(m, "group_wait", path);
            }
            if (v.containsKey("group_interval")) {
                interval = duration(m, "group_interval", path);
            }
            Duration repeat = v.containsKey("repeat_interval") ? duration(m, "repeat_interval", path)
                    : inherited.repeatInterval();
            Duration repeatFor = v.containsKey("repeat_for") ? duration(m, "repeat_for", path)
                    : inherited.repeatFor();
            return new Options(groupBy, wait, interval, repeat, repeatFor);
        }

        /** The route's grouping from the options in force, checked; unset options take their defaults. */
        private Grouping grouping(Node m, String path, Options o) {
            if (o.groupBy() == null) {
                return Grouping.NONE;
            }
            Duration wait = o.groupWait() != null ? o.groupWait() : Grouping.DEFAULT_GROUP_WAIT;
            Duration interval = o.groupInterval() != null ? o.groupInterval() : Grouping.DEFAULT_GROUP_INTERVAL;
            Duration repeat = o.repeatInterval() != null ? o.repeatInterval() : Duration.ZERO;
            Duration repeatFor = o.repeatFor() != null ? o.repeatFor() : Grouping.DEFAULT_REPEAT_FOR;
            if (interval.compareTo(Duration.ZERO) <= 0) {
                throw error(m.keyAt("group_interval"), "'group_interval' in " + path
                        + " must be longer than zero");
            }
            if (repeat.compareTo(Duration.ZERO) > 0 && repeat.compareTo(interval) < 0) {
                throw error(m.keyAt("repeat_interval"),
                        "'repeat_interval' in " + path + " must not be shorter than 'group_interval' ("
                                + interval.toString().substring(2).toLowerCase(Locale.ROOT) + ")");
            }
            return new Grouping(o.groupBy(), wait, interval, repeat, repeatFor);
        }

        private Duration duration(Node m, String key, String path) {
            String text = scalar(m, key, true);
            Duration d;
            try {
                d = ConfigKey.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw error(m.keyAt(key), "'" + key + "' in " + path + ": '" + text + "' " + e.getMessage());
            }
            if (d.isNegative()) {
                throw error(m.keyAt(key), "'" + key + "' in " + path + " must not be negative");
            }
            return d;
        }

        private AlertMatcher matcher(Node node, String path) {
            Node m = map(node, "'match' of " + path, "a map of conditions");
            for (String key : m.entries().keySet()) {
                if (!MATCH_KEYS.contains(key)) {
                    throw error(m.keyAt(key), "unknown condition '" + key + "' in " + path + " (expected "
                            + "rule, severity, min_severity, source, language, tags, entities)");
                }
            }
            Set<String> severities = new LinkedHashSet<>();
            for (String s : strings(m, "severity")) {
                severities.add(severity(s, m.keyAt("severity"), "severity"));
            }
            String min = m.entries().containsKey("min_severity")
                    ? severity(scalar(m, "min_severity", true), m.keyAt("min_severity"), "min_severity") : null;
            Set<String> languages = new LinkedHashSet<>();
            strings(m, "language").forEach(l -> languages.add(l.toLowerCase(Locale.ROOT)));
            return new AlertMatcher(Set.copyOf(strings(m, "rule")), severities, min, Set.copyOf(strings(m, "source")),
                    languages, Set.copyOf(strings(m, "tags")), Set.copyOf(strings(m, "entities")));
        }

        private String severity(String value, Position at, String key) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!AlertMatcher.SEVERITIES.contains(v)) {
                throw error(at, "'" + key + "' must be info, warning or critical, not '" + value + "'");
            }
            return v;
        }

        private Node map(Node node, String what, String expected) {
            if (node.is(Node.Kind.MAP)) {
                return node;
            }
            throw error(node.at(), what + " must be " + expected);
        }

        private String scalar(Node m, String key, boolean required) {
            Node v = m.entries().get(key);
            if (v == null || v.is(Node.Kind.NULL) || (v.is(Node.Kind.SCALAR) && v.text().isBlank())) {
                if (required) {
                    throw error(m.keyAt(key), "missing '" + key + "'");
                }
                return "";
            }
            if (!v.is(Node.Kind.SCALAR)) {
                throw error(v.at(), "'" + key + "' takes a single value");
            }
            return v.text().trim();
        }

        /** A list of scalars, or one scalar as a list of one; empty when the key is absent. */
        private List<String> strings(Node m, String key) {
            Node v = m.entries().get(key);
            if (v == null || v.is(Node.Kind.NULL)) {
                return List.of();
            }
            if (v.is(Node.Kind.SCALAR)) {
                return v.text().isBlank() ? List.of() : List.of(v.text().trim());
            }
            if (v.is(Node.Kind.LIST)) {
                List<String> out = new ArrayList<>();
                for (Node item : v.items()) {
                    if (!item.is(Node.Kind.SCALAR)) {
                        throw error(item.at(), "'" + key + "' must be a list of values");
                    }
                    out.add(item.text().trim());
                }
                return out;
            }
            throw error(v.at(), "'" + key + "' must be a value or a list of values");
        }

        private ConfigError error(Position at, String message) {
            return new ConfigError(origin + ":" + at + ": " + message);
        }
    }
}
