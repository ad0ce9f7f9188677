package io.newswatch.tagger.events.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a clause boundary cuts off from the goods of a sentence. A negation in a later clause ("... reports of arms
 * transfers to Russia, but had not been able to complete its inquiries because Russia did not respond") does not
 * deny the goods before it; a warning before a relative clause that reports ("warn of deepening cooperation with
 * North Korea, which has supplied Moscow with shells") does not make the reported goods hypothetical; and the month
 * May is no "may".
 */
final class Clauses {
    private Clauses() {
    }

    /** A boundary after which a clause says something of its own. */
    private static final Pattern LATER_CLAUSE = Pattern.compile(
            "(?i)(?:[;—–]|\\bbut\\b|\\bbecause\\b|\\balthough\\b|\\bthough\\b|\\bwhile\\b|,\\s*which\\b)");
    /** A relative clause that reports a deed: ", which has supplied", ", who had sent". */
    private static final Pattern REPORTING_RELATIVE = Pattern.compile(
            "(?i),\\s*(?:which|who)\\s+(?:has|have|had)\\s+(?:already\\s+|also\\s+)?\\p{L}+ed\\b");
    /** A rule's verb that makes something unlawful: "made ... illegal", "makes ... illegal". */
    private static final Pattern MADE = Pattern.compile("(?i)\\b(?:made|makes|make|making|declared|declares)\\b");
    /** A time of day as live pages stamp their entries: "- 17:30 Blinken: ...". */
    private static final Pattern TIME_STAMP = Pattern.compile("(?<![\\d:])\\d{1,2}:\\d{2}(?![\\d:])");

    /** Words before "May" that make it the month: "in May", "since May", "last May". */
    private static final java.util.Set<String> BEFORE_MONTH = java.util.Set.of("in", "since", "of", "until", "by",
            "last", "next", "this", "early", "late", "mid", "from", "through", "between", "and", "to");

    /**
     * Whether the negation at {@code negative} stands in a clause of its own after all the goods of the sentence,
     * so that it denies something else.
     */
    static boolean detached(String text, Hit negative, List<Hit> in) {
        Hit last = null;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY)) {
                if (h.start() >= negative.start()) {
                    return false;
                }
                last = h;
            }
        }
        return last != null && LATER_CLAUSE.matcher(text).region(last.end(), negative.start()).find();
    }

    /** Whether the status cue does not govern goods after it: a relative clause that reports stands between. */
    static boolean cueCutOff(String text, Hit cue, Hit goods) {
        return cue.end() <= goods.start()
                && REPORTING_RELATIVE.matcher(text).region(cue.end(), goods.start()).find();
    }

    /**
     * Whether the sentence is a list of headlines stamped with times ("Key events - 17:30 ... - 14:05 ..."): no prose,
     * and none of its headlines is read as a sentence of the text.
     */
    static boolean headlineList(String text, int start, int end) {
        // two times of day need two colons: most sentences have none, and need no regex; the colons are looked for
        // within the sentence only, as a search to the end of the text would cost a pass over the text per sentence
        int colon = indexIn(text, ':', start, end);
        if (colon < 0 || indexIn(text, ':', colon + 1, end) < 0) {
            return false;
        }
        java.util.regex.Matcher m = TIME_STAMP.matcher(text).region(start, end);
        return m.find() && m.find();
    }

    /**
     * Whether a sentence is a list of fields, as menus, link lists and breadcrumbs are ("Links: Alabuga imagery |
     * Ukrainian intelligence statement | Treasury notice"): three or more fields separated by " | " or " · " are the
     * titles of other pages, which state no event of this one.
     */
    static boolean menuLine(String text, int start, int end) {
        // the separators are looked for within the sentence only: a search to the end of the text, as most
        // sentences have none, read the rest of the text once per sentence
        return count(text, " | ", start, end) + count(text, " · ", start, end) >= 2;
    }

    /** How many times {@code s} occurs in {@code text} within {@code [from, end)}, occurrences not overlapping. */
    private static int count(String text, String s, int from, int end) {
        int count = 0;
        for (int i = from; i + s.length() <= end; i++) {
            if (text.charAt(i) == s.charAt(0) && text.startsWith(s, i)) {
                count++;
                i += s.length() - 1;
            }
        }
        return count;
    }

    /** The first index of {@code c} in {@code text} within {@code [from, end)}, or -1. */
    private static int indexIn(String text, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the negation is a party's denial of what others allege in the same sentence ("Moscow and Pyongyang deny
     * the transfers, which U.S. officials say included 1,000 containers"): a denied allegation is still reported.
     */
    static boolean deniedAllegation(Lexicon lexicon, String text, int sentenceStart, Hit negative, List<Hit> in) {
        if (!text.regionMatches(true, negative.start(), "den", 0, 3)) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() > negative.end() && (h.is(Lexicon.Kind.REPORTING) || h.is(Lexicon.Kind.ACCORDING))
                    && (h.is(Lexicon.Kind.ACCORDING)
                    || lexicon.isAgent(Words.wordBefore(text, sentenceStart, h.start())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an English sentence names North Korea's export of goods it may not sell at all since resolutions 2371
     * and 2397 (coal, minerals, seafood, textiles), and no year before the bans: "North Korea sold 1.3 million tonnes
     * of coal into Chinese waters in 2019" needs no word of breach, "in 2016 it sold coal to China" was lawful.
     */
    static boolean exportAfterBans(String text, int start, int end, Hit c, String[] dir, List<Hit> states) {
        return Direction.KP.equals(dir[0]) && Direction.BANNED_EXPORTS.contains(c.value()) && !c.generic()
                && Lexicon.Script.of(text.charAt(c.start())) == Lexicon.Script.LATIN
                && states.stream().anyMatch(h -> h.value().equals(Direction.KP))
                && !BEFORE_BANS.matcher(text).region(start, end).find();
    }

    /** A year before the export bans of 2016 and 2017. */
    private static final Pattern BEFORE_BANS = Pattern.compile("\\b(?:19\\d\\d|200\\d|201[0-7])\\b");

    /**
     * A time before the bans, in every language: "before the sanctions", "до введения санкций", "до заборони",
     * "제재 이전", "制裁之前"; or a year before 2016 that no later year joins.
     */
    private static final Pattern BEFORE_SANCTIONS = Pattern.compile("(?iu)\\b(?:before|prior\\s+to)\\s+(?:the\\s+)?"
            + "(?:\\d{4}\\s+)?(?:UN\\s+|U\\.N\\.\\s+)?(?:ban|bans|sanctions|embargo)\\b"
            + "|(?<!\\p{L})до\\s+(?:введения\\s+|запровадження\\s+|запрета\\s+|заборони\\s+)?(?:\\d{4}\\s+)?"
            + "(?:санкций|санкцій|запрета|заборони|эмбарго|ембарго)"
            + "|제재\\s?(?:이전|전에|전까지)|금지(?:되기|하기)\\s?(?:전|이전)|(?:制裁|禁令|禁运|禁止)之?前"
            // "until 2017", "до 2017 года", "2017년 이전", "2017年以前"
            + "|\\b(?:until|before|prior\\s+to)\\s+(?:19\\d\\d|20(?:0\\d|1[0-7]))\\b|(?<!\\p{L})до\\s+(?:19\\d\\d|20(?:0\\d|1[0-7]))"
            + "\\s+(?:года|року)|(?:19\\d\\d|20(?:0\\d|1[0-7]))\\s?(?:년\\s?(?:이전|전까지|까지)|年(?:以前|之前|前))");
    /** Words one of which every alternative of {@link #BEFORE_SANCTIONS} holds, case-folded. */
    private static final Words.Literals BEFORE_SANCTIONS_WORDS = new Words.Literals("before", "prior", "until", "до",
            "제재", "금지", "前", "년");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19\\d\\d|20\\d\\d)(?!\\d)");

    /**
     * Whether the sentence dates what it tells before the UN bans on North Korea's coal, ore, seafood and textiles
     * and on its workers abroad (resolutions 2270, 2321, 2371, 2375, 2397): "До введения санкций КНДР
     * экспортировала уголь в Китай", "До 2017 года северокорейские бригады работали на стройках" was lawful.
     */
    static boolean beforeBans(String text, int start, int end) {
        if (Words.anyFolded(text, start, end, BEFORE_SANCTIONS_WORDS)
                && BEFORE_SANCTIONS.matcher(text).region(start, end).find()) {
            return true;
        }
        java.util.regex.Matcher y = YEAR.matcher(text).region(start, end);
        boolean early = false;
        while (y.find()) {
            int year = Integer.parseInt(y.group());
            if (year >= 2016) {
                return false;
            }
            early = true;
        }
        return early;
    }

    /** Whether a breach word says what a rule made unlawful: "made the sale of coal illegal". */
    static boolean madeIllegal(String text, int sentenceStart, Hit breach) {
        if (!text.regionMatches(true, breach.start(), "illegal", 0, 7)) {
            return false;
        }
        java.util.regex.Matcher made = MADE.matcher(text).region(Math.max(sentenceStart, breach.start() - 80),
                breach.start());
        return made.find() && !Roles.CLAUSE_BREAK.matcher(text).region(made.end(), breach.start()).find();
    }

    /**
     * Where one clause of a compound sentence ends and the next, with a subject of its own, begins: ", and",
     * ", while", "; ", Russian and Ukrainian ", а", ", и", ", і", ", але", a Chinese comma, a Korean verb's
     * connective ending ("보냈고,", "보냈으며"), the Korean "in return for" ("대가로") or "after" ("보낸 뒤"), or a
     * plain comma after a clause that moves goods of its own.
     */
    private static final Pattern COMPOUND = Pattern.compile(
            "(?iu)(?:;|,\\s*(?:and|while|whereas|but|а|и|но|тогда как|в то время как|і|й|та|але|проте|тоді як)(?!\\p{L})"
                    + "|[，；]|(?<=\\p{IsHangul}[고며])\\s*,?\\s|대가로\\s|(?<=\\p{IsHangul})\\s(?:뒤|후|후에|다음에?)\\s"
                    // a plain comma after a clause of its own: "After North Korea sent shells to Russia, Moscow ..."
                    + "|,\\s)");

    /** The states of the sentence, with their parts, that a commodity's direction is read from. */
    record Scope(List<Hit> states, Role[] roles, String[] originOf, int[] originAt) {
    }

    /**
     * The states of the clause of {@code goods} when the sentence joins clauses that each move goods between states
     * of their own ("North Korea shipped shells to Russia, while Moscow supplied Pyongyang with fuel": the fuel's
     * parties are Moscow and Pyongyang; "据韩国情报机构称，朝鲜向俄罗斯运送了炮弹": Seoul only reports); otherwise all the
     * sentence's states. Only read for a sentence with more than one state.
     */
    static Scope scope(String text, int start, int end, Hit goods, List<Hit> in, Scope all) {
        boolean subject = false;
        for (Role r : all.roles()) {
            subject |= r == Role.SUBJECT_FROM || r == Role.SUBJECT_TO;
        }
        if (all.states().size() < 2 || !subject) {
            // no later clause can have a subject of its own: no boundary to look for
            return all;
        }
        int from = start;
        int to = end;
        java.util.regex.Matcher m = COMPOUND.matcher(text).region(start, end);
        int segment = start;
        while (m.find()) {
            boolean plain = text.charAt(m.start()) == ',' && m.end() - m.start() <= 2;
            if (!joinsClauses(in, all, segment, m.start(), m.end(), end)
                    || plain && !(deed(in, segment, m.start()) && subjectNext(all, m.end()))) {
                continue;
            }
            if (m.end() <= goods.start()) {
                from = m.end();
            } else if (m.start() >= goods.end()) {
                to = m.start();
                break;
            }
            segment = m.end();
        }
        if (from == start && to == end) {
            return all;
        }
        List<Hit> states = new java.util.ArrayList<>();
        int n = 0;
        Role[] roles = new Role[all.states().size()];
        String[] originOf = new String[roles.length];
        int[] originAt = new int[roles.length];
        for (int i = 0; i < all.states().size(); i++) {
            Hit h = all.states().get(i);
            if (h.start() >= from && h.end() <= to) {
                states.add(h);
                roles[n] = all.roles()[i];
                originOf[n] = all.originOf()[i];
                originAt[n++] = all.originAt()[i];
            }
        }
        return n == 0 ? all : new Scope(states, java.util.Arrays.copyOf(roles, n), java.util.Arrays.copyOf(originOf, n),
                java.util.Arrays.copyOf(originAt, n));
    }

    /** Whether the first state after {@code at} stands right there as the subject of a verb: ", Moscow began supplying". */
    private static boolean subjectNext(Scope all, int at) {
        for (int i = 0; i < all.states().size(); i++) {
            if (all.states().get(i).start() >= at) {
                return all.states().get(i).start() - at <= 4
                        && (all.roles()[i] == Role.SUBJECT_FROM || all.roles()[i] == Role.SUBJECT_TO);
            }
        }
        return false;
    }

    /** Whether goods and a give, get or use word stand between {@code from} and {@code to}: a clause that moves goods. */
    private static boolean deed(List<Hit> in, int from, int to) {
        boolean goods = false;
        boolean verb = false;
        for (Hit h : in) {
            if (h.start() >= from && h.end() <= to) {
                goods |= h.is(Lexicon.Kind.COMMODITY);
                verb |= h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE);
            }
        }
        return goods && verb;
    }

    /**
     * Whether a boundary joins two clauses that each name a state, the later one as the subject of a give or get
     * verb of its own: a list ("through China, and Turkey"), "not only ... but also" or a clause that only refers
     * back does not count.
     */
    private static boolean joinsClauses(List<Hit> in, Scope all, int segmentStart, int at, int after, int end) {
        boolean stateBefore = false;
        for (Hit h : all.states()) {
            stateBefore |= h.start() >= segmentStart && h.end() <= at;
        }
        if (!stateBefore) {
            return false;
        }
        for (int i = 0; i < all.states().size(); i++) {
            if (all.states().get(i).start() >= after
                    && (all.roles()[i] == Role.SUBJECT_FROM || all.roles()[i] == Role.SUBJECT_TO)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cue is the month May ("published in May", "May 5"), not the modal verb. */
    static boolean month(String text, int sentenceStart, Hit cue) {
        if (cue.end() - cue.start() != 3 || !text.startsWith("May", cue.start()) || cue.start() == sentenceStart) {
            return false;
        }
        String after = Words.wordAfter(text, cue.end(), Math.min(text.length(), cue.end() + 12));
        int next = cue.end();
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next < text.length() && Character.isDigit(text.charAt(next))
                || BEFORE_MONTH.contains(Words.wordBefore(text, sentenceStart, cue.start())) && !after.equals("be")
                && !after.equals("have");
    }
}
