package io.newswatch.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
 * The configuration in force: defaults from {@link ConfigKeys}, then a YAML file, then environment variables,
 * then explicit overrides (command-line options). Immutable; {@link #with} returns a copy.
 *
 * <p>The YAML file may use dotted keys ({@code kafka.bootstrap.servers: ...}) or nested maps, or both. An
 * unknown key fails fast with its name, line and column; so does a value its key cannot parse. A retired key (one
 * that newswatch used to read) is not unknown: so that old files still load, it is ignored with one WARN line,
 * also kept in {@link #warnings()}, saying what replaced it.
 */
public final class NewswatchConfig {
    private static final Logger LOG = LoggerFactory.getLogger(NewswatchConfig.class);
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

    /** Defaults only. */
    public static NewswatchConfig defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> o = new HashMap<>();
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            v.put(k.name(), k.defaultText());
            o.put(k.name(), "default");
        }
        return new NewswatchConfig(v, o, List.of());
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

    /** Layers a YAML file on top. */
    public NewswatchConfig withFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        List<String> w = new ArrayList<>(warnings);
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return this;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(file + ":" + where(p.currentTokenLocation())
                        + ": the config file must be a map of keys to values");
            }
            readObject(p, "", file, v, o, w);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ConfigException(file + ":" + (loc == null ? "?" : where(loc)) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return new NewswatchConfig(v, o, w);
    }

    private static void readObject(JsonParser p, String prefix, Path file, Map<String, String> v,
                                   Map<String, String> o, List<String> w) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            JsonLocation loc = p.currentTokenLocation();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                readObject(p, key + ".", file, v, o, w);
                continue;
            }
            String origin = file + ":" + where(loc);
            if (RETIRED.containsKey(key)) {
                p.skipChildren();
                String warning = origin + ": config key '" + key + "' is ignored: " + RETIRED.get(key);
                LOG.warn("{}", warning);
                w.add(warning);
                continue;
            }
            if (!KNOWN.containsKey(key) && !key.startsWith(ConfigKeys.KAFKA_CLIENT_PREFIX)) {
                throw new ConfigException(origin + ": unknown config key '" + key + "'");
            }
            if (t == JsonToken.START_ARRAY) {
                throw new ConfigException(origin + ": " + key + " takes a single value, not a list");
            }
            String text = t == JsonToken.VALUE_NULL ? "" : p.getText();
            ConfigKey<?> k = KNOWN.get(key);
            if (k != null) {
                k.parse(text, origin);
            }
            v.put(key, text);
            o.put(key, origin);
        }
    }

    private static String where(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
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
        return key.parse(text == null ? key.defaultText() : text, origins.getOrDefault(key.name(), "default"));
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
