package io.newswatch.tagger.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places of one sentence, as written: the lexicon's ports, cities and regions, and the names an unseen text
 * gives a place by the way it names it ("the port of X", "X Bay", "Sea of X", "X Cosmodrome", "порт X", "X области",
 * "X항", "X港"). A capital counts only where the sentence puts something in it or sends something to it ("to
 * Pyongyang", "in Moscow"), not where it stands for its government ("Moscow says"); a region right after a port or
 * city ("Nakhodka in Primorsky Krai", "Дунай в Приморском крае", "연해주의 보스토치니항") only says where that lies. Work is bounded by the sentence: the patterns run
 * only where their cheap anchor word stands.
 */
final class Places {
    /** The value of a place hit that is a capital (the lexicon's {@code capitals}). */
    static final String CAPITAL = "capital";

    private static final String WORD = "\\p{Lu}[\\p{L}\\d]*(?:-\\p{L}[\\p{L}\\d]*)*";
    private static final String NAMES = WORD + "(?: " + WORD + "){0,3}";
    /** "the port of X and Y", "Gulf of X": group 1 the head word, group 2 the name. */
    private static final Pattern OF = Pattern.compile("\\b((?:[Pp]orts?|[Pp]ort city|[Cc]ity|[Tt]own|[Vv]illage"
            + "|[Ss]ettlement|[Hh]arbou?r|[Pp]rovince|[Rr]egion|Sea|Gulf|Bay|Strait)) of (?:the )?(" + NAMES + ")");
    /** "X Sea", "X Cosmodrome": group 1 the whole name, as written. */
    private static final Pattern FULL = Pattern.compile("(?<![\\p{L}\\d])((" + NAMES + ") (?:Sea|Bay|Gulf|Strait"
            + "|River|Cosmodrome|Krai|Oblast|Spaceport|(?:Satellite )?Launch(?:ing)? (?:Ground|Station|Site|Centre"
            + "|Center|Pad)))\\b");
    /** "X port", "X station": group 1 the name alone. */
    private static final Pattern BEFORE = Pattern.compile("(?<![\\p{L}\\d])(" + NAMES + ") (?:[Pp]ort|[Hh]arbou?r"
            + "|[Ss]tation|[Tt]erminal|[Bb]order crossing|[Cc]heckpoint"
            + "|[Ss]hipyard)\\b");
    /**
     * "the Ningbo-Zhoushan anchorage", "the Yangtze estuary": waters named by the port or river they lie off are
     * that place as written. Group 1 the name, group 2 the kind. ("the Kursk region" is mostly written "Kursk"; a
     * "bridge" is as often a crypto bridge as a river crossing.)
     */
    private static final Pattern KIND_AFTER = Pattern.compile("(?<![\\p{L}\\d])(" + NAMES + ") ([Aa]nchorage|[Ee]stuary)\\b");
    /**
     * The words at least one of the English patterns needs, each at a word's start (the patterns' own word
     * boundaries make this a filter that changes no match): "report" and "transportation" hold no head word.
     */
    private static final List<String> ENGLISH_HEADS = List.of("port", "Port", "city of", "City of", "town of",
            "Town of", "village of", "Village of", "settlement of", "Settlement of", "harbo", "Harbo", "province",
            "Province", "region", "Region", "Sea", "Gulf", "Bay", "Strait", "River", "Cosmodrome", "Launch", "Krai",
            "Oblast", "Spaceport", "station", "Station", "terminal", "Terminal", "border crossing",
            "Border crossing", "checkpoint", "Checkpoint", "shipyard", "Shipyard", "anchorage", "Anchorage", "estuary",
            "Estuary");

    /** Whether {@code word} occurs in {@code s} where no letter or digit stands right before it. */
    private static boolean startsWord(String s, String word) {
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
            if (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The words after a name, one of which {@link #FULL} needs (with the space the pattern puts before them). */
    private static final String[] FULL_WORDS = {" Sea", " Bay", " Gulf", " Strait", " River", " Cosmodrome", " Krai",
        " Oblast", " Spaceport", " Launch"};
    /** The words after a name, one of which {@link #BEFORE} needs. */
    private static final String[] BEFORE_WORDS = {" port", " Port", " harbo", " Harbo", " station", " Station",
        " terminal", " Terminal", " border crossing", " Border crossing", " checkpoint", " Checkpoint", " shipyard",
        " Shipyard"};
    /** The words after a name, one of which {@link #KIND_AFTER} needs. */
    private static final String[] KIND_AFTER_WORDS = {" anchorage", " Anchorage", " estuary", " Estuary"};

    /** The head words of {@link #OF}, any case: one of them ends right before every " of " it matches. */
    private static final String[] OF_HEADS = {"port", "ports", "city", "town", "village", "settlement", "harbor",
        "harbour", "province", "region", "sea", "gulf", "bay", "strait"};

    /** Whether " of " stands in {@code s} right after one of {@link #OF_HEADS}. */
    private static boolean headOf(String s) {
        for (int at = s.indexOf(" of "); at >= 0; at = s.indexOf(" of ", at + 1)) {
            for (String head : OF_HEADS) {
                if (at >= head.length() && s.regionMatches(true, at - head.length(), head, 0, head.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of {@code words} occurs in {@code s}, as written. */
    private static boolean any(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** More names of one list: ", Y", " and Y". */
    private static final Set<String> SEA = Set.of("Sea", "Gulf", "Bay", "Strait");
    private static final Pattern MORE = Pattern.compile("(?:,\\s*|,?\\s+(?:and|or|и|і|та|й)\\s+)(" + WORD + ")");
    private static final String CY_NAME = "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?";
    /** "порт Холмск", "в порту Находка", "порты Ванмо и Нампхо", "станции Хасан", "на рейде Нампхо", "в устье Янцзы". */
    private static final Pattern CY_HEAD = Pattern.compile("(?<!\\p{L})(?:порт|порта|порту|портом|порты|портов"
            + "|портах|порті|порти|портів|город|города|городе|місто|міста|місті|станци[яиюей]|станці[яїю]"
            + "|космодром|космодрома|космодроме|космодромі|рейд|рейде|рейда|рейді|устье|устья|гирло|гирлі) ("
            + CY_NAME + ")");
    /** "Курской области", "Приморском крае", "Святошинський район": as written. */
    private static final Pattern CY_REGION = Pattern.compile("(?<!\\p{L})(\\p{Lu}\\p{Ll}*(?:ск|цк|зьк|ськ)\\p{Ll}{1,4}"
            + " (?:област[ьиі]\\p{Ll}{0,2}|кра[йяюеї]\\p{Ll}{0,2}|район\\p{Ll}{0,2}))(?!\\p{L})");
    /** Words a run of capitalised words may open with that are no part of the place's name. */
    private static final Set<String> LEADING = Set.of("The", "A", "An", "This", "That", "These", "Those", "Its",
            "Their", "His", "Her", "Our", "Another", "Major", "Main", "Key", "Busy", "Largest", "Big", "Small",
            "Commercial", "Strategic", "New", "In", "At", "From", "To", "Of", "And", "But", "Via", "Near", "Both",
            "Each", "Some", "Japanese", "Taiwanese", "Vietnamese", "Malaysian", "Singaporean", "Mongolian",
            "Panamanian", "Thai", "Philippine", "European", "Asian", "African", "Soviet", "Military", "Naval",
            "Navy", "Air", "UN", "U.N.", "Western", "Eastern", "Northern", "Southern", "Central");
    /** Opening words a place named by its head word alone ("the Far East port") does not keep. */
    private static final Set<String> COMPASS = Set.of("Far", "East", "West", "North", "South", "Arctic", "Pacific",
            "Atlantic", "Baltic", "Korean", "Sea");
    /**
     * Words that make the capital after them a site ("around Moscow"); "in", "to" and "from" do not, as they mostly
     * stand before the seat of a government or a speaker ("a message to Pyongyang", "an analyst in Seoul").
     */
    private static final Set<String> LOCATIVE = Set.of("around", "near", "outside", "под", "около", "біля",
            "поблизу");
    /** A place named right after a place only says where that lies. */
    private static final Pattern LOCATOR = Pattern.compile("\\s+(?:in|on|на)\\s+(?:the\\s+)?");
    /** "в порт Дунай в Приморском крае": a region in the locative after a place says where that place lies. */
    private static final Pattern CY_LOCATOR = Pattern.compile("\\s+(?:в|во|у)\\s+");
    private static final Pattern CY_REGION_WHERE = Pattern.compile("(?:крае|области|районе|краї|області|районі)$");
    private static final Pattern LIST_GAP = Pattern.compile("\\s*,\\s*|,?\\s+(?:and|or|и|і|та|й)\\s+|、|和|与|及|와|과");
    /** Words after a place that make it part of a longer name: "Vostochny Cosmodrome" stays, "Xiamen Limbach" goes. */
    private static final Pattern IN_NAME = Pattern.compile("^ (?!(?:Sea|Bay|Gulf|Strait|River|Port|Harbou?r|Cosmodrome"
            + "|Krai|Oblast|Province|Region|Station|Terminal|And|Or|On|In|At|To|From|Via|The)\\b)\\p{Lu}\\p{Ll}");
    /** A place standing for its government or people: "Kyiv says", "Kyiv's allies". */
    private static final Pattern METONYM = Pattern.compile("^(?:'s|’s|\\s+(?:says|said|has|have|had|is|was|expects"
            + "|expected|believes|claims|claimed|accused|urged|wants|will|would|denies|denied)\\b)");
    /** Korean words that end in 항 and name no port: 입항, 출항, 사항, 조항, 공항, 순항... (the syllable before 항). */
    private static final String KO_NOT_PORT = "사조저대입출기운회결통반귀모역개순직공취선";
    private static final String KO_PARTICLE = "에으을은이의과와까도만서";
    /** Han characters no port's name runs across: particles, prepositions and verbs of motion. */
    private static final String ZH_BOUNDARY = "的在从往到至于经抵达、，。和与及向由自离进入开赴驶靠停把将被或并也都即为是了运经乘个每各该此这那其";
    /** What a port or bay is, not its name: 中转港 (a transit port), 深水港, 目的港, 渔港. */
    private static final List<String> ZH_GENERIC = List.of("中转", "目的", "深水", "沿海", "装货", "卸货", "起运", "始发",
            "转运", "出发", "枢纽", "国际", "主要", "大型", "母", "商", "渔", "军", "海", "河");
    private static final String ZH_NOT_PORT = "口澳币元股区";

    private Places() {
    }

    /** A place found; of two that overlap the one of higher priority stays: a full name, a lexicon word, a name. */
    private record Span(int start, int end, String name, int priority) {
    }

    private static final int FULL_NAME = 3;
    private static final int LEXICON = 2;
    private static final int NAMED = 1;

    /** The places of {@code text[start, end)}, in text order, each as written, no duplicates. */
    static List<String> of(String text, int start, int end, List<Hit> hits) {
        List<Span> spans = new ArrayList<>();
        boolean precise = false;
        for (Hit h : hits) {
            precise |= h.is(Lexicon.Kind.PLACE) && !Lexicon.REGION.equals(h.value()) && !CAPITAL.equals(h.value());
        }
        for (Hit h : hits) {
            if (!h.is(Lexicon.Kind.PLACE) || Seats.registry(text, h.end(), end)
                    || precise && Lexicon.REGION.equals(h.value())
                    || CAPITAL.equals(h.value()) && !located(text, start, end, h, hits)
                    || METONYM.matcher(text).region(h.end(), end).lookingAt() || Seats.speaker(text, start, end, h)
                    || IN_NAME.matcher(text).region(h.end(), end).lookingAt()) {
                continue;
            }
            spans.add(new Span(h.start(), h.end(), text.substring(h.start(), h.end()), LEXICON));
        }
        String sentence = text.substring(start, end);
        english(text, start, end, sentence, hits, spans);
        cyrillic(text, start, end, sentence, hits, spans);
        if (sentence.indexOf('항') >= 0) {
            korean(text, start, end, spans);
        }
        if (sentence.indexOf('港') >= 0 || sentence.indexOf('湾') >= 0) {
            chinese(text, start, end, hits, spans);
        }
        spans.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                : a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Span> kept = new ArrayList<>();
        for (Span s : spans) {
            if (kept.stream().noneMatch(k -> s.start() < k.end() && k.start() < s.end())) {
                kept.add(s);
            }
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // "宁波—舟山", "Tumangang-Khasan": two places joined by a dash are one, as written
        for (int i = kept.size() - 1; i > 0; i--) {
            Span a = kept.get(i - 1);
            Span b = kept.get(i);
            if (b.start() == a.end() + 1 && "-‐–—".indexOf(text.charAt(a.end())) >= 0) {
                kept.set(i - 1, new Span(a.start(), b.end(), text.substring(a.start(), b.end()), a.priority()));
                kept.remove(i);
            }
        }
        List<String> out = new ArrayList<>();
        Span last = null;
        for (Span s : kept) {
            boolean locator = last != null && (LOCATOR.matcher(text).region(last.end(), s.start()).matches()
                    || CY_LOCATOR.matcher(text).region(last.end(), s.start()).matches()
                    && CY_REGION_WHERE.matcher(s.name()).find());
            if (last != null && locatorBefore(text, last, s)) {
                // "연해주의 보스토치니항", "远东东方港": the region written first only says where the port lies
                out.remove(last.name());
            }
            last = s;
            if (!locator && !out.contains(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * Whether {@code a}, a Korean or Chinese place, stands right before the place {@code b} with nothing between but
     * a possessive (의, 的) or a space: the larger place written first, as those languages write an address.
     */
    private static boolean locatorBefore(String text, Span a, Span b) {
        if (!hangul(text.charAt(a.start())) && !han(text.charAt(a.start()))) {
            return false;
        }
        String gap = text.substring(a.end(), b.start()).strip();
        return b.start() - a.end() <= 3 && (gap.isEmpty() || gap.equals("의") || gap.equals("的"));
    }

    private static void english(String text, int start, int end, String sentence, List<Hit> hits, List<Span> spans) {
        // the patterns below are costly on every sentence; their head words, at a word's start, are rare
        boolean named = false;
        for (String head : ENGLISH_HEADS) {
            if (startsWord(sentence, head)) {
                named = true;
                break;
            }
        }
        if (!named) {
            return;
        }
        // and each pattern needs its own literal words (" of ", " Sea", " port"...): it runs only where one stands
        Matcher m = OF.matcher(text).region(start, headOf(sentence) ? end : start);
        while (m.find()) {
            if (Character.isUpperCase(m.group(1).charAt(0)) && SEA.contains(m.group(1))) {
                // "Gulf of Tonkin", "Sea of Japan": the head word is part of the name
                spans.add(new Span(m.start(1), m.end(2), text.substring(m.start(1), m.end(2)), FULL_NAME));
                continue;
            }
            int at = addName(text, m.start(2), m.end(2), m.end(2), hits, spans, true, NAMED);
            // "the ports of Kholmsk and Nakhodka": every name of the list
            Matcher more = MORE.matcher(text).region(Math.max(at, start), end);
            while (at >= 0 && more.lookingAt()) {
                addName(text, more.start(1), more.end(1), more.end(1), hits, spans, true, NAMED);
                at = more.end();
                more.region(at, end);
            }
        }
        m = FULL.matcher(text).region(start, any(sentence, FULL_WORDS) ? end : start);
        while (m.find()) {
            addName(text, m.start(2), m.end(2), m.end(1), hits, spans, false, FULL_NAME);
        }
        m = BEFORE.matcher(text).region(start, any(sentence, BEFORE_WORDS) ? end : start);
        while (m.find()) {
            addName(text, m.start(1), m.end(1), m.end(1), hits, spans, true, NAMED);
        }
        m = KIND_AFTER.matcher(text).region(start, any(sentence, KIND_AFTER_WORDS) ? end : start);
        while (m.find()) {
            addName(text, m.start(1), m.end(1), m.end(2), hits, spans, true, FULL_NAME);
        }
    }

    /**
     * Adds the name on {@code [s, e)} less the words that open it and name no place ("the", "major", "Russian"),
     * as a span up to {@code keepEnd} (past a suffix such as "Sea" that is part of the name). A name stated by its
     * head word alone ({@code strict}: "X port") also loses an opening compass word or state and is none when a
     * state or goods word is left in it ("the Russian port", "a coal port"). Returns the end of the name, or -1.
     */
    private static int addName(String text, int s, int e, int keepEnd, List<Hit> hits, List<Span> spans,
                               boolean strict, int priority) {
        int from = s;
        while (from < e) {
            int w = text.indexOf(' ', from);
            w = w < 0 || w > e ? e : w;
            String word = text.substring(from, w);
            boolean skip = LEADING.contains(word)
                    || strict && (COMPASS.contains(word) || covered(hits, from, w, Lexicon.Kind.STATE));
            if (!skip) {
                break;
            }
            from = w + 1;
        }
        if (from >= e) {
            return -1;
        }
        if (strict && (covered(hits, from, e, Lexicon.Kind.STATE) || covered(hits, from, e, Lexicon.Kind.COMMODITY))) {
            return -1;
        }
        spans.add(new Span(from, keepEnd, text.substring(from, keepEnd), priority));
        return keepEnd;
    }

    private static void cyrillic(String text, int start, int end, String sentence, List<Hit> hits, List<Span> spans) {
        if (sentence.contains("порт") || sentence.contains("город") || sentence.contains("міст")
                || sentence.contains("станці") || sentence.contains("космодром") || sentence.contains("рейд")
                || sentence.contains("усть") || sentence.contains("гирл")) {
            Matcher m = CY_HEAD.matcher(text).region(start, end);
            while (m.find()) {
                int at = m.end(1);
                if (!covered(hits, m.start(1), m.end(1), Lexicon.Kind.STATE)) {
                    spans.add(new Span(m.start(1), m.end(1), m.group(1), NAMED));
                }
                Matcher more = MORE.matcher(text).region(at, end);
                while (more.lookingAt() && Character.isLowerCase(text.charAt(more.end(1) - 1))
                        && !covered(hits, more.start(1), more.end(1), Lexicon.Kind.STATE)) {
                    spans.add(new Span(more.start(1), more.end(1), more.group(1), NAMED));
                    more.region(more.end(), end);
                }
            }
        }
        if (sentence.contains("област") || sentence.contains("кра") || sentence.contains("район")) {
            Matcher m = CY_REGION.matcher(text).region(start, end);
            while (m.find()) {
                // the whole name: "Белгородской области", not the city the lexicon finds in its first word
                spans.add(new Span(m.start(1), m.end(1), m.group(1), FULL_NAME));
            }
        }
    }

    /** "나진항에서", "보스토치니항으로": the word up to 항, when a name of two syllables or more stands before it. */
    private static void korean(String text, int start, int end, List<Span> spans) {
        for (int i = text.indexOf('항', start); i >= 0 && i < end; i = text.indexOf('항', i + 1)) {
            int s = i;
            while (s > start && hangul(text.charAt(s - 1))) {
                s--;
            }
            if (i - s < 2 || KO_NOT_PORT.indexOf(text.charAt(i - 1)) >= 0) {
                continue;
            }
            if (i + 1 < end && hangul(text.charAt(i + 1)) && KO_PARTICLE.indexOf(text.charAt(i + 1)) < 0) {
                continue;
            }
            spans.add(new Span(s, i + 1, text.substring(s, i + 1), FULL_NAME));
        }
    }

    /** "抵达东方港", "罗斯远东科济米诺港": the Han characters before 港 or 湾 back to a particle, verb or named place. */
    private static void chinese(String text, int start, int end, List<Hit> hits, List<Span> spans) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '港' && c != '湾' || i + 1 < end && ZH_NOT_PORT.indexOf(text.charAt(i + 1)) >= 0) {
                continue;
            }
            Hit named = placeEndingAt(hits, i);
            if (named != null) {
                // "兴南港": the port's name as the lexicon knows it, with 港 as written
                spans.add(new Span(named.start(), i + 1, text.substring(named.start(), i + 1), FULL_NAME));
                continue;
            }
            int s = i;
            while (s > start && i - s < 6 && han(text.charAt(s - 1)) && ZH_BOUNDARY.indexOf(text.charAt(s - 1)) < 0
                    && !endsHere(hits, s)) {
                s--;
            }
            boolean bounded = s == start || !han(text.charAt(s - 1)) || ZH_BOUNDARY.indexOf(text.charAt(s - 1)) >= 0
                    || endsHere(hits, s);
            String name = text.substring(s, i);
            if (i - s >= 2 && i - s <= 5 && bounded && !covered(hits, s, i, Lexicon.Kind.STATE)
                    && ZH_GENERIC.stream().noneMatch(name::endsWith)) {
                spans.add(new Span(s, i + 1, text.substring(s, i + 1), NAMED));
            }
        }
    }

    private static Hit placeEndingAt(List<Hit> hits, int at) {
        for (Hit h : hits) {
            if (h.end() == at && h.is(Lexicon.Kind.PLACE) && !Lexicon.REGION.equals(h.value())) {
                return h;
            }
        }
        return null;
    }

    private static boolean endsHere(List<Hit> hits, int at) {
        for (Hit h : hits) {
            if (h.end() == at && (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.PLACE))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a capital is the place of the route or the site: after a preposition of nearness ("around Moscow"), or
     * listed beside a place ("in Vladivostok, Khabarovsk and Moscow"); in Korean, before a word of nearness (모스크바
     * 인근).
     */
    private static boolean located(String text, int start, int end, Hit capital, List<Hit> hits) {
        if (Character.UnicodeScript.of(text.charAt(capital.start())) == Character.UnicodeScript.HANGUL) {
            return text.startsWith(" 인근", capital.end()) || text.startsWith(" 근교", capital.end())
                    || text.startsWith(" 일대", capital.end());
        }
        int e = capital.start();
        while (e > start && text.charAt(e - 1) == ' ') {
            e--;
        }
        int s = e;
        while (s > start && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String before = text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
        if (before.equals("the")) {
            return located(text, start, end, new Hit(capital.kind(), capital.value(), s, capital.end(), false), hits);
        }
        if (LOCATIVE.contains(before)) {
            return true;
        }
        for (Hit h : hits) {
            if (h != capital && h.is(Lexicon.Kind.PLACE) && (h.end() <= capital.start()
                    && LIST_GAP.matcher(text).region(h.end(), capital.start()).matches()
                    || h.start() >= capital.end() && LIST_GAP.matcher(text).region(capital.end(), h.start()).matches())
                    && !CAPITAL.equals(h.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean covered(List<Hit> hits, int s, int e, Lexicon.Kind kind) {
        for (Hit h : hits) {
            if (h.is(kind) && h.start() < e && h.end() > s) {
                return true;
            }
        }
        return false;
    }

    private static boolean hangul(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
