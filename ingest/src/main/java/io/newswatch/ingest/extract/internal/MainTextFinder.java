package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element that holds the article text in a page already stripped of boilerplate.
 *
 * <p>Every paragraph-like block scores by its length and punctuation (prose has commas and full stops, menus do not)
 * and hands its score to its parent and, diminishing, to its grandparent and great-grandparent, so the container of
 * many prose paragraphs wins; a container's score is cut by its link density (teaser lists are mostly links). The
 * publisher's own markers ({@code itemprop=articleBody}, {@code <article>}, {@code <main>}) win when they hold most
 * of the paragraph text, because they are more precise than any heuristic.
 *
 * <p>All the figures come from one walk over the body that counts characters in place.
 */
public final class MainTextFinder {
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|main|post|story|text|prose|blog");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote", "div", "li", "section");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "li", "td");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final double REPEAT_SCORE = 2;
    private static final double CLIMB_COVER = 0.7;
    private static final double CLIMB_LINKS = 0.15;
    private static final int REPEAT_CHARS = 40;

    private MainTextFinder() {
    }

    /** The elements whose text is the article, in document order; the body itself when nothing stands out. */
    public static List<Element> find(Element body) {
        return find(body, null);
    }

    /**
     * The same, on a body that still holds the boilerplate {@code prepared} found: the walk that scores the page also
     * drops it, without descending into it.
     */
    public static List<Element> find(Element body, BoilerplateStripper.Prepared prepared) {
        Walk walk = new Walk(prepared);
        NodeTraversor.filter(walk, body);
        Element marked = walk.markedContainer();
        if (marked != null) {
            return List.of(marked);
        }
        Element best = null;
        double bestScore = 0;
        for (var e : walk.stats.entrySet()) {
            Stats st = e.getValue();
            if (st.score <= 0) {
                continue;
            }
            Element el = e.getKey();
            double s = st.score * (1 - walk.linkDensity(el));
            if (s * 1.25 > bestScore && POSITIVE.matcher(el.className() + " " + el.id()).find()) {
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
        return withRepeats(climb(withSiblings(best, bestScore, walk), best, walk), best, body, walk);
    }

    /**
     * Adds the blocks built like the chosen one: a forum's posts, an FAQ's answers, a page's sections written as
     * one template each ({@code div.post > div.content}) hold the text in repeated containers, of which the score
     * picks one. A block counts as a repeat when its tag and classes and its parent's are the chosen block's, it is
     * prose enough to have a score of its own, and it is not mostly links.
     */
    private static List<Element> withRepeats(List<Element> chosen, Element best, Element body, Walk walk) {
        String signature = signature(best);
        if (best.classNames().isEmpty() && (best.parent() == null || best.parent().classNames().isEmpty())) {
            return chosen; // a bare <div> in a bare <div> is no template
        }
        Set<Element> extra = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var e : walk.stats.entrySet()) {
            Element el = e.getKey();
            Stats st = e.getValue();
            if (st.score >= REPEAT_SCORE && st.textLength >= REPEAT_CHARS && walk.linkDensity(el) < 0.3
                    && !chosen.contains(el) && signature.equals(signature(el)) && !overlaps(el, chosen)) {
                extra.add(el);
            }
        }
        if (extra.isEmpty()) {
            return chosen;
        }
        extra.addAll(chosen);
        List<Element> ordered = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (extra.contains(e)) {
                ordered.add(e);
            }
        }
        return ordered;
    }

    /**
     * Takes the chosen block's parent instead when the chosen blocks already hold most of its text
     * ({@link #CLIMB_COVER}) and the rest is not links: what the parent adds is then the same story's loose text (a
     * list, a closing line, text between the blocks) rather than a neighbour's.
     */
    private static List<Element> climb(List<Element> chosen, Element best, Walk walk) {
        Element parent = best.parent();
        Stats ps = parent == null ? null : walk.stats.get(parent);
        if (ps == null || !ps.measured || ps.textLength == 0 || parent.normalName().equals("body")) {
            return chosen;
        }
        int covered = 0;
        for (Element c : chosen) {
            Stats cs = walk.stats.get(c);
            covered += cs == null ? 0 : cs.textLength;
        }
        boolean mostly = covered >= CLIMB_COVER * ps.textLength && covered < ps.textLength;
        return mostly && walk.linkDensity(parent) < CLIMB_LINKS ? List.of(parent) : chosen;
    }

    private static boolean overlaps(Element e, List<Element> chosen) {
        for (Element c : chosen) {
            if (e.parents().contains(c) || c.parents().contains(e)) {
                return true;
            }
        }
        return false;
    }

    private static String signature(Element e) {
        Element parent = e.parent();
        return e.normalName() + "." + String.join(".", new TreeSet<>(e.classNames())) + "<"
                + (parent == null ? "" : parent.normalName() + "." + String.join(".",
                new TreeSet<>(parent.classNames())));
    }

    /** Readability's insight: story paragraphs are often split across sibling containers of the best one. */
    private static List<Element> withSiblings(Element best, double bestScore, Walk walk) {
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
            Stats st = walk.stats.get(sibling);
            double density = walk.linkDensity(sibling);
            double s = (st == null ? 0 : st.score) * (1 - density);
            if (s >= threshold) {
                chosen.add(sibling);
            } else if (st != null && sibling.normalName().equals("p")) {
                if ((st.textLength > 80 && density < 0.25)
                        || (st.textLength > 0 && density == 0 && st.punctuation > 0)) {
                    chosen.add(sibling);
                }
            }
        }
        return chosen;
    }

    /** Figures of one element: its score, and the size, punctuation and linked share of its whole text. */
    private static final class Stats {
        double score;
        int textLength;
        int linkLength;
        int punctuation;
        boolean measured;
    }

    /** One frame per open element during the walk. */
    private static final class Frame {
        Element element;
        int text;
        int punctuation;
        int links;
        int ownText;
        int ownPunctuation;
        int paragraphChars;
        boolean ownIsParagraph;
    }

    private static final class Walk implements NodeFilter {
        private final BoilerplateStripper.Prepared prepared;
        final Map<Element, Stats> stats = new IdentityHashMap<>();
        final List<Element> marked = new ArrayList<>();
        final Map<Element, Integer> markedLength = new IdentityHashMap<>();
        private final List<Frame> frames = new ArrayList<>();
        private int depth = -1;
        private int linkDepth;
        private int fullDepth;
        private int total;
        private double bodyDensity;

        Walk(BoilerplateStripper.Prepared prepared) {
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
                    return FilterResult.REMOVE;
                }
                depth++;
                if (frames.size() <= depth) {
                    frames.add(new Frame());
                }
                Frame f = frames.get(depth);
                f.element = e;
                f.text = 0;
                f.punctuation = 0;
                f.links = 0;
                f.ownText = 0;
                f.ownPunctuation = 0;
                f.paragraphChars = 0;
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
}
