package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns content elements into paragraphs: every block element (p, headings, list items, blockquote, pre, div ...)
 * starts a new paragraph, two consecutive {@code <br>}s do too, and whitespace inside a paragraph collapses to
 * single spaces. Paragraphs that are mostly link text (a "read more" line, a list of tags) are dropped, and so is
 * {@code <h1>}, which is the headline rather than body text.
 */
public final class BlockTextWriter {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th",
            "figure", "figcaption", "address", "hr", "center");
    /** Numeric dates (day.month.year, year-month-day, month/day/year) and clock times. */
    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "\\b(\\d{1,2}[./]\\d{1,2}[./](\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}(:\\d{2})?)\\b");
    private static final int MAX_LABEL = 50;
    /**
     * A figure's caption or credit written as a paragraph: "Abbildung 4: ...", "Fig. 2:", "Foto: ...", "Photo
     * credit: ...". The label and colon are how captions read in any layout, whatever the markup around them.
     */
    private static final Pattern CAPTION = Pattern.compile(
            "(?iu)(abbildung|abb\\.|figure|fig\\.|bild|foto|photo|titelbild|image|grafik|photo credit|bildquelle)"
                    + "(\\s*\\d+)?\\s*:");
    /** A standfirst's paragraph is prose: at least this long, and it ends a sentence. */
    private static final int MIN_LEAD = 70;
    /** Words that invite the reader to sign up, matched at a word's start ("unsubscribe" is no invitation). */
    private static final List<String> SIGN_UPS = List.of("sign up", "subscribe", "abonnier");
    /** Verbs that invite the reader to follow a network account: English, German, Spanish, French. */
    private static final List<String> FOLLOWS = List.of("follow", "folg", "síguenos", "suivez", "join", "únete");
    private static final int MAX_CREDIT = 150;
    private static final int MAX_INVITATION = 300;
    /** How many of the last paragraphs are looked at for invitations. */
    private static final int TAIL = 3;
    private static final List<String> NETWORKS = List.of("twitter", "facebook", "instagram", "youtube", "telegram",
            "whatsapp", "tiktok", "linkedin", "mastodon", "bluesky");
    /** Longer "headings" are paragraphs a site styled as headings, kept whatever follows them. */
    private static final int MAX_TITLE = 80;
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

    private BlockTextWriter() {
    }

    /** One string per paragraph, in document order, whitespace collapsed, none empty. */
    public static List<String> paragraphs(List<Element> containers) {
        Collector collector = new Collector();
        for (Element container : containers) {
            NodeTraversor.traverse(collector, container);
            collector.flush();
        }
        collector.endSection();
        trimEnds(collector.paragraphs);
        return collector.paragraphs;
    }

    /**
     * The paragraphs of the elements that are prose sentences: at least {@value #MIN_LEAD} characters that end a
     * sentence. A standfirst's header holds a headline, a date, a byline and labels too; only its sentences are text.
     */
    public static List<String> sentences(List<Element> containers) {
        List<String> prose = new ArrayList<>();
        for (String p : paragraphs(containers)) {
            if (p.length() >= MIN_LEAD && endsSentence(p)) {
                prose.add(p);
            }
        }
        return prose;
    }

    /**
     * Drops what a page leaves before and after its text: short lines that end no sentence ("Promis", "Zum Rezept",
     * "Schlagworte", "Keine Kommentare", "Mehr zum Thema:"), copyright lines after it, and among the last few
     * paragraphs the calls to follow the site elsewhere (a social network's name with a handle or an address, a
     * newsletter). Their blocks of links or widgets are gone, the label stays; a story does not end on a line
     * without a full stop. A short paragraph with a copyright sign is a photo credit or a footer wherever it stands.
     * One paragraph is always left.
     */
    static void trimEnds(List<String> paragraphs) {
        if (paragraphs.size() > 1) {
            paragraphs.removeIf(p -> p.length() <= MAX_CREDIT && p.indexOf('\u00a9') >= 0);
        }
        while (paragraphs.size() > 1 && isLabel(paragraphs.get(0))) {
            paragraphs.remove(0);
        }
        while (paragraphs.size() > 1) {
            String last = paragraphs.get(paragraphs.size() - 1);
            if (!(isLabel(last) || last.indexOf('\u00a9') >= 0)) {
                break;
            }
            paragraphs.remove(paragraphs.size() - 1);
        }
        for (int i = paragraphs.size() - 1; i >= Math.max(1, paragraphs.size() - TAIL); i--) {
            if (isInvitation(paragraphs.get(i))) {
                paragraphs.remove(i);
            }
        }
    }

    /**
     * An invitation to follow the site elsewhere: a newsletter, a call to sign up or subscribe, or a social network
     * named with a handle, an address or a verb that asks to follow or join it.
     */
    static boolean isInvitation(String text) {
        if (text.length() > MAX_INVITATION) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("newsletter")) {
            return true;
        }
        boolean network = false;
        for (String name : NETWORKS) {
            network |= lower.contains(name);
        }
        if (startsAWord(lower, SIGN_UPS)) {
            return true;
        }
        if (network && (lower.contains("@") || lower.contains("http") || lower.contains("www."))) {
            return true;
        }
        return network && startsAWord(lower, FOLLOWS);
    }

    /** Whether one of the words occurs in the text at the start of a word. */
    private static boolean startsAWord(String text, List<String> words) {
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLabel(String text) {
        return text.length() <= MAX_LABEL && !endsSentence(text);
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '\u3002' || last == '\uff01' || last == '\uff1f'
                || last == ')' || last == '"' || last == '\u201d' || last == '\u00bb';
    }

    /**
     * Whether a paragraph is only a date or time with at most a short label ("23.10.2018", "05:28 Uhr",
     * "Updated: 2020-04-03"): the page's metadata, which {@code MetadataReader} reads, not body text.
     */
    static boolean isDateLine(String text) {
        if (text.length() > 40 || text.length() < 4 || !hasDigit(text)) {
            return false;
        }
        String rest = DATE_OR_TIME.matcher(text).replaceAll("");
        if (rest.length() == text.length()) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < rest.length(); i++) {
            char ch = rest.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
            }
        }
        return letters <= 15;
    }

    /** A cheap test before the date pattern runs on a paragraph. */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final class Collector implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkChars;
        private int linkDepth;
        private int headlineDepth;
        private boolean lastWasBreak;
        private int headingDepth;
        /** Where the last subheading sits in {@link #paragraphs}, or -1; and what followed it so far. */
        private int heading = -1;
        private boolean keptAfterHeading;
        private boolean droppedAfterHeading;
        /** Whether the last paragraph kept is a label outside a heading, which the links after it may take along. */
        private boolean lastKeptIsLabel;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                if (!text.isBlank()) {
                    lastWasBreak = false;
                }
                if (headlineDepth > 0) {
                    return;
                }
                current.append(text);
                if (linkDepth > 0) {
                    linkChars += ParagraphText.normalisedLength(text);
                }
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    if (lastWasBreak) {
                        flush();
                    } else {
                        current.append(' ');
                    }
                    lastWasBreak = true;
                } else if (BLOCKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.equals("h1")) {
                    headlineDepth++;
                } else if (HEADINGS.contains(tag)) {
                    headingDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (tag.equals("h1")) {
                    headlineDepth--;
                }
                if (BLOCKS.contains(tag)) {
                    flush();
                }
                if (HEADINGS.contains(tag)) {
                    headingDepth--;
                }
            }
        }

        void flush() {
            String text = collapse(current);
            int links = linkChars;
            current.setLength(0);
            linkChars = 0;
            lastWasBreak = false;
            if (text.isEmpty()) {
                return;
            }
            boolean linked = links > 0 && links >= 0.6 * text.length();
            if (linked || isDateLine(text) || CAPTION.matcher(text).lookingAt()) {
                droppedAfterHeading = true;
                if (linked && lastKeptIsLabel) {
                    // "Mehr Kolumnen:", "Articles liés": a label written as a paragraph introduces the links
                    paragraphs.remove(paragraphs.size() - 1);
                }
                lastKeptIsLabel = false;
                return;
            }
            lastKeptIsLabel = headingDepth == 0 && isLabel(text);
            if (headingDepth > 0) {
                endSection();
                heading = paragraphs.size();
                keptAfterHeading = false;
                droppedAfterHeading = false;
            } else {
                keptAfterHeading = true;
            }
            paragraphs.add(text);
        }

        /**
         * Drops the last subheading when nothing of its section was kept: a "Related" or "Read more" heading whose
         * list of links has gone, or a heading left at the very end. Why: boilerplate blocks are recognised by their
         * links, their titles carry none, and a site we have never seen names them in its own words.
         */
        void endSection() {
            if (heading >= 0 && !keptAfterHeading
                    && (droppedAfterHeading || heading == paragraphs.size() - 1)
                    && paragraphs.get(heading).length() <= MAX_TITLE) {
                paragraphs.remove(heading);
            }
            heading = -1;
        }

        /** The text with whitespace runs (no-break spaces included) collapsed to one space, trimmed. */
        private static String collapse(CharSequence raw) {
            StringBuilder out = new StringBuilder(raw.length());
            boolean pendingSpace = false;
            for (int i = 0, len = raw.length(); i < len; i++) {
                char ch = raw.charAt(i);
                if (ch <= ' ' || ch == '\u00a0' || Character.isWhitespace(ch)) {
                    pendingSpace = !out.isEmpty();
                } else {
                    if (pendingSpace) {
                        out.append(' ');
                        pendingSpace = false;
                    }
                    out.append(ch);
                }
            }
            return out.toString();
        }
    }
}
