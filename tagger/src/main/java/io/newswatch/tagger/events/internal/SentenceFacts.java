package io.newswatch.tagger.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of one sentence that do not depend on direction: places, vessels, IMO numbers, resolutions and the
 * attribution, each bounded in count and length.
 */
final class SentenceFacts {
    static final int MAX_ITEMS = 16;
    static final int MAX_CHARS = 120;

    private static final Pattern IMO = Pattern.compile("(?i)\\bIMO(?:\\s+(?:number|no\\.?|#))?\\s*:?\\s*(\\d{7})\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])(\\d{4})(?![\\d])");
    private static final Pattern NAME = Pattern.compile(
            "\\s+(?:\"|“|')?((?:\\p{Lu}[\\p{L}\\d-]*|\\d+)(?:\\s(?:\\p{Lu}[\\p{L}\\d-]*|\\d+)){0,4})");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPAN_OF_YEARS = Pattern.compile("(?iu)(?:\\bsince|\\bс|\\bз|\\bвід|自)\\s*(?:19|20)\\d\\d"
            + "(?!\\d)|\\bbetween\\s+(?:19|20)\\d\\d\\s+and\\s+(?:19|20)\\d\\d|(?:19|20)\\d\\d\\s*(?:년\\s*이후|年以来|年至)");
    private static final Pattern TRAILING_AUXILIARY = Pattern.compile(
            "(?:\\s+(?:has|have|had|also|repeatedly|previously|earlier|on \\S+(?: \\d+)?|this week|last week))+$");
    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?i)(?:but|and|while|although|though|which)\\s+");
    private static final Pattern PRONOUN = Pattern.compile(
            "(?i)(?:he|she|they|it|we|i|you|this|that|also|он|она|они|він|вона|вони)");
    private static final Pattern NOT_NAME = Pattern.compile("(?i)(?:of|the|in|to|from|with)");
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:—–(]|\\bthat\\b");

    final List<String> places = new ArrayList<>();
    final List<String> vessels = new ArrayList<>();
    final List<String> imo = new ArrayList<>();
    final List<String> resolutions = new ArrayList<>();
    String attribution;
    /** Whether the sentence counts over a span of years ("since 2017", "с 2019 года", "2017년 이후", "2017年以来"). */
    boolean spanOfYears;
    /** Whether the sentence gives its source only as a pronoun ("she said"): the speaker named before, if any. */
    boolean pronoun;

    private SentenceFacts() {
    }

    static SentenceFacts read(String text, int start, int end, List<Hit> hits) {
        SentenceFacts f = new SentenceFacts();
        String sentence = text.substring(start, end);
        boolean resolutionCue = false;
        if (Words.prose(text, start, end)) {
            // a headline, a menu or a list line names places for its own story, not where the goods went
            f.places.addAll(places(text, start, end, hits));
        }
        for (Hit h : hits) {
            switch (h.kind()) {
                case VESSEL -> {
                    Matcher m = NAME.matcher(text).region(h.end(), end);
                    if (m.lookingAt() && !NOT_NAME.matcher(m.group(1)).matches()) {
                        add(f.vessels, m.group(1));
                    }
                }
                case RESOLUTION -> resolutionCue = true;
                default -> {
                }
            }
        }
        f.spanOfYears = spanOfYears(text, start, end);
        if (sentence.contains("IMO")) {
            Matcher imo = IMO.matcher(sentence);
            while (imo.find()) {
                add(f.imo, imo.group(1));
            }
        }
        if (resolutionCue) {
            Matcher n = NUMBER.matcher(sentence);
            while (n.find()) {
                int v = Integer.parseInt(n.group(1));
                if (v >= 1695 && v < 3000 && (v < 1900 || v > 2035)) {
                    add(f.resolutions, n.group(1));
                }
            }
        }
        f.attribution = attribution(text, start, end, hits);
        if (f.attribution != null && PRONOUN.matcher(f.attribution).matches()) {
            f.attribution = null;
            f.pronoun = true;
        }
        return f;
    }

    /**
     * Where a clause of its own begins within a sentence: "; ", ", and also", ", while", ", а также", ", тоді як",
     * "；", "，并": "sent 100 missiles to Russia, and also 11,000 troops to the Kursk region".
     */
    private static final Pattern CLAUSE = Pattern.compile("(?iu);\\s|,\\s+(?:and also|as well as|while|whereas"
            + "|а также|а еще|в то время как|тогда как|а також|тоді як|а ще)\\s|；|，(?:并|还|同时)");

    /**
     * These facts with only the places of the clause that names {@code goods}, when the sentence names other goods
     * in other clauses ("shipped shells through Rajin, and also sent troops to Kursk": Kursk is no place of the
     * shells); the same facts when the sentence is one clause.
     */
    SentenceFacts ofClause(String text, int start, int end, Hit goods, List<Hit> hits) {
        int from = start;
        int to = end;
        Matcher m = CLAUSE.matcher(text).region(start, end);
        while (m.find()) {
            if (m.end() <= goods.start()) {
                from = m.end();
            } else if (m.start() >= goods.end()) {
                to = m.start();
                break;
            }
        }
        if (from == start && to == end || from >= to || goods.start() < from || goods.end() > to) {
            return this;
        }
        SentenceFacts f = new SentenceFacts();
        if (Words.prose(text, start, end)) {
            List<Hit> inClause = new ArrayList<>();
            for (Hit h : hits) {
                if (h.start() >= from && h.end() <= to) {
                    inClause.add(h);
                }
            }
            f.places.addAll(places(text, from, to, inClause));
        }
        f.vessels.addAll(vessels);
        f.imo.addAll(imo);
        f.resolutions.addAll(resolutions);
        f.attribution = attribution;
        f.spanOfYears = spanOfYears;
        f.pronoun = pronoun;
        return f;
    }

    /** Whether {@code text[start, end)} counts over a span of years ("since 2017", "с 2019 года"). */
    static boolean spanOfYears(String text, int start, int end) {
        return Words.hasDigit(text, start, end) && hasYear(text, start, end)
                && SPAN_OF_YEARS.matcher(text).region(start, end).find();
    }

    /** Whether a year of 19xx or 20xx, which every alternative of {@link #SPAN_OF_YEARS} needs, stands in the span. */
    private static boolean hasYear(String text, int start, int end) {
        for (int i = start; i + 4 <= end; i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            if ((c == '1' && d == '9' || c == '2' && d == '0') && isAsciiDigit(text.charAt(i + 2))
                    && isAsciiDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The words {@link #TRAILING_AUXILIARY} may end on, besides what follows an "on ". */
    private static final String[] AUXILIARY_ENDS = {"has", "have", "had", "also", "repeatedly", "previously",
        "earlier", "week"};

    /**
     * Whether {@link #TRAILING_AUXILIARY} may match {@code s}: it ends on one of {@link #AUXILIARY_ENDS} or on the
     * word after an "on " (or a line break, before which {@code $} also matches).
     */
    private static boolean mayTrail(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029'
                || s.contains("on ")) {
            return true;
        }
        for (String w : AUXILIARY_ENDS) {
            if (s.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** The places of the sentence ({@link Places}), bounded in count and length. */
    static List<String> places(String text, int start, int end, List<Hit> hits) {
        List<String> out = new ArrayList<>();
        for (String place : Places.of(text, start, end, hits)) {
            add(out, place);
        }
        return out;
    }

    /** "according to X" gives X; else the words before a reporting verb, back to the clause start. */
    private static String attribution(String text, int start, int end, List<Hit> hits) {
        for (Hit h : hits) {
            if (h.kind() == Lexicon.Kind.ACCORDING) {
                int s = h.end();
                Matcher m = CLAUSE_END.matcher(text).region(s, end);
                int e = m.find() ? m.start() : end;
                return trimmed(text.substring(s, e));
            }
        }
        for (Hit h : hits) {
            if (h.kind() == Lexicon.Kind.REPORTING) {
                int s = h.start();
                int from = Math.max(start, s - MAX_CHARS);
                String before = text.substring(from, s);
                int cut = Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf('—')),
                        Math.max(before.lastIndexOf('"'), before.lastIndexOf('”')));
                String who = trimmed(cut >= 0 ? before.substring(cut + 1) : before);
                who = LEADING_CONJUNCTION.matcher(mayTrail(who) ? TRAILING_AUXILIARY.matcher(who).replaceFirst("") : who)
                        .replaceFirst("");
                if (!who.isEmpty() && who.length() < 80 && Character.isLetter(who.charAt(0))) {
                    return who;
                }
            }
        }
        return null;
    }

    private static String trimmed(String s) {
        String stripped = s.strip();
        String t = singleSpaced(stripped) ? stripped : SPACES.matcher(stripped).replaceAll(" ");
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    /** Whether {@link #SPACES} would change nothing in {@code s}: no white space but single plain spaces. */
    private static boolean singleSpaced(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static void add(List<String> list, String value) {
        String v = trimmed(value);
        if (!v.isEmpty() && list.size() < MAX_ITEMS && !list.contains(v)) {
            list.add(v);
        }
    }
}
