package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds the article text in a page already stripped of boilerplate.
 *
 * <p>Every paragraph-like block scores by its length and punctuation (prose has commas and full stops, menus do not)
 * and hands its score to its parent and, diminishing, to its grandparent and great-grandparent, so the container of
 * many prose paragraphs wins; a container's score is cut by its link density (teaser lists are mostly links). The
 * publisher's own markers ({@code itemprop=articleBody}, {@code <article>}, {@code <main>}) win when they hold most
 * of the paragraph text, because they are more precise than any heuristic.
 */
public final class MainTextFinder {
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|main|post|story|text|prose|blog");
    private static final Pattern PUNCTUATION = Pattern.compile("[,.;:!?\u3001\u3002\uff0c\uff0e\u060c]");
    private static final int MIN_BLOCK_CHARS = 25;

    private MainTextFinder() {
    }

    /** The elements whose text is the article, in document order; the body itself when nothing stands out. */
    public static List<Element> find(Element body) {
        int total = ParagraphText.length(body);
        Element marked = markedContainer(body, total);
        if (marked != null) {
            return List.of(marked);
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select("p, pre, td, blockquote, div, li, section")) {
            if (isContainerOnly(block)) {
                continue;
            }
            String text = block.ownText().length() >= MIN_BLOCK_CHARS || block.normalName().equals("p")
                    ? block.text() : block.ownText();
            if (text.length() < MIN_BLOCK_CHARS) {
                continue;
            }
            double score = 1 + count(PUNCTUATION, text) + Math.min(text.length() / 100.0, 3);
            Element ancestor = block.parent();
            for (int level = 1; level <= 3 && ancestor != null; level++) {
                scores.merge(ancestor, score / level, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        for (var e : scores.entrySet()) {
            Element el = e.getKey();
            double s = e.getValue() * (1 - ParagraphText.linkDensity(el));
            if (POSITIVE.matcher(el.className() + " " + el.id()).find()) {
                s *= 1.25;
            }
            if (s > bestScore) {
                bestScore = s;
                best = el;
            }
        }
        if (best == null) {
            return List.of(body);
        }
        return withSiblings(best, bestScore, scores);
    }

    private static Element markedContainer(Element body, int total) {
        if (total == 0) {
            return null;
        }
        for (String query : List.of("[itemprop=articleBody]", "article", "[role=main], main")) {
            Element richest = null;
            int richestLength = 0;
            for (Element e : body.select(query)) {
                int length = ParagraphText.length(e);
                if (length > richestLength) {
                    richest = e;
                    richestLength = length;
                }
            }
            if (richest != null && richestLength >= 0.6 * total && richestLength >= 200) {
                return richest;
            }
        }
        return null;
    }

    /** Readability's insight: story paragraphs are often split across sibling containers of the best one. */
    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                chosen.add(sibling);
                continue;
            }
            double s = scores.getOrDefault(sibling, 0.0) * (1 - ParagraphText.linkDensity(sibling));
            if (s >= threshold) {
                chosen.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                String text = sibling.text();
                double density = ParagraphText.linkDensity(sibling);
                if ((text.length() > 80 && density < 0.25)
                        || (text.length() > 0 && density == 0 && PUNCTUATION.matcher(text).find())) {
                    chosen.add(sibling);
                }
            }
        }
        return chosen;
    }

    private static boolean isContainerOnly(Element e) {
        String tag = e.normalName();
        return (tag.equals("div") || tag.equals("section") || tag.equals("li") || tag.equals("td"))
                && e.ownText().length() < MIN_BLOCK_CHARS;
    }

    private static int count(Pattern p, String text) {
        var m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
