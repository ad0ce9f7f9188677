package io.newswatch.ingest.extract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the article's metadata (canonical URL, title, byline, date, language) from a parsed page, before any
 * boilerplate is removed. Sources are tried in order of how deliberately a publisher sets them: JSON-LD
 * (schema.org NewsArticle), Open Graph and article:* meta tags, then visible markup.
 */
public final class MetadataReader {
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+[|\\-\u2013\u2014:\u00b7]\\s+[^|\u2013\u2014]{2,60}$");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|von|par|por|от|автор:?)\\s+");
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");

    private final Document doc;
    private final List<Element> metas = new ArrayList<>();
    private final List<String> canonicalLinks = new ArrayList<>();
    private final List<Element> jsonLdScripts = new ArrayList<>();
    private final List<Element> authorElements = new ArrayList<>();
    private final List<Element> articleTimes = new ArrayList<>();
    private final List<Element> times = new ArrayList<>();
    private Element firstH1;
    private JsonLdArticles jsonLd;

    /** Reads the page once, keeping the few elements metadata comes from. */
    public MetadataReader(Document doc) {
        this(doc, true);
    }

    private MetadataReader(Document doc, boolean walk) {
        this.doc = doc;
        if (!walk) {
            return;
        }
        NodeTraversor.traverse(new NodeVisitor() {
            private int articleDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    collect(e, e.attributesSize() > 0 ? e.attributes() : null, articleDepth > 0);
                    if (e.normalName().equals("article")) {
                        articleDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.normalName().equals("article")) {
                    articleDepth--;
                }
            }
        }, doc);
    }

    /**
     * A reader that does not walk the page itself: the caller's own walk hands it every element, in document order
     * and before anything is removed, through {@link #collect}.
     */
    public static MetadataReader fedByCaller(Document doc) {
        return new MetadataReader(doc, false);
    }

    /** Takes note of one element; {@code inArticle} when it lies inside an {@code <article>}. */
    public void collect(Element e, Attributes attrs, boolean inArticle) {
        String tag = e.normalName();
        switch (tag) {
            case "meta" -> metas.add(e);
            case "link" -> {
                if (attrs != null && attrs.hasKey("href") && hasToken(attrs.get("rel"), "canonical")) {
                    // resolved now, while the link is still in the page; most are absolute already
                    String href = attrs.get("href").trim();
                    canonicalLinks.add(isHttp(href) ? href : e.absUrl("href"));
                }
            }
            case "script" -> {
                if (attrs != null && attrs.get("type").trim().equalsIgnoreCase("application/ld+json")) {
                    jsonLdScripts.add(e);
                }
            }
            case "h1" -> {
                if (firstH1 == null) {
                    firstH1 = e;
                }
            }
            default -> {
            }
        }
        if (attrs == null) {
            return;
        }
        if (attrs.hasKey("datetime")) {
            if (tag.equals("time") && inArticle) {
                articleTimes.add(e);
            }
            if (tag.equals("time") || attrs.hasKey("itemprop")) {
                times.add(e);
            }
        }
        String cls = attrs.get("class");
        if (attrs.get("rel").equalsIgnoreCase("author") || attrs.get("itemprop").equalsIgnoreCase("author")
                || (cls.length() >= 6 && (cls.contains("yline") || cls.contains("uthor"))
                && (e.hasClass("byline") || e.hasClass("author")))) {
            authorElements.add(e);
        }
    }

    private static boolean hasToken(String list, String token) {
        int from = 0;
        String lower = list.toLowerCase(Locale.ROOT);
        while (true) {
            int at = lower.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            if ((at == 0 || Character.isWhitespace(lower.charAt(at - 1)))
                    && (end == lower.length() || Character.isWhitespace(lower.charAt(end)))) {
                return true;
            }
            from = end;
        }
    }

    /** The page's own canonical URL when it declares an http(s) one ({@code rel=canonical}, then og:url), else null. */
    public String canonicalUrl() {
        for (String abs : canonicalLinks) {
            if (isHttp(abs)) {
                return abs;
            }
        }
        String og = metaContent("property=og:url", "name=og:url");
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
        String og = metaContent("property=og:title", "name=og:title");
        if (og != null) {
            return stripSiteName(og, metaContent("property=og:site_name"));
        }
        String headline = jsonLd().firstText("headline");
        if (headline != null) {
            return headline;
        }
        Element h1 = firstH1;
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
        for (JsonNode article : jsonLd().articles()) {
            JsonLdArticles.collectNames(article.get("author"), names);
            if (!names.isEmpty()) {
                break;
            }
        }
        if (!names.isEmpty()) {
            return String.join(", ", new LinkedHashSet<>(names));
        }
        String meta = metaContent("name=author", "property=article:author");
        if (meta != null && !meta.startsWith("http")) {
            return stripBy(meta);
        }
        for (Element e : authorElements) {
            String text = clean(e.text());
            if (text != null && text.length() <= 120) {
                return stripBy(text);
            }
        }
        return null;
    }

    /** JSON-LD datePublished, article:published_time and similar meta, then the article's time element. */
    public Instant publishedAt() {
        return date("datePublished", new String[] {"property=article:published_time",
            "name=article:published_time", "itemprop=datePublished", "name=date", "name=pubdate",
            "name=publishdate", "name=dc.date.issued", "property=og:published_time"}, true);
    }

    /**
     * JSON-LD dateModified, article:modified_time, og:updated_time and similar meta, then a time element marked
     * {@code itemprop=dateModified}. Null when the page states no update.
     */
    public Instant modifiedAt() {
        return date("dateModified", new String[] {"property=article:modified_time", "name=article:modified_time",
            "itemprop=dateModified", "property=og:updated_time", "name=last-modified", "name=dc.date.modified",
            "http-equiv=last-modified"}, false);
    }

    private Instant date(String jsonLdField, String[] metaKeys, boolean anyTimeElement) {
        for (JsonNode article : jsonLd().articles()) {
            Instant t = DateParsing.parse(JsonLdArticles.text(article.get(jsonLdField)));
            if (t != null) {
                return t;
            }
        }
        Instant fromMeta = DateParsing.parse(metaContent(metaKeys));
        if (fromMeta != null) {
            return fromMeta;
        }
        if (anyTimeElement) {
            for (Element time : articleTimes) {
                Instant t = DateParsing.parse(time.attr("datetime"));
                if (t != null) {
                    return t;
                }
            }
        }
        for (Element time : times) {
            if (time.attr("itemprop").equalsIgnoreCase(jsonLdField)) {
                Instant t = DateParsing.parse(time.attr("datetime"));
                if (t != null) {
                    return t;
                }
            }
        }
        if (anyTimeElement) {
            for (Element time : times) {
                if (time.normalName().equals("time")) {
                    Instant t = DateParsing.parse(time.attr("datetime"));
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** html lang, og:locale, then content-language, reduced to the primary subtag. */
    public String language() {
        Element html = doc.childrenSize() > 0 ? doc.firstElementChild() : null;
        if (html != null && !html.normalName().equals("html")) {
            html = null;
        }
        String lang = html == null ? null : normaliseLanguage(html.attr("lang"));
        if (lang == null && html != null) {
            lang = normaliseLanguage(html.attr("xml:lang"));
        }
        if (lang == null) {
            lang = normaliseLanguage(metaContent("property=og:locale"));
        }
        if (lang == null) {
            lang = normaliseLanguage(metaContent("http-equiv=content-language", "name=language"));
        }
        if (lang == null && !jsonLd().articles().isEmpty()) {
            lang = normaliseLanguage(JsonLdArticles.text(jsonLd().articles().get(0).get("inLanguage")));
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

    /**
     * The first non-blank content, in document order, of a meta element with one of the given
     * {@code attribute=value} pairs (values compared ignoring case).
     */
    private String metaContent(String... keys) {
        for (Element meta : metas) {
            for (String key : keys) {
                int eq = key.indexOf('=');
                if (meta.attr(key.substring(0, eq)).equalsIgnoreCase(key.substring(eq + 1))) {
                    String c = clean(meta.attr("content"));
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The story's text as the page's JSON-LD gives it ({@code articleBody} of its first article object), as
     * paragraphs split at line breaks; empty when it gives none. Markup inside it is dropped. It is a candidate for
     * the text, not a verdict: many publishers truncate it or fill it with a summary.
     */
    public List<String> articleBodyParagraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode article : jsonLd().articles()) {
            String body = JsonLdArticles.text(article.get("articleBody"));
            if (body == null || body.isBlank()) {
                continue;
            }
            for (String line : body.split("\\R+")) {
                String p = clean(Jsoup.parseBodyFragment(line).text());
                if (p != null) {
                    paragraphs.add(p);
                }
            }
            break;
        }
        return paragraphs;
    }

    private JsonLdArticles jsonLd() {
        if (jsonLd == null) {
            jsonLd = new JsonLdArticles(jsonLdScripts);
        }
        return jsonLd;
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

    static String stripBy(String text) {
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
