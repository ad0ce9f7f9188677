package io.newswatch.ingest.source;

import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import io.newswatch.model.yaml.YamlTree.Position;
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
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.YamlError e) {
            throw new SourcesException(e.in(file), e);
        }
        if (root.is(Node.Kind.NULL)) {
            throw new SourcesException(file + ":1:1: empty sources file, expected a 'sources' list");
        }
        if (!root.is(Node.Kind.MAP)) {
            throw error(file, root.at(), "the file must be a map with a 'sources' list");
        }
        for (String key : root.entries().keySet()) {
            if (!key.equals("sources")) {
                throw error(file, root.keyAt(key), "unknown key '" + key + "' (expected 'sources')");
            }
        }
        Node list = root.entries().get("sources");
        if (list == null) {
            throw new SourcesException(file + ":1:1: no 'sources' list");
        }
        if (!list.is(Node.Kind.LIST)) {
            throw error(file, list.at(), "'sources' must be a list");
        }
        List<Source> sources = new ArrayList<>();
        Map<String, Position> ids = new HashMap<>();
        for (Node item : list.items()) {
            if (!item.is(Node.Kind.MAP)) {
                throw error(file, item.at(), "each source must be a map with id and url");
            }
            sources.add(readItem(item, file, ids, true));
        }
        return List.copyOf(sources);
    }

    /**
     * Reads one source map.
     *
     * @param checkPaths whether warc and folder paths must exist on this machine
     */
    static Source readItem(Node item, Path file, Map<String, Position> ids, boolean checkPaths) {
        SourceSpec spec = new SourceSpec(file, item.at(), checkPaths);
        for (Map.Entry<String, Node> e : item.entries().entrySet()) {
            String key = e.getKey();
            Position keyAt = item.keyAt(key);
            if (!SourceSpec.KEYS.contains(key)) {
                throw error(file, keyAt, "unknown key '" + key + "' (expected one of "
                        + String.join(", ", SourceSpec.KEY_ORDER) + ")");
            }
            Node value = e.getValue();
            if (value.is(Node.Kind.LIST) && SourceSpec.LIST_KEYS.contains(key)) {
                spec.putList(key, keyAt, readStrings(value, file, key));
                continue;
            }
            if (value.is(Node.Kind.MAP) || value.is(Node.Kind.LIST)) {
                throw error(file, keyAt, "'" + key + "' takes a single value");
            }
            String text = value.textOrEmpty().trim();
            if (SourceSpec.LIST_KEYS.contains(key)) {
                spec.putList(key, keyAt, text.isEmpty() ? List.of() : List.of(new SourceSpec.Item(text,
                        value.at())));
            } else {
                spec.put(key, keyAt, text);
            }
        }
        return spec.toSource(ids);
    }

    private static List<SourceSpec.Item> readStrings(Node list, Path file, String key) {
        List<SourceSpec.Item> items = new ArrayList<>();
        for (Node n : list.items()) {
            if (!n.is(Node.Kind.SCALAR)) {
                throw error(file, n.at(), "'" + key + "' must be a list of regular expressions");
            }
            items.add(new SourceSpec.Item(n.text(), n.at()));
        }
        return items;
    }

    static SourcesException error(Path file, Position at, String message) {
        return new SourcesException(file + ":" + at + ": " + message);
    }
}
