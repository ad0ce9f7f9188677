package io.newswatch.ingest.extract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the article's metadata (canonical URL, title, byline, date, language) from a parsed page, before any
 * boilerplate is removed. Sources are tried in order of how deliberately a publisher sets them: JSON-LD
 * (schema.org NewsArticle), Open Graph and article:* meta tags, then visible markup.
 */
public final class MetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "webpage",
            "livebloggingposting", "socialmediaposting", "techarticle", "report", "scholarlyarticle");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+[|\\-\u2013\u2014:\u00b7]\\s+[^|\u2013\u2014]{2,60}$");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|von|par|por|от|автор:?)\\s+");
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");

    private final Document doc;
    private final List<JsonNode> articleObjects;

    public MetadataReader(Document doc) {
        this.doc = doc;
        this.articleObjects = readJsonLd(doc);
    }

    /** The page's own canonical URL when it declares an http(s) one, else null. */
    public String canonicalUrl() {
        for (Element link : doc.select("link[rel~=(?i)^canonical$][href]")) {
            String abs = link.absUrl("href");
            if (isHttp(abs)) {
                return abs;
            }
        }
        String og = metaContent("meta[property=og:url], meta[name=og:url]");
        if (og != null) {
            String abs = doc.location().isEmpty() ? og : resolve(og);
            if (isHttp(abs)) {
                return abs;
            }
        }
        return null;
    }

    /** og:title, JSON-LD headline, first h1, then the title element without its site-name suffix. */
    public String title() {
        String og = metaContent("meta[property=og:title], meta[name=og:title]");
        if (og != null) {
            return stripSiteName(og, metaContent("meta[property=og:site_name]"));
        }
        String headline = jsonLdText("headline");
        if (headline != null) {
            return headline;
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return clean(h1.text());
        }
        String title = clean(doc.title());
        if (title == null) {
            return null;
        }
        var m = TITLE_SUFFIX.matcher(title);
        return m.matches() ? m.group(1).trim() : title;
    }

    /** JSON-LD author, meta author, rel=author, then a .byline element; "By" prefixes removed. */
    public String byline() {
        List<String> names = new ArrayList<>();
        for (JsonNode article : articleObjects) {
            collectNames(article.get("author"), names);
            if (!names.isEmpty()) {
                break;
            }
        }
        if (!names.isEmpty()) {
            return String.join(", ", new LinkedHashSet<>(names));
        }
        String meta = metaContent("meta[name=author], meta[property=article:author]");
        if (meta != null && !meta.startsWith("http")) {
            return stripBy(meta);
        }
        for (Element e : doc.select("[rel=author], [itemprop=author], .byline, .author")) {
            String text = clean(e.text());
            if (text != null && text.length() <= 120) {
                return stripBy(text);
            }
        }
        return null;
    }

    /** JSON-LD datePublished, article:published_time and similar meta, then the article's time element. */
    public Instant publishedAt() {
        for (JsonNode article : articleObjects) {
            Instant t = DateParsing.parse(text(article.get("datePublished")));
            if (t != null) {
                return t;
            }
        }
        String meta = metaContent("meta[property=article:published_time], meta[name=article:published_time], "
                + "meta[itemprop=datePublished], meta[name=date], meta[name=pubdate], meta[name=publishdate], "
                + "meta[name=dc.date.issued], meta[name=DC.date.issued], meta[property=og:published_time]");
        Instant fromMeta = DateParsing.parse(meta);
        if (fromMeta != null) {
            return fromMeta;
        }
        for (String query : List.of("article time[datetime]", "[itemprop=datePublished][datetime]",
                "time[datetime]")) {
            for (Element time : doc.select(query)) {
                Instant t = DateParsing.parse(time.attr("datetime"));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** html lang, og:locale, then content-language, reduced to the primary subtag. */
    public String language() {
        Element html = doc.selectFirst("html");
        String lang = html == null ? null : normaliseLanguage(html.attr("lang"));
        if (lang == null && html != null) {
            lang = normaliseLanguage(html.attr("xml:lang"));
        }
        if (lang == null) {
            lang = normaliseLanguage(metaContent("meta[property=og:locale]"));
        }
        if (lang == null) {
            lang = normaliseLanguage(metaContent("meta[http-equiv~=(?i)content-language], meta[name=language]"));
        }
        if (lang == null && !articleObjects.isEmpty()) {
            lang = normaliseLanguage(text(articleObjects.get(0).get("inLanguage")));
        }
        return lang;
    }

    /** "en-US", "en_GB", "ZH-Hans" -> "en", "en", "zh"; null for blanks and non-tags. */
    public static String normaliseLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String first = tag.trim().split("[,;\\s]")[0];
        var m = LANGUAGE.matcher(first);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private String metaContent(String query) {
        for (Element meta : doc.select(query)) {
            String c = clean(meta.attr("content"));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private String jsonLdText(String field) {
        for (JsonNode article : articleObjects) {
            String t = clean(text(article.get(field)));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static List<JsonNode> readJsonLd(Document doc) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collectArticles(JSON.readTree(script.data()), found);
            } catch (IOException e) {
                // A publisher's broken JSON-LD is common; the visible markup still has the metadata.
            }
        }
        return found;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        collectArticles(node.get("@graph"), out);
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        for (String t : types) {
            if (ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) {
                // Real article types before a generic WebPage, which rarely carries author and date.
                if (t.equalsIgnoreCase("webpage")) {
                    out.add(node);
                } else {
                    out.add(0, node);
                }
                return;
            }
        }
    }

    private static void collectNames(JsonNode author, List<String> names) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> collectNames(a, names));
        } else if (author.isObject()) {
            String name = clean(text(author.get("name")));
            if (name != null) {
                names.add(stripBy(name));
            }
        } else if (author.isTextual()) {
            String name = clean(author.asText());
            if (name != null && !name.startsWith("http")) {
                names.add(stripBy(name));
            }
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@value") ? node.get("@value") : node.get("name"));
        }
        return node.asText();
    }

    private String resolve(String href) {
        try {
            return java.net.URI.create(doc.location()).resolve(href).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    private static String stripSiteName(String title, String siteName) {
        if (siteName == null) {
            return title;
        }
        for (String sep : List.of(" | ", " - ", " \u2013 ", " \u2014 ", " : ")) {
            String suffix = sep + siteName;
            if (title.endsWith(suffix) && title.length() > suffix.length()) {
                return title.substring(0, title.length() - suffix.length()).trim();
            }
        }
        return title;
    }

    private static String stripBy(String text) {
        return BY_PREFIX.matcher(text).replaceFirst("").trim();
    }

    private static boolean isHttp(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
        return t.isEmpty() ? null : t;
    }
}
