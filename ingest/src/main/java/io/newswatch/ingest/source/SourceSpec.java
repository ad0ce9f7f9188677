package io.newswatch.ingest.source;

import io.newswatch.model.net.AddressBlock;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.yaml.YamlTree.Position;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One source's keys as read from the sources file, with the line:column of each, turned into a {@link Source} by
 * {@link #toSource}. The rules are the ones {@link SourcesFile} documents; every message names the file, the
 * line:column, the key and (once known) the source id.
 */
final class SourceSpec {
    /** Every key, in the order messages list them. */
    static final List<String> KEY_ORDER = List.of("id", "type", "url", "path", "interval", "language", "include",
            "exclude", "selector", "since", "until", "discover", "allow_addresses");
    static final Set<String> KEYS = Set.copyOf(KEY_ORDER);
    static final Set<String> LIST_KEYS = Set.of("include", "exclude", "allow_addresses");
    private static final Set<String> TYPES = Set.of("rss", "atom", "feed", "sitemap", "html-index", "warc",
            "folder");
    private static final Set<String> DATED_TYPES = Set.of("rss", "atom", "feed", "sitemap", "warc");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    private static final ConfigKey<Duration> INTERVAL = ConfigKey.duration("interval");

    /** One list item and where it stands. */
    record Item(String value, Position at) {
    }

    private final Path file;
    private final Position itemAt;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<Item>> lists = new HashMap<>();
    private final Map<String, Position> at = new HashMap<>();
    private String id = "?";

    private final boolean checkPaths;

    /**
     * @param checkPaths whether a warc or folder path must exist here (true for a sources file; false for a source
     *                   read from the news.sources topic, whose path may exist only on the instance that polls it)
     */
    SourceSpec(Path file, Position itemAt, boolean checkPaths) {
        this.file = file;
        this.itemAt = itemAt;
        this.checkPaths = checkPaths;
    }

    boolean has(String key) {
        return at.containsKey(key);
    }

    void put(String key, Position keyAt, String value) {
        values.put(key, value);
        at.put(key, keyAt);
    }

    void putList(String key, Position keyAt, List<Item> items) {
        lists.put(key, List.copyOf(items));
        at.put(key, keyAt);
    }

    /** Validates the keys; {@code ids} collects the ids seen so far, for the duplicate check. */
    Source toSource(Map<String, Position> ids) {
        id = values.get("id");
        if (id == null || id.isEmpty()) {
            throw error(at.getOrDefault("id", itemAt), "source is missing its 'id'");
        }
        if (!ID.matcher(id).matches()) {
            throw error(at.get("id"), "'id' " + id + " must be lower-case letters, digits, dots, underscores and "
                    + "hyphens");
        }
        Position earlier = ids.putIfAbsent(id, at.get("id"));
        if (earlier != null) {
            throw error(at.get("id"), "duplicate 'id' " + id + " (first at " + earlier + ")");
        }
        String type = values.getOrDefault("type", "feed").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw error(at.get("type"), "'type' of " + id + " must be one of rss, atom, feed, sitemap, html-index, "
                    + "warc or folder, not '" + type + "'");
        }
        String url = null;
        Path path = null;
        if (Source.URL_TYPES.contains(type)) {
            notFor("path", type, "use 'url'");
            url = url(type);
        } else {
            notFor("url", type, "use 'path'");
            path = path(type);
        }
        String selector = selector(type);
        boolean discover = discover(type);
        DateRange range = range(type);
        UrlFilter filter = UrlFilter.of(patterns("include"), patterns("exclude"));
        List<AddressBlock> allow = allowAddresses(type);
        return new Source(id, type, url, path, interval(), language(), filter, selector, range, discover, allow);
    }

    private void notFor(String key, String type, String hint) {
        if (has(key)) {
            throw error(at.get(key), "'" + key + "' does not apply to " + id + " of type " + type + " (" + hint + ")");
        }
    }

    private String url(String type) {
        String url = values.get("url");
        if (url == null || url.isEmpty()) {
            throw error(at.getOrDefault("url", itemAt), "source " + id + " is missing its 'url' (required for type "
                    + type + ")");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (Exception e) {
            // reported below
        }
        throw error(at.get("url"), "'url' of " + id + " must be an absolute http(s) URL: " + url);
    }

    private Path path(String type) {
        String raw = values.get("path");
        if (raw == null || raw.isEmpty()) {
            throw error(at.getOrDefault("path", itemAt), "source " + id + " is missing its 'path' (required for type "
                    + type + ")");
        }
        Path path;
        try {
            Path given = Path.of(raw);
            Path base = file.toAbsolutePath().getParent();
            path = given.isAbsolute() || base == null ? given : base.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw error(at.get("path"), "'path' of " + id + " is not a valid path: " + raw);
        }
        boolean ok = !checkPaths || (type.equals("folder") ? Files.isDirectory(path)
                : Files.isDirectory(path) || (Files.isRegularFile(path) && WarcSourceReader.isWarc(path)));
        if (!ok) {
            throw error(at.get("path"), "'path' of " + id + " must be " + (type.equals("folder")
                    ? "an existing directory" : "an existing .warc or .warc.gz file or a directory of them")
                    + ": " + path);
        }
        return path;
    }

    private String selector(String type) {
        String selector = values.get("selector");
        if (!type.equals("html-index")) {
            notFor("selector", type, "only html-index sources take one");
            return null;
        }
        if (selector == null || selector.isEmpty()) {
            throw error(at.getOrDefault("selector", itemAt), "source " + id + " is missing its 'selector' (a CSS "
                    + "selector for article links, required for type html-index)");
        }
        try {
            QueryParser.parse(selector);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw error(at.get("selector"), "'selector' of " + id + " is not a valid CSS selector: " + e.getMessage());
        }
        return selector;
    }

    private boolean discover(String type) {
        if (!has("discover")) {
            return false;
        }
        if (!type.equals("sitemap")) {
            notFor("discover", type, "only sitemap sources take it");
        }
        if (!values.get("discover").equalsIgnoreCase("robots")) {
            throw error(at.get("discover"), "'discover' of " + id + " must be 'robots', not '"
                    + values.get("discover") + "'");
        }
        return true;
    }

    private DateRange range(String type) {
        if (!DATED_TYPES.contains(type)) {
            notFor("since", type, "entries of this type carry no date");
            notFor("until", type, "entries of this type carry no date");
            return DateRange.ALL;
        }
        Instant since = date("since", false);
        Instant until = date("until", true);
        if (since != null && until != null && until.isBefore(since)) {
            throw error(at.get("until"), "'until' of " + id + " is before its 'since'");
        }
        return new DateRange(since, until);
    }

    private Instant date(String key, boolean endOfDay) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return DateRange.parseBound(v, endOfDay);
        } catch (IllegalArgumentException e) {
            throw error(at.get(key), "'" + key + "' of " + id + " is not an ISO 8601 date such as 2024-03-01 "
                    + "or 2024-03-01T12:00:00Z: '" + v + "'");
        }
    }

    private List<AddressBlock> allowAddresses(String type) {
        if (!Source.URL_TYPES.contains(type)) {
            notFor("allow_addresses", type, "it fetches nothing");
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (Item item : lists.getOrDefault("allow_addresses", List.of())) {
            try {
                blocks.add(AddressBlock.parse(item.value()));
            } catch (IllegalArgumentException e) {
                throw error(item.at(), "'allow_addresses' of " + id + ": " + e.getMessage());
            }
        }
        return blocks;
    }

    private List<String> patterns(String key) {
        List<String> out = new ArrayList<>();
        for (Item item : lists.getOrDefault(key, List.of())) {
            try {
                Pattern.compile(item.value());
            } catch (PatternSyntaxException e) {
                throw error(item.at(), "'" + key + "' of " + id + " has a bad regular expression '" + item.value()
                        + "': " + e.getDescription() + " near index " + e.getIndex());
            }
            out.add(item.value());
        }
        return out;
    }

    private Duration interval() {
        String v = values.get("interval");
        if (v == null) {
            return null;
        }
        Duration interval;
        try {
            interval = INTERVAL.parse(v, file.toString());
        } catch (ConfigException e) {
            throw error(at.get("interval"), "'interval' of " + id + " is not a duration such as 30s, 15m or 2h: '"
                    + v + "'");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw error(at.get("interval"), "'interval' of " + id + " must be positive");
        }
        return interval;
    }

    private String language() {
        String language = values.get("language");
        if (language != null && !language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            throw error(at.get("language"), "'language' of " + id + " is not a language tag: " + language);
        }
        return language == null || language.isEmpty() ? null : language;
    }

    private SourcesException error(Position where, String message) {
        return SourcesFile.error(file, where, message);
    }
}
