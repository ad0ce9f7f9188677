package io.newswatch.ingest.extract.internal;

import org.jsoup.nodes.Element;

/** Measures how much paragraph text an element holds, the quantity every content decision weighs. */
final class ParagraphText {
    private ParagraphText() {
    }

    /**
     * Characters of running text under (or in) the element: all the text of {@code <p>} and {@code <pre>}, and the
     * text directly inside other block containers (many blogs write paragraphs as {@code <br>}-separated text in a
     * div).
     */
    static int length(Element e) {
        int n = 0;
        for (Element block : e.select("p, pre, div, td, section, article, blockquote, main, font, center")) {
            String tag = block.normalName();
            n += tag.equals("p") || tag.equals("pre") ? block.text().length() : block.ownText().length();
        }
        return n;
    }

    /** Share of an element's text that sits inside links, 0 to 1. */
    static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / all);
    }
}
