package io.newswatch.ingest.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the list of sources from YAML:
 *
 * <pre>
 * sources:
 *   - id: example-world
 *     type: feed          # rss, atom, feed (auto), sitemap, html-index, warc or folder
 *     url: https://example.org/world/rss.xml
 *     interval: 15m       # optional, default ingest.poll.interval
 *     language: en        # optional hint
 *     include: [ '/world/' ]      # optional regular expressions on entry URLs
 *     exclude: [ '/live-' ]       # optional; exclude wins
 * </pre>
 *
 * <p>Type-specific keys: {@code url} (feed types, sitemap, html-index: absolute http(s)); {@code path} (warc: a
 * .warc/.warc.gz file or a directory of them; folder: a directory; relative paths are resolved against the
 * sources file's directory and must exist); {@code selector} (html-index only, required: a jsoup CSS selector);
 * {@code discover: robots} (sitemap only: {@code url} is the site, its robots.txt names the sitemaps);
 * {@code since}/{@code until} (feed types, sitemap, warc: ISO 8601 date such as 2024-03-01, or date-time with
 * offset; both inclusive, since not after until).
 *
 * <p>Validated on load, all or nothing: an unknown key, a key that does not apply to the source's type, a missing
 * id or required key, a duplicate id, an id that is not lower-case letters, digits, dots, underscores and hyphens,
 * an unknown type, an interval that is not a positive duration (250ms, 30s, 15m, 2h, 1d or ISO 8601), a URL that
 * is not absolute http(s), a missing path, a selector jsoup cannot parse, a bad date and a regular expression that
 * does not compile each raise a {@link SourcesException} naming the file, the source id, the key and its
 * line:column (for a list item, the item's own line:column).
 */
public final class SourcesFile {

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
            // a relative default (config/sources.yaml) is resolved against the working directory: say so, and how
            // to name another file, since "run" started elsewhere meets this first
            throw new SourcesException("sources file " + file + " does not exist"
                    + (file.isAbsolute() ? "" : " (relative to the working directory " + Path.of("").toAbsolutePath()
                    + ")") + "; name one with --sources FILE or ingest.sources.file");
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
            if (t != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "each source must be a map with id and url");
            }
            sources.add(readItem(p, file, ids, true));
        }
        return sources;
    }

    /**
     * Reads one source map; the parser stands on its START_OBJECT and is left on its END_OBJECT.
     *
     * @param checkPaths whether warc and folder paths must exist on this machine
     */
    static Source readItem(JsonParser p, Path file, Map<String, JsonLocation> ids, boolean checkPaths)
            throws IOException {
        SourceSpec spec = new SourceSpec(file, p.currentTokenLocation(), checkPaths);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            if (!SourceSpec.KEYS.contains(key)) {
                throw error(file, keyAt, "unknown key '" + key + "' (expected one of "
                        + String.join(", ", SourceSpec.KEY_ORDER) + ")");
            }
            if (spec.has(key)) {
                throw error(file, keyAt, "key '" + key + "' given twice");
            }
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && SourceSpec.LIST_KEYS.contains(key)) {
                spec.putList(key, keyAt, readStrings(p, file, key));
                continue;
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw error(file, keyAt, "'" + key + "' takes a single value");
            }
            String text = value == JsonToken.VALUE_NULL ? "" : p.getText().trim();
            if (SourceSpec.LIST_KEYS.contains(key)) {
                spec.putList(key, keyAt, text.isEmpty() ? List.of() : List.of(new SourceSpec.Item(text,
                        p.currentTokenLocation())));
            } else {
                spec.put(key, keyAt, text);
            }
        }
        return spec.toSource(ids);
    }

    private static List<SourceSpec.Item> readStrings(JsonParser p, Path file, String key) throws IOException {
        List<SourceSpec.Item> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t == JsonToken.VALUE_NULL) {
                throw error(file, at, "'" + key + "' must be a list of regular expressions");
            }
            items.add(new SourceSpec.Item(p.getText(), at));
        }
        return items;
    }

    static SourcesException error(Path file, JsonLocation at, String message) {
        return new SourcesException(file + ":" + where(at) + ": " + message);
    }

    static String where(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
