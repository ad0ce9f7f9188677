package io.newswatch.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article of the demo site, read from a small text resource: {@code key: value} header lines, a line
 * {@code ---}, then one paragraph per line ({@code ## } starts a subheading).
 *
 * @param slug       file name without extension; the page is {@code /news/<slug>.html}
 * @param title      headline
 * @param byline     author
 * @param published  publication time
 * @param section    site section
 * @param language   BCP 47 language tag of the page
 * @param paragraphs body lines in order
 */
public record SampleArticle(String slug, String title, String byline, Instant published, String section,
                            String language, List<String> paragraphs) {

    private static final String BASE = "/io/newswatch/cli/demo/site/articles/";

    /** Every article of the demo site, in the order of {@code index.txt}. */
    public static List<SampleArticle> all() {
        List<SampleArticle> out = new ArrayList<>();
        for (String slug : read(BASE + "index.txt").split("\n")) {
            if (!slug.isBlank()) {
                out.add(parse(slug.trim(), read(BASE + slug.trim() + ".txt")));
            }
        }
        return out;
    }

    /** The path of the article's page on the demo site. */
    public String path() {
        return "/news/" + slug + ".html";
    }

    static SampleArticle parse(String slug, String text) {
        Map<String, String> head = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        boolean inBody = false;
        for (String line : text.split("\n")) {
            if (inBody) {
                if (!line.isBlank()) {
                    body.add(line.strip());
                }
            } else if (line.equals("---")) {
                inBody = true;
            } else if (!line.isBlank()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException("demo article " + slug + ": header line without ':': " + line);
                }
                head.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        for (String key : List.of("title", "byline", "date", "section", "lang")) {
            if (!head.containsKey(key)) {
                throw new IllegalStateException("demo article " + slug + " has no '" + key + "' header");
            }
        }
        return new SampleArticle(slug, head.get("title"), head.get("byline"), Instant.parse(head.get("date")),
                head.get("section"), head.get("lang"), List.copyOf(body));
    }

    static String read(String resource) {
        try (InputStream in = SampleArticle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo resource " + resource, e);
        }
    }
}
