package io.newswatch.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled page corpus in {@code src/test/resources/io/newswatch/tagger/pages/} (format in its README): whole
 * scraped pages, boilerplate kept, with their entities, tags, decisive sentences and violation events, in two parts
 * that are loaded and scored apart, {@code dev} and {@code heldout}.
 */
final class PageCorpus {
    static final String DEV = "dev";
    static final String HELDOUT = "heldout";

    /** Where a labelled sentence stands in its page: {@code start} inclusive, {@code end} exclusive. */
    record Span(int start, int end) {
        boolean overlaps(int otherStart, int otherEnd) {
            return otherStart < end && start < otherEnd;
        }
    }

    /**
     * One labelled page.
     *
     * @param decisiveSpans every place in {@code text} where a decisive sentence stands, in page order
     */
    record Page(String part, String id, String language, String kind, Set<String> entities, Set<String> tags,
                List<String> decisive, List<ExpectedEvent> events, String notes, String text,
                List<Span> decisiveSpans) {
        /** The page as a case of the regression corpus, so that {@link QualityReport} scores its tags. */
        RegressionCorpus.Case asCase() {
            return new RegressionCorpus.Case(part, id, notes, entities, tags, Set.of(), text);
        }

        /** Whether the text from {@code start} to {@code end} overlaps one of the labelled decisive sentences. */
        boolean isDecisive(int start, int end) {
            return decisiveSpans.stream().anyMatch(s -> s.overlaps(start, end));
        }
    }

    private PageCorpus() {
    }

    /**
     * Loads one part, in the order of its {@code labels.jsonl}.
     *
     * @throws IllegalStateException when the labels or a page they name is missing
     */
    static List<Page> load(String part) {
        String folder = "/io/newswatch/tagger/pages/" + part + "/";
        ObjectMapper json = new ObjectMapper();
        List<Page> pages = new ArrayList<>();
        for (String line : read(folder + "labels.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode p = json.readTree(line);
                String id = p.get("id").asText();
                String text = read(folder + id + ".txt");
                List<String> decisive = list(p.get("decisive"));
                List<Span> spans = new ArrayList<>();
                decisive.forEach(d -> spans.addAll(occurrences(text, d)));
                spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
                List<ExpectedEvent> events = new ArrayList<>();
                p.path("events").forEach(e -> events.add(event(e)));
                pages.add(new Page(part, id, p.get("language").asText(), p.get("kind").asText(),
                        new TreeSet<>(list(p.get("entities"))), new TreeSet<>(list(p.get("tags"))), decisive,
                        List.copyOf(events), p.path("notes").asText(), text, List.copyOf(spans)));
            } catch (IOException e) {
                throw new UncheckedIOException(folder + "labels.jsonl: " + line, e);
            }
        }
        return pages;
    }

    /**
     * Every place where {@code sentence} stands in {@code text}, whitespace runs on either side matching any
     * whitespace run (a line break in the page where the label has a space, or a no-break space); empty when absent.
     */
    static List<Span> occurrences(String text, String sentence) {
        String[] words = sentence.strip().split("(?U)\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        StringBuilder regex = new StringBuilder();
        for (String w : words) {
            regex.append(regex.isEmpty() ? "" : "\\s+").append(Pattern.quote(w));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
        List<Span> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Span(m.start(), m.end()));
        }
        return found;
    }

    private static ExpectedEvent event(JsonNode e) {
        JsonNode amount = e.path("amount");
        return new ExpectedEvent(e.path("commodity").asText(), textOrNull(e.path("from")), textOrNull(e.path("to")),
                amount.isNumber() ? Long.valueOf(amount.asLong()) : null,
                e.path("unit").isTextual() ? e.get("unit").asText() : null, list(e.get("places")),
                e.path("status").asText(), e.path("evidence").asText());
    }

    /** A JSON string's text; null for JSON null or a missing field (an unsaid state is no state, not "null"). */
    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = PageCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
