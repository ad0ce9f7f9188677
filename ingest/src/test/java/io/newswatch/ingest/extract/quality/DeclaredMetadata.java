package io.newswatch.ingest.extract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a page itself declares about its title, author, publication date and language, read source by source and
 * kept apart, as the reference the extractor's metadata is measured against: schema.org JSON-LD
 * ({@code headline}, {@code author.name}, {@code datePublished}, {@code inLanguage}) on the first object of an
 * article type, Open Graph and {@code article:*} meta tags (ogp.me), {@code meta name=author}, the first
 * {@code <time datetime>}, and {@code <html lang>}. Written for the measurement only, deliberately simpler than the
 * extractor's reader, so that the two can disagree.
 */
final class DeclaredMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SITE_SUFFIX = Pattern.compile(
            "\\s*[|\\-\u2013\u2014:\u00b7]\\s*\\S.{0,60}");

    /** Per field, per source, the declared value; a source that declares nothing is absent. */
    final Map<String, Map<String, String>> fields = new LinkedHashMap<>();

    DeclaredMetadata(Document doc) {
        JsonNode article = firstArticle(doc);
        if (article != null) {
            put("title", "JSON-LD headline", article.path("headline").asText(null));
            put("byline", "JSON-LD author", authors(article.path("author")));
            put("date", "JSON-LD datePublished", article.path("datePublished").asText(null));
            put("language", "JSON-LD inLanguage", article.path("inLanguage").asText(null));
        }
        put("title", "og:title", meta(doc, "meta[property=og:title]"));
        put("byline", "meta author", meta(doc, "meta[name=author]"));
        put("date", "article:published_time", meta(doc, "meta[property=article:published_time]"));
        Element time = doc.selectFirst("time[datetime]");
        put("date", "<time datetime>", time == null ? null : time.attr("datetime"));
        put("language", "<html lang>", doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
    }

    private void put(String field, String source, String value) {
        if (value != null && !value.isBlank()) {
            fields.computeIfAbsent(field, k -> new LinkedHashMap<>()).put(source, value.strip());
        }
    }

    private static String meta(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : e.attr("content");
    }

    private static JsonNode firstArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                List<JsonNode> queue = new ArrayList<>(List.of(JSON.readTree(script.data())));
                while (!queue.isEmpty()) {
                    JsonNode node = queue.remove(0);
                    if (node.isArray()) {
                        node.forEach(queue::add);
                    } else if (node.isObject()) {
                        String type = node.path("@type").isArray() ? node.path("@type").path(0).asText("")
                                : node.path("@type").asText("");
                        if (type.toLowerCase(Locale.ROOT).endsWith("article") || type.equalsIgnoreCase("BlogPosting")) {
                            return node;
                        }
                        node.path("@graph").forEach(queue::add);
                    }
                }
            } catch (Exception e) {
                // a broken JSON-LD block declares nothing
            }
        }
        return null;
    }

    private static String authors(JsonNode author) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isTextual() ? a.asText() : a.path("name").asText("");
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /**
     * Whether an extracted title agrees with a declared one: equal once HTML entities (JSON-LD often carries them
     * raw), whitespace and case are set aside, or equal to the declared title without a trailing site name
     * ("Headline | Site", "Headline - Site"), which the extractor removes on purpose.
     */
    static boolean sameTitle(String declared, String extracted) {
        if (extracted == null) {
            return false;
        }
        String d = norm(Parser.unescapeEntities(declared, false));
        String e = norm(extracted);
        return d.equals(e) || (d.startsWith(e) && SITE_SUFFIX.matcher(d.substring(e.length())).matches());
    }

    /** Whether an extracted byline names the same people: each declared name appears in it, and it has no other. */
    static boolean sameByline(String declared, String extracted) {
        if (extracted == null) {
            return false;
        }
        String e = norm(extracted).replaceFirst("^by ", "");
        String d = norm(declared).replaceFirst("^by ", "");
        return e.equals(d) || e.replace(" and ", ", ").equals(d);
    }

    /** Whether two dates agree: the same instant to the minute, or the same day when the page gives no time. */
    static boolean sameDate(String declared, Instant extracted) {
        if (extracted == null) {
            return false;
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME,
                DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH))) {
            try {
                Instant d = ZonedDateTime.parse(declared.replace(" ", f == DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        ? "T" : " "), f).toInstant();
                return Math.abs(d.getEpochSecond() - extracted.getEpochSecond()) < 60;
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            LocalDate day = declared.length() >= 10 && Character.isDigit(declared.charAt(0))
                    ? LocalDate.parse(declared.substring(0, 10))
                    : LocalDate.parse(declared, DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
            // a page that gives a day and no time may mean it in its own zone: a day either side agrees
            return Math.abs(day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) - extracted.getEpochSecond()) < 2 * 86_400
                    && !extracted.isBefore(day.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether languages agree: the same primary subtag. */
    static boolean sameLanguage(String declared, String extracted) {
        return extracted != null && declared.toLowerCase(Locale.ROOT).split("[-_]")[0].equals(extracted);
    }

    private static String norm(String s) {
        return s.replaceAll("(?U)\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
