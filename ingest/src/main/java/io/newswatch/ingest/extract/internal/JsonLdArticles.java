package io.newswatch.ingest.extract.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The article objects of a page's JSON-LD ({@code <script type="application/ld+json">}, schema.org): every object
 * whose {@code @type} is an article type (NewsArticle, BlogPosting, Report, ...), at any depth and inside
 * {@code @graph}, real article types before a generic WebPage; parsed on first use, since most pages never need them.
 *
 * <p>Failure behaviour: a script that is not valid JSON is skipped (publishers' JSON-LD is often broken, and the
 * visible markup still has the metadata); a script that cannot hold an article is not parsed at all.
 */
final class JsonLdArticles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "webpage",
            "livebloggingposting", "socialmediaposting", "techarticle", "report", "scholarlyarticle");

    private final List<Element> scripts;
    private List<JsonNode> articleObjects;

    JsonLdArticles(List<Element> scripts) {
        this.scripts = scripts;
    }

    /** The article objects, the most specific first. */
    List<JsonNode> articles() {
        if (articleObjects == null) {
            articleObjects = readJsonLd(scripts);
        }
        return articleObjects;
    }

    /** The first article object's non-blank value of {@code field}, cleaned; null when none has one. */
    String firstText(String field) {
        for (JsonNode article : articles()) {
            String t = MetadataReader.clean(text(article.get(field)));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static List<JsonNode> readJsonLd(List<Element> scripts) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data();
            if (!mayHoldAnArticle(data)) {
                continue; // breadcrumbs, organisation or site-search blocks: not worth parsing
            }
            try {
                collectArticles(JSON.readTree(data), found);
            } catch (IOException e) {
                // A publisher's broken JSON-LD is common; the visible markup still has the metadata.
            }
        }
        return found;
    }


    private static boolean mayHoldAnArticle(String json) {
        // schema.org type names, as publishers write them (the type test itself ignores case)
        return json.contains("rticle") || json.contains("RTICLE") || json.contains("osting")
                || json.contains("ebPage") || json.contains("ebpage") || json.contains("eport");
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


    static void collectNames(JsonNode author, List<String> names) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> collectNames(a, names));
        } else if (author.isObject()) {
            String name = MetadataReader.clean(text(author.get("name")));
            if (name != null) {
                names.add(MetadataReader.stripBy(name));
            }
        } else if (author.isTextual()) {
            String name = MetadataReader.clean(author.asText());
            if (name != null && !name.startsWith("http")) {
                names.add(MetadataReader.stripBy(name));
            }
        }
    }


    /** A JSON-LD value as text: the first of an array, an object's {@code @value} or {@code name}. */
    static String text(JsonNode node) {
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

}
