package io.newswatch.model.config;

import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration in force, in layers: the defaults ({@code newswatch-default.yaml} on the classpath, the one
 * place each default is written), then a YAML file, then environment variables, then explicit overrides
 * (command-line options). Every file is read through {@link YamlTree}. Immutable; {@link #with} returns a copy.
 *
 * <p>The YAML file may use dotted keys ({@code kafka.bootstrap.servers: ...}) or nested maps, or both. An
 * unknown key fails fast with its name, line and column; so does a value its key cannot parse. A retired key (one
 * that newswatch used to read) is not unknown: so that old files still load, it is ignored with one WARN line,
 * also kept in {@link #warnings()}, saying what replaced it.
 */
public final class NewswatchConfig {
    private static final Logger LOG = LoggerFactory.getLogger(NewswatchConfig.class);
    /** The defaults layer's resource, next to this class. */
    public static final String DEFAULT_FILE = "newswatch-default.yaml";
    private static final Map<String, ConfigKey<?>> KNOWN = new HashMap<>();
    /** Keys removed from newswatch, each with what to tell a user whose file still sets it. */
    private static final Map<String, String> RETIRED = Map.of(
            "alerts.delivery.attempts", "it no longer has an effect: an alert is retried until "
                    + ConfigKeys.ALERTS_DELIVERY_MAX_AGE.name() + ", and a receiver failing "
                    + ConfigKeys.ALERTS_DELIVERY_CIRCUIT_FAILURES.name()
                    + " times in a row counts as down and makes its alerts wait; remove the line");

    static {
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            KNOWN.put(k.name(), k);
        }
    }

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> warnings;

    private NewswatchConfig(Map<String, String> values, Map<String, String> origins, List<String> warnings) {
        this.values = values;
        this.origins = origins;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Defaults only: {@code newswatch-default.yaml} from the classpath, read like any configuration file.
     *
     * @throws IllegalStateException if that file does not set exactly the keys of {@link ConfigKeys#ALL}, or sets
     *                               one to a value its key refuses (a build error, caught by the tests)
     */
    public static NewswatchConfig defaults() {
        return Defaults.LAYER;
    }

    /** The defaults layer, read once. */
    private static final class Defaults {
        static final NewswatchConfig LAYER = read();

        private static NewswatchConfig read() {
            String text;
            try (InputStream in = NewswatchConfig.class.getResourceAsStream(DEFAULT_FILE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_FILE + " is missing from the classpath");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_FILE, e);
            }
            NewswatchConfig layer;
            try {
                layer = new NewswatchConfig(Map.of(), Map.of(), List.of()).layer(text, DEFAULT_FILE, true);
            } catch (ConfigException e) {
                throw new IllegalStateException("the defaults layer is broken: " + e.getMessage(), e);
            }
            List<String> missing = ConfigKeys.ALL.stream().map(ConfigKey::name)
                    .filter(k -> !layer.values.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(DEFAULT_FILE + " gives no default for " + missing);
            }
            return layer;
        }
    }

    /**
     * Defaults, then the file (when not null), then the environment.
     *
     * @throws ConfigException naming the file, key and position of the first problem
     */
    public static NewswatchConfig load(Path file, Map<String, String> env) {
        NewswatchConfig c = defaults();
        if (file != null) {
            c = c.withFile(file);
        }
        return c.withEnvironment(env);
    }

    /**
     * Layers a YAML file on top.
     *
     * @throws ConfigException naming the file and line:column of the first unknown key, bad value, list where a
     *                         single value belongs, or YAML error
     */
    public NewswatchConfig withFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return layer(text, file.toString(), false);
    }

    /**
     * This configuration with the keys of one YAML text on top.
     *
     * @param defaults whether the text is the defaults layer, whose values are reported as coming from "default"
     */
    private NewswatchConfig layer(String text, String source, boolean defaults) {
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.YamlError e) {
            throw new ConfigException(e.in(source));
        }
        if (root.is(Node.Kind.NULL)) {
            return this;
        }
        if (!root.is(Node.Kind.MAP)) {
            throw new ConfigException(source + ":" + root.at() + ": the config file must be a map of keys to values");
        }
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        List<String> w = new ArrayList<>(warnings);
        readMap(root, "", source, defaults, v, o, w);
        return new NewswatchConfig(v, o, w);
    }

    /** Reads one map, whose keys may be dotted, nested, or both. */
    private static void readMap(Node map, String prefix, String source, boolean defaults, Map<String, String> v,
                                Map<String, String> o, List<String> w) {
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String key = prefix + e.getKey();
            Node value = e.getValue();
            if (value.is(Node.Kind.MAP)) {
                readMap(value, key + ".", source, defaults, v, o, w);
                continue;
            }
            String at = source + ":" + map.keyAt(e.getKey());
            if (RETIRED.containsKey(key)) {
                String warning = at + ": config key '" + key + "' is ignored: " + RETIRED.get(key);
                LOG.warn("{}", warning);
                w.add(warning);
                continue;
            }
            if (!KNOWN.containsKey(key) && !key.startsWith(ConfigKeys.KAFKA_CLIENT_PREFIX)) {
                throw new ConfigException(at + ": unknown config key '" + key + "'");
            }
            if (value.is(Node.Kind.LIST)) {
                throw new ConfigException(at + ": " + key + " takes a single value, not a list");
            }
            String text = value.textOrEmpty();
            ConfigKey<?> k = KNOWN.get(key);
            if (k != null) {
                k.parse(text, at);
            }
            v.put(key, text);
            o.put(key, defaults ? "default" : at);
        }
    }

    /** Layers environment variables on top ({@code NEWSWATCH_<KEY>}, plus {@code NEWSWATCH_BOOTSTRAP_SERVERS}). */
    public NewswatchConfig withEnvironment(Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        String shortBootstrap = env.get("NEWSWATCH_BOOTSTRAP_SERVERS");
        if (shortBootstrap != null) {
            put(ConfigKeys.BOOTSTRAP_SERVERS, shortBootstrap, "environment NEWSWATCH_BOOTSTRAP_SERVERS", v, o);
        }
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            String e = env.get(k.envName());
            if (e != null) {
                put(k, e, "environment " + k.envName(), v, o);
            }
        }
        return new NewswatchConfig(v, o, warnings);
    }

    /** A copy with one key set (a command-line option, say), validated. */
    public <T> NewswatchConfig with(ConfigKey<T> key, String text) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        put(key, text, "command line", v, o);
        return new NewswatchConfig(v, o, warnings);
    }

    private static void put(ConfigKey<?> k, String text, String origin, Map<String, String> v, Map<String, String> o) {
        k.parse(text, origin);
        v.put(k.name(), text);
        o.put(k.name(), origin);
    }

    /** The typed value of a key. */
    public <T> T get(ConfigKey<T> key) {
        String text = values.get(key.name());
        if (text == null) {
            throw new IllegalArgumentException(key.name() + " is not a key of " + DEFAULT_FILE);
        }
        return key.parse(text, origins.getOrDefault(key.name(), "default"));
    }

    /** Where the value of a key came from: "default", "file:line:col", "environment X" or "command line". */
    public String origin(ConfigKey<?> key) {
        return origins.getOrDefault(key.name(), "default");
    }

    /** What loading had to warn about (each already logged at WARN): today, retired keys that were ignored. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when a Kafka cluster is configured; false means "start the embedded broker". */
    public boolean hasBootstrapServers() {
        return !get(ConfigKeys.BOOTSTRAP_SERVERS).isBlank();
    }

    /** Extra Kafka client properties ({@code kafka.client.*} keys, prefix removed) plus the bootstrap servers. */
    public Properties kafkaClientProperties() {
        Properties p = new Properties();
        for (var e : values.entrySet()) {
            if (e.getKey().startsWith(ConfigKeys.KAFKA_CLIENT_PREFIX) && !KNOWN.containsKey(e.getKey())) {
                p.put(e.getKey().substring(ConfigKeys.KAFKA_CLIENT_PREFIX.length()), e.getValue());
            }
        }
        p.put("bootstrap.servers", get(ConfigKeys.BOOTSTRAP_SERVERS));
        return p;
    }

    /** Every value as text, for display (`newswatch config`). */
    public Map<String, String> asText() {
        return Collections.unmodifiableMap(values);
    }
}
