package io.newswatch.alerts.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers its line and column, so a configuration error can say
 * exactly where it is. Maps keep their key order and remember where each key stands; duplicate keys are refused.
 */
sealed interface YamlNode {
    /** Where the node starts, as {@code line:column} (1-based). */
    String at();

    /** A scalar: its text ({@code ""} for null). */
    record Scalar(String text, String at) implements YamlNode {
    }

    /** A sequence. */
    record Seq(List<YamlNode> items, String at) implements YamlNode {
    }

    /** A mapping: values and key positions by key, in document order. */
    record MapNode(Map<String, YamlNode> values, Map<String, String> keyAt, String at) implements YamlNode {
    }

    /**
     * Parses a document.
     *
     * @param origin names the text in messages (a file name)
     * @throws ConfigError naming origin:line:column for malformed YAML or a duplicate key
     */
    static YamlNode parse(String yaml, String origin) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new MapNode(Map.of(), Map.of(), "1:1");
            }
            return read(p, t, origin);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ConfigError(origin + ":" + (loc == null ? "?" : where(loc)) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode read(JsonParser p, JsonToken t, String origin) throws IOException {
        String at = where(p.currentTokenLocation());
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> values = new LinkedHashMap<>();
            Map<String, String> keyAt = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String kAt = where(p.currentTokenLocation());
                if (values.containsKey(key)) {
                    throw new ConfigError(origin + ":" + kAt + ": key '" + key + "' given twice (first at "
                            + keyAt.get(key) + ")");
                }
                keyAt.put(key, kAt);
                values.put(key, read(p, p.nextToken(), origin));
            }
            return new MapNode(Collections.unmodifiableMap(values), Collections.unmodifiableMap(keyAt), at);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            JsonToken n;
            while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                items.add(read(p, n, origin));
            }
            return new Seq(List.copyOf(items), at);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? "" : p.getText(), at);
    }

    private static String where(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
