package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the elements that hold the article text in a page, dropping its boilerplate on the way.
 *
 * <p>Every paragraph-like block scores by its length and punctuation (prose has commas and full stops, menus do not)
 * and hands its score to its parent and, diminishing, to its grandparent and great-grandparent, so the container of
 * many prose paragraphs wins; a container's score is cut by its link density (teaser lists are mostly links). The
 * publisher's own markers ({@code itemprop=articleBody}, {@code <article>}, {@code <main>}) win when they hold most
 * of the paragraph text, because they are more precise than any heuristic. The winner is then widened by four rules,
 * each from a signal any page shows: the common container of other blocks that score nearly as well, prose
 * siblings, a parent that holds little else, and blocks built from the same template. Last, a standfirst that the
 * boilerplate rules removed right before the chosen text is handed back as its lead.
 *
 * <p>All the figures come from one walk over the body ({@link ScoreWalk}) that counts characters in place.
 */
public final class MainTextFinder {
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|main|post|story|text|prose|blog");
    private static final double REPEAT_SCORE = 2;
    private static final int REPEAT_CHARS = 40;
    private static final double CLIMB_COVER = 0.7;
    private static final double CLIMB_LINKS = 0.15;
    /** Below this much text the chosen block is a fragment of a page built of small blocks (a recipe, an FAQ). */
    private static final int FRAGMENT_CHARS = 2000;
    /** A block scoring this share of the best one's is a rival: several of them share the story's container. */
    private static final double RIVAL_SHARE = 0.5;
    /** Below this much text a chosen block may take an ancestor that holds little more and few links. */
    private static final int SMALL_CHARS = 1000;
    private static final int SMALL_LEVELS = 4;
    private static final int SMALL_GROWTH = 8;
    private static final double ANCESTOR_LINKS = 0.3;
    /** How much text may stand between a standfirst and the chosen text: a date, a byline, a credit. */
    private static final int LEAD_GAP = 100;

    /**
     * What the finder chose: the elements whose text is the article, in document order (the body itself when
     * nothing stands out), and a removed standfirst that came right before them, or null.
     */
    public record Found(List<Element> blocks, Element lead) {
    }

    private MainTextFinder() {
    }

    /**
     * Scores a body that still holds the boilerplate {@code prepared} found (null: none is dropped) and chooses its
     * text; the walk that scores the page also drops that boilerplate, without descending into it.
     */
    public static Found find(Element body, BoilerplateStripper.Prepared prepared) {
        ScoreWalk walk = new ScoreWalk(prepared);
        NodeTraversor.filter(walk, body);
        Element marked = walk.markedContainer();
        if (marked != null) {
            return new Found(List.of(marked), lead(marked, walk));
        }
        List<Element> blocks = choose(body, walk);
        return new Found(blocks, blocks.get(0) == body ? null : lead(blocks.get(0), walk));
    }

    private static List<Element> choose(Element body, ScoreWalk walk) {
        Element best = null;
        double bestScore = 0;
        for (var e : walk.stats.entrySet()) {
            ScoreWalk.Stats st = e.getValue();
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
        best = containerOfRivals(best, bestScore, walk);
        return withRepeats(climb(withSiblings(best, bestScore, walk), best, walk), best, body, walk);
    }

    /**
     * Readability's check of the runners-up: when the best block is a fragment and two other blocks that score at
     * least half as well sit in one of its ancestors, that ancestor is the story's container (a recipe's steps,
     * an FAQ's answers, a page of short sections); unless it is mostly links.
     */
    private static Element containerOfRivals(Element best, double bestScore, ScoreWalk walk) {
        if (walk.stats.get(best).textLength >= FRAGMENT_CHARS) {
            return best;
        }
        Set<Element> lineage = lineage(best);
        List<Set<Element>> rivals = new ArrayList<>();
        for (var e : walk.stats.entrySet()) {
            Element el = e.getKey();
            double s = e.getValue().score * (1 - walk.linkDensity(el));
            if (el != best && s >= RIVAL_SHARE * bestScore && !lineage.contains(el)) {
                Set<Element> up = lineage(el);
                if (!up.contains(best)) {
                    rivals.add(up);
                }
            }
        }
        if (rivals.size() < 2) {
            return best;
        }
        for (Element up = best.parent(); up != null && !up.normalName().equals("body"); up = up.parent()) {
            int inside = 0;
            for (Set<Element> rival : rivals) {
                inside += rival.contains(up) ? 1 : 0;
            }
            if (inside >= 2) {
                return walk.linkDensity(up) < ANCESTOR_LINKS ? up : best;
            }
        }
        return best;
    }

    /** The element and its ancestors. */
    private static Set<Element> lineage(Element e) {
        Set<Element> up = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element p = e; p != null; p = p.parent()) {
            up.add(p);
        }
        return up;
    }

