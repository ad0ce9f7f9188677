package io.newswatch.ingest.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the list of sources from YAML:
 *
 * <pre>
 * sources:
 *   - id: example-world
 *     type: feed          # rss, atom or feed (auto)
 *     url: https://example.org/world/rss.xml
 *     interval: 15m       # optional, default ingest.poll.interval
 *     language: en        # optional hint
 * </pre>
 *
 * <p>Validated on load, all or nothing: an unknown key, a missing id or url, a duplicate id, an id that is not
 * lower-case letters, digits, dots, underscores and hyphens, an unknown type, an interval that is not a positive
 * duration (250ms, 30s, 15m, 2h, 1d or ISO 8601) and a URL that is not absolute http(s) each raise a
 * {@link SourcesException} naming the file, the key and its line:column.
 */
public final class SourcesFile {
    private static final Set<String> KEYS = Set.of("id", "type", "url", "interval", "language");
    private static final Set<String> TYPES = Set.of("rss", "atom", "feed");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    private static final ConfigKey<Duration> INTERVAL = ConfigKey.duration("interval", "10m", "poll interval");

    private SourcesFile() {
    }

    /**
     * The sources in file order.
     *
     * @throws SourcesException naming the file, key and line:column of the first problem
     */
    public static List<Source> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SourcesException("sources file " + file + " does not exist");
        } catch (IOException e) {
            throw new SourcesException("cannot read sources file " + file + ": " + e.getMessage(), e);
        }
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SourcesException(file + ":1:1: empty sources file, expected a 'sources' list");
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "the file must be a map with a 'sources' list");
            }
            List<Source> sources = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                if (!key.equals("sources")) {
                    throw error(file, at, "unknown key '" + key + "' (expected 'sources')");
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw error(file, p.currentTokenLocation(), "'sources' must be a list");
                }
                sources = readList(p, file);
            }
            if (sources == null) {
                throw new SourcesException(file + ":1:1: no 'sources' list");
            }
            return List.copyOf(sources);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SourcesException(file + ":" + (loc == null ? "?" : where(loc)) + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourcesException("cannot read sources file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Source> readList(JsonParser p, Path file) throws IOException {
        List<Source> sources = new ArrayList<>();
        Map<String, JsonLocation> ids = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation itemAt = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                throw error(file, itemAt, "each source must be a map with id and url");
            }
            Map<String, String> values = new HashMap<>();
            Map<String, JsonLocation> where = new HashMap<>();
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                if (!KEYS.contains(key)) {
                    throw error(file, keyAt, "unknown key '" + key + "' (expected one of id, type, url, interval, "
                            + "language)");
                }
                if (!seen.add(key)) {
                    throw error(file, keyAt, "key '" + key + "' given twice");
                }
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw error(file, keyAt, "'" + key + "' takes a single value");
                }
                values.put(key, value == JsonToken.VALUE_NULL ? "" : p.getText().trim());
                where.put(key, keyAt);
            }
            sources.add(toSource(values, where, itemAt, file, ids));
        }
        return sources;
    }

    private static Source toSource(Map<String, String> v, Map<String, JsonLocation> at, JsonLocation itemAt,
                                   Path file, Map<String, JsonLocation> ids) {
        String id = v.get("id");
        if (id == null || id.isEmpty()) {
            throw error(file, at.getOrDefault("id", itemAt), "source is missing its 'id'");
        }
        if (!ID.matcher(id).matches()) {
            throw error(file, at.get("id"), "'id' " + id
                    + " must be lower-case letters, digits, dots, underscores and hyphens");
        }
        JsonLocation earlier = ids.putIfAbsent(id, at.get("id"));
        if (earlier != null) {
            throw error(file, at.get("id"), "duplicate 'id' " + id + " (first at " + where(earlier) + ")");
        }
        String url = v.get("url");
        if (url == null || url.isEmpty()) {
            throw error(file, at.getOrDefault("url", itemAt), "source " + id + " is missing its 'url'");
        }
        if (!isHttpUrl(url)) {
            throw error(file, at.get("url"), "'url' of " + id + " must be an absolute http(s) URL: " + url);
        }
        String type = v.getOrDefault("type", "feed").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw error(file, at.get("type"), "'type' of " + id + " must be rss, atom or feed, not '" + type + "'");
        }
        Duration interval = null;
        if (v.get("interval") != null) {
            try {
                interval = INTERVAL.parse(v.get("interval"), file.toString());
            } catch (ConfigException e) {
                throw error(file, at.get("interval"), "'interval' of " + id + " is not a duration such as 30s, "
                        + "15m or 2h: '" + v.get("interval") + "'");
            }
            if (interval.isZero() || interval.isNegative()) {
                throw error(file, at.get("interval"), "'interval' of " + id + " must be positive");
            }
        }
        String language = v.get("language");
        if (language != null && !language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            throw error(file, at.get("language"), "'language' of " + id + " is not a language tag: " + language);
        }
        return new Source(id, type, url, interval, language == null || language.isEmpty() ? null : language);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static SourcesException error(Path file, JsonLocation at, String message) {
        return new SourcesException(file + ":" + where(at) + ": " + message);
    }

    private static String where(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
