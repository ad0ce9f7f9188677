package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The one walk over a page's body that {@link MainTextFinder} decides from: it drops the boilerplate that
 * {@link BoilerplateStripper.Prepared} found without descending into it, scores every paragraph-like block, and
 * counts in place the text, punctuation and linked text of every scored element, where in the page's text it starts,
 * and which publisher-marked containers ({@code <article>}, {@code <main>}, {@code itemprop=articleBody}) hold how
 * much paragraph text. It also remembers the removed blocks that may be a story's standfirst (see
 * {@link #mayLead}), with where they stood.
 */
final class ScoreWalk implements NodeFilter {
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote", "div", "li", "section");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "li", "td");
    private static final int MIN_BLOCK_CHARS = 25;
    /** Class-name words of a block that introduces a story: a standfirst, a lead, an abstract. */
    private static final Set<String> LEAD_WORDS = Set.of("teaser", "intro", "lead", "abstract", "standfirst",
            "summary", "teasertext", "introtext", "leadtext", "lede");

    /** Figures of one element: its score, and the size, punctuation and linked share of its whole text. */
    static final class Stats {
        double score;
        int textLength;
        int linkLength;
        int punctuation;
        /** How many characters of the page's text come before the element's. */
        int start;
        boolean measured;
    }

    /** A removed block that may be a standfirst, its parent when it was removed, and where it stood in the text. */
    record Removed(Element element, Element parent, int start) {
    }

    /** One frame per open element during the walk. */
    private static final class Frame {
        int text;
        int punctuation;
        int links;
        int ownText;
        int ownPunctuation;
        int paragraphChars;
        int start;
        boolean ownIsParagraph;
    }

    private final BoilerplateStripper.Prepared prepared;
    final Map<Element, Stats> stats = new IdentityHashMap<>();
    final List<Removed> leads = new ArrayList<>();
    private final List<Element> marked = new ArrayList<>();
    private final Map<Element, Integer> markedLength = new IdentityHashMap<>();
    private final Map<Element, Integer> markedStart = new IdentityHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private int depth = -1;
    private int linkDepth;
    private int fullDepth;
    private int total;
    private int seen;
    private double bodyDensity;

    ScoreWalk(BoilerplateStripper.Prepared prepared) {
        this.prepared = prepared;
    }

    @Override
    public FilterResult head(Node node, int ignored) {
        if (node instanceof TextNode t) {
            if (depth < 0) {
                return FilterResult.CONTINUE;
            }
            String s = t.getWholeText();
            int len = ParagraphText.normalisedLength(s);
            if (len == 0) {
                return FilterResult.CONTINUE;
            }
            int punct = ParagraphText.punctuation(s);
            Frame f = frames.get(depth);
            seen += len;
            f.text += len;
            f.punctuation += punct;
            f.ownText += len;
            f.ownPunctuation += punct;
            if (linkDepth > 0) {
                f.links += len;
            }
            if (fullDepth > 0 || f.ownIsParagraph) {
                f.paragraphChars += len;
            }
        } else if (node instanceof Element e) {
            if (depth >= 0 && prepared != null && prepared.isBoilerplate(e)) {
                if (mayLead(e)) {
                    leads.add(new Removed(e, e.parent(), seen));
                }
                return FilterResult.REMOVE;
            }
            depth++;
            if (frames.size() <= depth) {
                frames.add(new Frame());
            }
            Frame f = frames.get(depth);
            f.text = 0;
            f.punctuation = 0;
            f.links = 0;
            f.ownText = 0;
            f.ownPunctuation = 0;
            f.paragraphChars = 0;
            f.start = seen;
            String tag = e.normalName();
            f.ownIsParagraph = ParagraphText.OWN.contains(tag);
            if (tag.equals("a")) {
                linkDepth++;
            } else if (ParagraphText.FULL.contains(tag)) {
                fullDepth++;
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int ignored) {
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        Frame f = frames.get(depth);
        String tag = e.normalName();
        if (tag.equals("a")) {
            linkDepth--;
        } else if (ParagraphText.FULL.contains(tag)) {
            fullDepth--;
        }
        if (SCORED.contains(tag)) {
            score(e, tag, f);
        }
        if (isMarked(e, tag)) {
            marked.add(e);
            markedLength.put(e, f.paragraphChars);
            markedStart.put(e, f.start);
        }
        Stats st = stats.get(e);
        if (st != null || tag.equals("p")) {
            if (st == null) {
                st = new Stats();
                stats.put(e, st);
            }
            st.textLength = f.text;
            st.linkLength = f.links;
            st.punctuation = f.punctuation;
            st.start = f.start;
            st.measured = true;
        }
        if (depth == 0) {
            total = f.paragraphChars;
            bodyDensity = f.text == 0 ? 0 : Math.min(1.0, (double) f.links / f.text);
        } else {
            Frame parent = frames.get(depth - 1);
            parent.text += f.text;
            parent.punctuation += f.punctuation;
            parent.links += f.links;
            parent.paragraphChars += f.paragraphChars;
        }
        depth--;
        return FilterResult.CONTINUE;
    }

    /**
     * Whether a removed block may be a standfirst: a {@code <header>}, or a block whose class names a teaser, an
     * intro, a lead, an abstract or a summary. Such names mark the story's first paragraph on its own page as often
     * as the teasers of other stories; only the one right before the chosen text is taken back.
     */
    private static boolean mayLead(Element e) {
        if (e.normalName().equals("header")) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        String names = e.className();
        int start = 0;
        for (int i = 0; i <= names.length(); i++) {
            if (i == names.length() || !Character.isLetterOrDigit(names.charAt(i))) {
                if (i - start >= 4 && LEAD_WORDS.contains(names.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private void score(Element block, String tag, Frame f) {
        if (CONTAINERS.contains(tag) && f.ownText < MIN_BLOCK_CHARS) {
            return;
        }
        boolean whole = f.ownText >= MIN_BLOCK_CHARS || tag.equals("p");
        int length = whole ? f.text : f.ownText;
        if (length < MIN_BLOCK_CHARS) {
            return;
        }
        int punct = whole ? f.punctuation : f.ownPunctuation;
        double score = 1 + punct + Math.min(length / 100.0, 3);
        Element ancestor = block.parent();
        for (int level = 1; level <= 3 && ancestor != null; level++) {
            stats.computeIfAbsent(ancestor, k -> new Stats()).score += score / level;
            ancestor = ancestor.parent();
        }
    }

    private static boolean isMarked(Element e, String tag) {
        return tag.equals("article") || tag.equals("main")
                || (e.attributesSize() > 0 && (e.attr("itemprop").equalsIgnoreCase("articleBody")
                || e.attr("role").equalsIgnoreCase("main")));
    }

    double linkDensity(Element e) {
        Stats st = stats.get(e);
        if (st == null || !st.measured) {
            return bodyDensity; // the body's ancestors: html and the document
        }
        return st.textLength == 0 ? 0 : Math.min(1.0, (double) st.linkLength / st.textLength);
    }

    /** How many characters of the page's text come before a scored or marked element's; -1 if it was not measured. */
    int start(Element e) {
        Stats st = stats.get(e);
        if (st != null && st.measured) {
            return st.start;
        }
        return markedStart.getOrDefault(e, -1);
    }

    /**
     * The publisher-marked container that holds most of the page's paragraph text: {@code itemprop=articleBody}
     * first, then {@code <article>}, then {@code <main>} or {@code role=main}; null when none holds 60 %.
     */
    Element markedContainer() {
        if (total == 0) {
            return null;
        }
        for (int kind = 0; kind < 3; kind++) {
            Element richest = null;
            int richestLength = 0;
            for (Element e : marked) {
                if (kindOf(e) != kind) {
                    continue;
                }
                int length = markedLength.get(e);
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

    private static int kindOf(Element e) {
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return 0;
        }
        return e.normalName().equals("article") ? 1 : 2;
    }
}
