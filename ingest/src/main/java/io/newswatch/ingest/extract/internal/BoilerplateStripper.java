package io.newswatch.ingest.extract.internal;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the parts of a page that are never article text: scripts and styles, navigation, page header and footer,
 * asides, forms, embedded frames, figure captions, hidden elements, and any element whose class, id, role or
 * aria-label names a boilerplate function (menu, newsletter, donation appeal, related stories, sharing, comments,
 * adverts, cookie banners, breadcrumbs ...).
 *
 * <p>An element that holds most of the page's paragraph text is kept even when it matches: some sites wrap the
 * whole page in a {@code <form>} or give the story container a class such as "comments-enabled".
 *
 * <p>Two walks: the first ({@link #prepare}) drops what is always noise and measures paragraph text, the second
 * drops boilerplate containers without descending into them; {@link MainTextFinder} can be that second walk.
 */
public final class BoilerplateStripper {
    private static final Set<String> ALWAYS = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "embed", "canvas", "button", "select", "textarea", "input", "dialog", "link", "meta",
            "figcaption");
    private static final Set<String> STRUCTURAL = Set.of("nav", "header", "footer", "aside", "form", "menu");
    private static final Set<String> EXACT = Set.of("nav", "menu", "menus", "footer", "newsletter", "newsletters",
            "subscribe", "subscription", "related", "share", "shares", "sharing", "social", "comment", "comments",
            "advert", "adverts", "ad", "ads", "advertisement", "advertising", "promo", "promos", "promoted", "cookie",
            "cookies", "consent", "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal", "signup", "outbrain",
            "taboola", "disqus", "recirc", "recommended", "recommendations", "trending", "toolbar", "masthead",
            "sponsored", "paywall", "sr", "skip", "tags", "topics", "byline", "dateline", "timestamp", "author",
            "caption", "credit", "copyright", "print", "email", "rss", "widget", "donate", "donation", "donations",
            "more", "teaser", "teasers", "placeholder", "disclosure", "flyout");
    private static final List<String> PREFIXES = List.of("navbar", "navigation", "newsletter", "related",
            "breadcrumb", "cookie", "advert", "social", "sponsor", "promo", "sharing", "sharebar", "share-",
            "comments", "subscribe-", "recommend", "most-popular", "mostpopular", "most-read", "mostread",
            "readmore", "read-more", "see-also", "seealso", "donat", "support-us", "supportus");
    /** Names that mark a paragraph as an image's or a story's furniture, matched inside class names. */
    private static final List<String> FURNITURE = List.of("caption", "credit", "copyright", "byline", "dateline",
            "timestamp", "disclosure");
    private static final List<String> LAYOUT_FLAGS = List.of("no", "has", "with", "without");
    private static final Set<String> ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "menu",
            "menubar", "dialog", "alertdialog", "search", "toolbar", "tablist");

    private BoilerplateStripper() {
    }

    /** Removes boilerplate from the document's body in place. */
    public static void strip(Document doc) {
        Prepared prepared = prepare(doc, null);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                return node instanceof Element e && prepared.isBoilerplate(e)
                        ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        }, doc.body());
    }

    /**
     * One walk over the whole page: hands every element to the metadata reader (when given) before anything is
     * removed, drops what is always noise from the body, and measures the paragraph text of the body and of every
     * boilerplate candidate. The candidates themselves are left in place; {@link Prepared#isBoilerplate} says which
     * to drop, so the next walk can drop them without descending into them.
     */
    public static Prepared prepare(Document doc, MetadataReader metaOrNull) {
        Prepared prepared = new Prepared(doc.body(), metaOrNull, false);
        NodeTraversor.filter(prepared, doc);
        return prepared;
    }

    /**
     * The same walk for the cascade's lenient pass, on a fresh parse of a page whose strict pass found little text:
     * only the structural parts (navigation, header, footer, asides, forms, menus) are candidates, not elements whose
     * names sound like boilerplate, and {@code <noscript>} is kept, because a page that shows its text only without
     * scripts puts it there.
     */
    public static Prepared prepareLenient(Document doc) {
        Prepared prepared = new Prepared(doc.body(), null, true);
        NodeTraversor.filter(prepared, doc);
        return prepared;
    }

    /** What the first walk found: the page's paragraph text, and the boilerplate candidates with theirs. */
    public static final class Prepared implements NodeFilter {
        private final Element body;
        private final MetadataReader meta;
        private final boolean lenient;
        private final Map<Element, Integer> candidates = new IdentityHashMap<>();
        private int[] chars = new int[64];
        private boolean[] candidate = new boolean[64];
        private boolean[] ownText = new boolean[64];
        private int depth = -1;
        private int bodyDepth = -1;
        private int fullDepth;
        private int articleDepth;
        private int total;

        Prepared(Element body, MetadataReader meta, boolean lenient) {
            this.body = body;
            this.meta = meta;
            this.lenient = lenient;
        }

        /** Whether the element is boilerplate to drop: a candidate that does not hold most of the story. */
        public boolean isBoilerplate(Element e) {
            Integer own = candidates.get(e);
            if (own == null || own < 400) {
                return own != null;
            }
            // an <article> is the publisher's own marker for a story: a class such as "node--promoted" on it says
            // how the story is listed elsewhere, not that this copy is a teaser, so a third of the text suffices
            return own * (e.normalName().equals("article") ? 3 : 2) < total;
        }

        /** Paragraph characters in the body once the noise is gone. */
        public int paragraphChars() {
            return total;
        }

        @Override
        public FilterResult head(Node node, int ignored) {
            if (node instanceof TextNode t) {
                if (depth >= 0 && (fullDepth > 0 || ownText[depth])) {
                    chars[depth] += ParagraphText.normalisedLength(t.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            Attributes attrs = e.attributesSize() > 0 ? e.attributes() : null;
            if (meta != null) {
                meta.collect(e, attrs, articleDepth > 0);
            }
            boolean inBody = bodyDepth >= 0;
            if (inBody && ((ALWAYS.contains(tag) && !(lenient && tag.equals("noscript")))
                    || (attrs != null && isHidden(attrs)))) {
                return FilterResult.REMOVE;
            }
            depth++;
            if (depth == chars.length) {
                chars = Arrays.copyOf(chars, depth * 2);
                candidate = Arrays.copyOf(candidate, depth * 2);
                ownText = Arrays.copyOf(ownText, depth * 2);
            }
            chars[depth] = 0;
            ownText[depth] = ParagraphText.OWN.contains(tag);
            candidate[depth] = inBody && (STRUCTURAL.contains(tag)
                    || (!lenient && attrs != null && isBoilerplateByName(tag, attrs)));
            if (e == body) {
                bodyDepth = depth;
            }
            if (ParagraphText.FULL.contains(tag)) {
                fullDepth++;
            } else if (tag.equals("article")) {
                articleDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int ignored) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (ParagraphText.FULL.contains(tag)) {
                fullDepth--;
            } else if (tag.equals("article")) {
                articleDepth--;
            }
            int own = chars[depth];
            if (candidate[depth]) {
                candidates.put(e, own);
            }
            if (depth == bodyDepth) {
                total = own;
                bodyDepth = -1;
            }
            if (depth > 0) {
                chars[depth - 1] += own;
            }
            depth--;
            return FilterResult.CONTINUE;
        }
    }

    /** Attribute keys are compared exactly: the HTML parser has already lower-cased them. */
    private static boolean isHidden(Attributes attrs) {
        if (attrs.hasKey("hidden") || attrs.get("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String style = attrs.get("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.replace(" ", "").toLowerCase(Locale.ROOT);
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    static boolean isBoilerplateByName(Element e) {
        return e.attributesSize() > 0 && isBoilerplateByName(e.normalName(), e.attributes());
    }

    private static boolean isBoilerplateByName(String tag, Attributes attrs) {
        String role = attrs.get("role");
        if (!role.isEmpty() && ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (tag.equals("p")) {
            // a paragraph's class rarely names its function, so only the few names that mark an image's or a
            // story's furniture count ("image-copyright", "photo-credit", "byline")
            return namesFurniture(attrs.get("class"));
        }
        if (tag.equals("html") || tag.equals("body") || tag.equals("main")) {
            return false;
        }
        return namesBoilerplate(attrs.get("class")) || namesBoilerplate(attrs.get("id"))
                || namesBoilerplate(attrs.get("aria-label")) || namesBoilerplate(attrs.get("data-component"));
    }

    private static boolean namesFurniture(String names) {
        if (names.isEmpty()) {
            return false;
        }
        String lower = names.toLowerCase(Locale.ROOT);
        for (String word : FURNITURE) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether class names, an id or a label name a boilerplate function. camelCase, snake_case and kebab-case all
     * split into lower-case tokens; a token (kebab parts included) matches a known word exactly, or starts with a
     * known prefix.
     */
    static boolean namesBoilerplate(String names) {
        int len = names.length();
        int start = -1;
        for (int i = 0; i <= len; i++) {
            char ch = i < len ? names.charAt(i) : ' ';
            boolean tokenChar = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '-';
            boolean boundary = start >= 0 && ch >= 'A' && ch <= 'Z' && i > 0
                    && names.charAt(i - 1) >= 'a' && names.charAt(i - 1) <= 'z';
            if (start >= 0 && (!tokenChar || boundary)) {
                if (tokenNamesBoilerplate(names, start, i)) {
                    return true;
                }
                start = -1;
            }
            if (tokenChar && start < 0) {
                start = i;
            }
        }
        return false;
    }

    /** Whether names[start, end) (or one of its kebab parts) is a boilerplate word, or starts with a prefix. */
    private static boolean tokenNamesBoilerplate(String names, int start, int end) {
        if (!mayStartAWord(names, start, end)) {
            return hasKebabPartAfter(names, start, end);
        }
        for (String prefix : PREFIXES) {
            if (end - start >= prefix.length() && names.regionMatches(true, start, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return partsNameBoilerplate(names, start, end);
    }

    private static boolean hasKebabPartAfter(String names, int start, int end) {
        int dash = names.indexOf('-', start);
        // from the start, not the dash: the part before it may be a layout flag ("has-sidebar")
        return dash >= 0 && dash < end && partsNameBoilerplate(names, start, end);
    }

    private static boolean partsNameBoilerplate(String names, int start, int end) {
        int partStart = start;
        int previousStart = -1;
        for (int i = start; i <= end; i++) {
            if (i == end || names.charAt(i) == '-') {
                if (i - partStart >= 2 && isExactWord(names, partStart, i)
                        && !(previousStart >= 0 && isLayoutFlag(names, previousStart, partStart - 1))) {
                    return true;
                }
                previousStart = partStart;
                partStart = i + 1;
            }
        }
        return false;
    }

    /**
     * Whether names[start, end) is "no", "has", "with" or "without": in {@code site__main--no-sidebar} or
     * {@code has-sidebar} the word after it describes the layout around the element, not what the element is.
     */
    private static boolean isLayoutFlag(String names, int start, int end) {
        for (String flag : LAYOUT_FLAGS) {
            if (end - start == flag.length() && names.regionMatches(true, start, flag, 0, flag.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether names[start, end) is one of {@link #EXACT}, ignoring case, without building a string. */
    private static boolean isExactWord(String names, int start, int end) {
        int a = Character.toLowerCase(names.charAt(start)) - 'a';
        int b = Character.toLowerCase(names.charAt(start + 1)) - 'a';
        if (a < 0 || a >= 26 || b < 0 || b >= 26) {
            return false;
        }
        String[] words = EXACT_BY_FIRST_TWO[a * 26 + b];
        if (words == null) {
            return false;
        }
        int length = end - start;
        for (String w : words) {
            if (w.length() == length && names.regionMatches(true, start, w, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Cheap filter: whether the first two letters begin any known word or prefix. */
    private static boolean mayStartAWord(String names, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        int a = Character.toLowerCase(names.charAt(start)) - 'a';
        int b = Character.toLowerCase(names.charAt(start + 1)) - 'a';
        return a >= 0 && a < 26 && b >= 0 && b < 26 && FIRST_TWO[a * 26 + b];
    }

    private static final boolean[] FIRST_TWO = new boolean[26 * 26];
    private static final String[][] EXACT_BY_FIRST_TWO = new String[26 * 26][];

    static {
        for (String w : EXACT) {
            int index = (w.charAt(0) - 'a') * 26 + (w.charAt(1) - 'a');
            FIRST_TWO[index] = true;
            String[] old = EXACT_BY_FIRST_TWO[index];
            String[] grown = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = w;
            EXACT_BY_FIRST_TWO[index] = grown;
        }
        for (String w : PREFIXES) {
            FIRST_TWO[(w.charAt(0) - 'a') * 26 + (w.charAt(1) - 'a')] = true;
        }
    }
}