    /** Readability's insight: story paragraphs are often split across sibling containers of the best one. */
    private static List<Element> withSiblings(Element best, double bestScore, ScoreWalk walk) {
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
            ScoreWalk.Stats st = walk.stats.get(sibling);
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

    /**
     * Takes the chosen block's parent instead when the chosen blocks already hold most of its text
     * ({@link #CLIMB_COVER}) and the rest is not links: what the parent adds is then the same story's loose text (a
     * list, a closing line, text between the blocks) rather than a neighbour's. A small result (under
     * {@link #SMALL_CHARS}) may climb further, to the highest of four ancestors that holds at most
     * {@link #SMALL_GROWTH} times its text and few links: a short item's text is often split over small boxes.
     */
    private static List<Element> climb(List<Element> chosen, Element best, ScoreWalk walk) {
        Element parent = best.parent();
        ScoreWalk.Stats ps = parent == null ? null : walk.stats.get(parent);
        if (ps == null || !ps.measured || ps.textLength == 0 || parent.normalName().equals("body")) {
            return chosen;
        }
        int covered = 0;
        for (Element c : chosen) {
            ScoreWalk.Stats cs = walk.stats.get(c);
            covered += cs == null ? 0 : cs.textLength;
        }
        boolean mostly = covered >= CLIMB_COVER * ps.textLength && covered < ps.textLength;
        if (mostly && walk.linkDensity(parent) < CLIMB_LINKS) {
            return List.of(parent);
        }
        if (covered >= SMALL_CHARS) {
            return chosen;
        }
        Element to = null;
        Element up = parent;
        for (int level = 0; level < SMALL_LEVELS && up != null && !up.normalName().equals("body"); level++) {
            ScoreWalk.Stats st = walk.stats.get(up);
            if (st == null || !st.measured || walk.linkDensity(up) >= ANCESTOR_LINKS
                    || st.textLength > SMALL_GROWTH * covered) {
                break;
            }
            to = up;
            up = up.parent();
        }
        return to == null ? chosen : List.of(to);
    }

    /**
     * Adds the blocks built like the chosen one: a forum's posts, an FAQ's answers, a page's sections written as
     * one template each ({@code div.post > div.content}) hold the text in repeated containers, of which the score
     * picks one. A block counts as a repeat when its tag and classes and its parent's are the chosen block's, it is
     * prose enough to have a score of its own, and it is not mostly links.
     */
    private static List<Element> withRepeats(List<Element> chosen, Element best, Element body, ScoreWalk walk) {
        String signature = signature(best);
        if (best.classNames().isEmpty() && (best.parent() == null || best.parent().classNames().isEmpty())) {
            return chosen; // a bare <div> in a bare <div> is no template
        }
        Set<Element> extra = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var e : walk.stats.entrySet()) {
            Element el = e.getKey();
            ScoreWalk.Stats st = e.getValue();
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

    /**
     * The standfirst of the chosen text: the last removed header or teaser-like block (see {@link ScoreWalk}) that
     * stood before it with at most {@link #LEAD_GAP} characters between, outside it but inside the same story: their
     * nearest common ancestor is neither the chosen container nor the page's body. A site's own header, a teaser
     * list, the lead of another story, or a header that the chosen container holds itself each fail one of these.
     */
    private static Element lead(Element first, ScoreWalk walk) {
        int at = walk.start(first);
        if (at < 0 || walk.leads.isEmpty()) {
            return null;
        }
        for (int i = walk.leads.size() - 1; i >= 0; i--) {
            ScoreWalk.Removed removed = walk.leads.get(i);
            if (removed.start() > at) {
                continue;
            }
            return at - removed.start() <= LEAD_GAP && sameStory(removed.parent(), first) ? removed.element() : null;
        }
        return null;
    }

    private static boolean sameStory(Element leadParent, Element first) {
        Set<Element> lineage = lineage(first);
        for (Element p = leadParent; p != null; p = p.parent()) {
            if (lineage.contains(p)) {
                // inside the chosen container it was that container's own header, which its writer left out
                return p != first && !(p.normalName().equals("body") || p.normalName().equals("html"));
            }
        }
        return false;
    }
}
