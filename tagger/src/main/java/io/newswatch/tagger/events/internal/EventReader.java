package io.newswatch.tagger.events.internal;

import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Segmentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the violation events of one text, sentence by sentence: commodity words, the states and the role each
 * plays (supplier or receiver, from the verb's voice, the prepositions, possessives and Korean particles), the
 * amount, places, ship, resolution, status and attribution; then merges them into one event per (commodity,
 * from, to) ({@link EventMerger}). Sentences that only refer back ("the shipments went from Rajin to Dunai") add
 * their facts to the event named last.
 */
public final class EventReader {
    /** Sentences longer than this are read only up to it. */
    static final int MAX_SENTENCE_CHARS = 3000;
    /** At most this many sentences of a text are read. */
    static final int MAX_SENTENCES = 5000;
    /** How many sentences after an event a reference back ("the shipments") may stand. */
    private static final int FOLLOW_UP_SENTENCES = 6;
    private static final String KP = "KP";
    private static final String RU = "RU";
    private static final String CN = "CN";
    private static final String UA = "UA";
    /** Commodities North Korea exports in the regimes' sense: the supplier is North Korea unless the text says. */
    private static final Set<String> FROM_KP = Set.of("munitions", "missiles", "weapons", "troops", "workers", "coal",
            "minerals", "other-goods");
    /** Commodities whose receiver may be named alone: what North Korea obtains (the supplier often unsaid). */
    private static final Set<String> TO_KP_ALONE = Set.of("petroleum", "luxury-goods", "funds", "military-technology",
            "other-goods");
    /** Commodities whose sender may be named alone (the host often unsaid). */
    private static final Set<String> FROM_KP_ALONE = Set.of("workers", "coal", "minerals", "funds");
    /** North Korea's arms go to Russia's war in every report of the period when the receiver is unsaid. */
    private static final Set<String> TO_RU_DEFAULT = Set.of("munitions", "missiles", "troops");

    /** USER: the subject of a use verb, the receiver only when the goods' maker is named too. */
    private enum Role { NONE, FROM, TO, ORIGIN, USER, SUBJECT_FROM, SUBJECT_TO }

    /** A state the gazetteer does not know is a verb's subject only this close to the verb, in characters. */
    private static final int WEAK_SUBJECT_REACH = 40;

    /** A headline line as scraped pages show it: a view counter and a date at its end. */
    private static final java.util.regex.Pattern NOT_PROSE = java.util.regex.Pattern.compile(
            "\\d[\\d,.]*\\s+(?:\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}\\.\\d{1,2}\\.\\d{1,2})\\s*$");
    /** How far before the goods a status cue still governs them, in characters. */
    private static final int STATUS_REACH = 150;
    /** What third countries may not supply to Russia under the national regimes. */
    private static final Set<String> TO_RU_BANNED = Set.of("military-technology", "weapons", "munitions",
            "missiles");
    /** Goods China trades lawfully too: a China pair needs a breach word in the sentence. */
    private static final Set<String> TRADE_GOODS = Set.of("petroleum", "coal", "minerals", "other-goods",
            "luxury-goods");
    /** Goods an amount of money may count. */
    private static final Set<String> MONEY_COUNTED = Set.of("funds", "military-technology", "other-goods",
            "luxury-goods");
    private static final java.util.regex.Pattern DOLLAR_UNIT = java.util.regex.Pattern.compile(
            "(?iu)^(?:dollar|доллар|долар|달러|美元)");
    private static final Set<String> ARMS = Set.of("missiles", "weapons", "munitions");
    /** A technology word followed by the field it serves: "технологии для", "технології для". */
    private static final java.util.regex.Pattern TECHNOLOGY_FOR = java.util.regex.Pattern.compile(
            "(?iu)технолог\\p{L}*\\s+для\\s");
    /** A break between a subject and a verb that are not one clause. */
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[;—:–]");
    /** What may stand between a give verb and its receiver: "handed Russia", "providing the Russians". */
    private static final java.util.regex.Pattern DATIVE_GAP = java.util.regex.Pattern.compile(
            "(?iu)\\s{0,2}(?:the\\s+)?");
    /** What stands between two states of one list. */
    private static final java.util.regex.Pattern LIST_GAP = java.util.regex.Pattern.compile(
            "(?iu)(?:'s|’s)?\\s*(?:,|,?\\s*(?:and|or|и|или|і|та|або|와|과|및|和|与|及|、))\\s*(?:the\\s+|mainland\\s+)?");
    /** Adjectives that may stand between a preposition and its state ("from mainland China"). */
    private static final Set<String> SKIPPED = Set.of("the", "a", "an", "mainland", "neighbouring", "neighboring", "northeastern",
            "northern", "southern", "eastern", "western", "both");
    /** Words before "to" that make the state a destination, not a receiver of goods ("a visit to Pyongyang"). */
    private static final Set<String> NOT_RECEIVING = Set.of("visit", "visits", "visited", "visiting", "trip", "trips",
            "journey", "travel", "travelled", "traveled", "travelling", "traveling", "flew", "flight");
    /** How far back a sentence that refers back finds its parties, in characters. */
    private static final int REFER_BACK_CHARS = 1000;
    /** Words that open a sentence referring back to the one before. */
    private static final Set<String> REFERRING = Set.of("those", "these", "such", "they", "this", "that");
    /** Words before "in" that make the state the maker: "weapons made in Pyongyang". */
    private static final Set<String> MADE = Set.of("made", "produced", "manufactured", "built", "assembled");
    /** A state written as an adjective ("North Korean", "Chinese", "северокорейские"), not as a noun. */
    private static final java.util.regex.Pattern ADJECTIVE = java.util.regex.Pattern.compile(
            "(?iu)(?:an|ese|ish|i|ск\\p{L}{1,3}|ськ\\p{L}{1,3}|цьк\\p{L}{1,3})$");

    /** The words that make the number after them a cap: "cap of", "ceiling of", "не более", "不得超过", "상한". */
    private static final java.util.regex.Pattern CAP_BEFORE = java.util.regex.Pattern.compile(
            "(?iu)(?:\\b(?:cap|ceiling|limit|quota)\\s+of|\\bcapped\\s+at|\\bnot\\s+(?:to\\s+)?exceed|потол\\p{L}*\\s+в"
            + "|не\\s+более|не\\s+більше|лимит\\p{L}*\\s+в|ліміт\\p{L}*\\s+у|上限|不得超过|不超过|상한)[^\\d.;]{0,8}$");

    /** A Korean state's ship as the receiver: "북한 선박 '삼정 2호'에", "북한 선박에" (but not "에서", from). */
    private static final java.util.regex.Pattern KO_SHIP_TO = java.util.regex.Pattern.compile(
            "^\\s?(?:선박|선적 선박|배|유조선|화물선)(?:\\s?['‘\"][^'’\"]{1,20}['’\"]\\s?호?)?(?:에게|에)(?!서)");

    private final Lexicon lexicon;


    public EventReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The events of one text.
     *
     * @param mentions the gazetteer's entity mentions in the text, in text order
     * @param maxEvents at most this many events are returned (the first found)
     */
    public List<ViolationEvent> read(String text, Segmentation segmentation, List<Mention> mentions, int maxEvents) {
        List<Hit> raw = new ArrayList<>();
        lexicon.scan(text, raw);
        List<Hit> all = hits(raw);
        for (Mention m : mentions) {
            all.add(new Hit(Lexicon.Kind.STATE, m.entity(), m.start(), m.end(), false));
        }
        all.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        all = resolveStates(all);
        Set<String> textStates = new java.util.HashSet<>();
        mentions.forEach(m -> textStates.add(m.entity()));
        EventMerger merger = new EventMerger(maxEvents);
        List<Segmentation.Sentence> sentences = segmentation.sentences();
        int h = 0;
        int lastEventSentence = -100;
        List<EventMerger.Key> lastKeys = List.of();
        List<Hit> recentStates = List.of();
        for (int si = 0; si < sentences.size() && si < MAX_SENTENCES; si++) {
            Segmentation.Sentence s = sentences.get(si);
            int end = Math.min(s.end(), s.start() + MAX_SENTENCE_CHARS);
            while (h < all.size() && all.get(h).start() < s.start()) {
                h++;
            }
            int k = h;
            List<Hit> in = new ArrayList<>();
            while (k < all.size() && all.get(k).start() < s.end()) {
                if (all.get(k).end() <= end) {
                    in.add(all.get(k));
                }
                k++;
            }
            if (in.isEmpty()) {
                continue;
            }
            List<EventMerger.Key> keys = sentence(text, s.start(), end, in, textStates, recentStates, merger);
            recentStates = recentStates(recentStates, in);
            commodityPlaces(text, s.start(), end, in, merger);
            List<EventMerger.Key> named = keys.isEmpty() ? namedAgain(in, merger) : keys;
            if (!named.isEmpty()) {
                // "In return he is getting oil. The ships then sailed to Chongjin": the goods named last are
                // what a reference back means, even in a sentence that states no event of its own
                if (keys.isEmpty()) {
                    followUp(text, s.start(), end, in, named, merger);
                }
                lastKeys = named;
                lastEventSentence = si;
            } else if (si - lastEventSentence <= FOLLOW_UP_SENTENCES && !lastKeys.isEmpty()) {
                followUp(text, s.start(), end, in, lastKeys, merger);
            }
        }
        return merger.events();
    }

    /** The lexicon's hits with generic commodity words marked and lexicon states marked weak. */
    private static List<Hit> hits(List<Hit> raw) {
        List<Hit> out = new ArrayList<>(raw.size());
        Set<Long> generic = new java.util.HashSet<>();
        for (Hit h : raw) {
            if (h.is(Lexicon.Kind.GENERIC)) {
                generic.add(((long) h.start() << 32) | h.end());
            }
        }
        for (Hit h : raw) {
            if (h.is(Lexicon.Kind.GENERIC)) {
                continue;
            }
            boolean weak = h.is(Lexicon.Kind.STATE)
                    || h.is(Lexicon.Kind.COMMODITY) && generic.contains(((long) h.start() << 32) | h.end());
            out.add(weak ? new Hit(h.kind(), h.value(), h.start(), h.end(), true) : h);
        }
        return out;
    }

    /**
     * Leftmost-longest among commodity words, places and states ("missile technology" is technology, not
     * missiles; "Vostochny Cosmodrome" one place), and a lexicon state inside a gazetteer mention dropped; a phrase
     * that is no goods ("shell company") hides the commodity words inside it and is dropped.
     */
    private static List<Hit> resolveStates(List<Hit> sorted) {
        List<Hit> out = new ArrayList<>(sorted.size());
        int[] coveredUntil = new int[Lexicon.Kind.values().length];
        int nounUntil = -1;
        for (int i = 0; i < sorted.size(); i++) {
            Hit h = sorted.get(i);
            // a place does not hide the state in its name: "to the Russian Far East" still names Russia
            boolean noun = h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.STATE)
                    || h.is(Lexicon.Kind.NOT_COMMODITY);
            if (noun) {
                if (h.start() < nounUntil || h.is(Lexicon.Kind.STATE) && h.generic() && overlapsMention(sorted, i)) {
                    continue;
                }
                nounUntil = h.end();
                if (h.is(Lexicon.Kind.NOT_COMMODITY)) {
                    // "shell company", "satellite images": it only hides the goods word inside it
                    continue;
                }
            } else if (h.start() < coveredUntil[h.kind().ordinal()]) {
                continue;
            }
            coveredUntil[h.kind().ordinal()] = Math.max(coveredUntil[h.kind().ordinal()], h.end());
            out.add(h);
        }
        return out;
    }

    /** Whether a gazetteer's state starts inside the lexicon state at {@code i}: "the North Korean" is no "the North". */
    private static boolean overlapsMention(List<Hit> sorted, int i) {
        Hit weak = sorted.get(i);
        for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < weak.end(); j++) {
            if (sorted.get(j).is(Lexicon.Kind.STATE) && !sorted.get(j).generic()) {
                return true;
            }
        }
        return false;
    }

    /** Reads one sentence; returns the keys of the events it states (empty when none). */
    private List<EventMerger.Key> sentence(String text, int start, int end, List<Hit> in, Set<String> textStates,
                                           List<Hit> recentStates, EventMerger merger) {
        boolean transfer = false;
        boolean breach = false;
        boolean ban = false;
        boolean negative = false;
        boolean anyCommodity = false;
        boolean specific = false;
        for (Hit h : in) {
            switch (h.kind()) {
                case GIVE, GET, USE -> transfer = true;
                case BREACH -> {
                    transfer = true;
                    breach = true;
                }
                case BAN -> ban |= !bannedGoods(text, h, in);
                case NEGATIVE -> negative = true;
                case COMMODITY -> {
                    anyCommodity = true;
                }
                default -> {
                }
            }
        }
        if (!anyCommodity || !transfer || (negative || ban) && !breach
                || NOT_PROSE.matcher(text).region(Math.max(start, end - 40), end).find()) {
            return List.of();
        }
        List<Hit> states = new ArrayList<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.STATE)) {
                states.add(h);
            }
        }
        Role[] roles = new Role[states.size()];
        String[] originOf = new String[states.size()];
        int[] originAt = new int[states.size()];
        for (int i = 0; i < states.size(); i++) {
            roles[i] = role(text, start, end, states.get(i), in, originOf, originAt, i);
        }
        if (refersBack(text, start, end) && states.stream().allMatch(Hit::generic)
                && java.util.Arrays.stream(roles).allMatch(r -> r == Role.NONE)) {
            // "Those things may include help with satellite launches": the parties of the sentences before
            recentStates.stream().filter(h -> h.start() >= start - REFER_BACK_CHARS).forEach(states::add);
            roles = java.util.Arrays.copyOf(roles, states.size());
            java.util.Arrays.fill(roles, Role.NONE);
            originOf = java.util.Arrays.copyOf(originOf, states.size());
            originAt = java.util.Arrays.copyOf(originAt, states.size());
        }
        // a leader named right after his state shares its part: "подарил лидеру КНДР Ким Чен Ыну автомобиль"
        for (int i = 1; i < states.size(); i++) {
            if (roles[i - 1] == Role.TO && states.get(i).value().equals(states.get(i - 1).value())
                    && text.substring(states.get(i - 1).end(), states.get(i).start()).isBlank()) {
                roles[i] = Role.TO;
            }
        }
        // a list of states shares the part of its first: "through China, Hong Kong, the UAE and Turkey"
        for (int i = states.size() - 1; i > 0; i--) {
            if (roles[i - 1] == Role.NONE && (roles[i] == Role.FROM || roles[i] == Role.TO) && LIST_GAP.matcher(
                    text.substring(states.get(i - 1).end(), states.get(i).start())).matches()) {
                roles[i - 1] = roles[i];
            }
        }
        for (int i = 1; i < states.size(); i++) {
            if (roles[i - 1] != Role.NONE && LIST_GAP.matcher(
                    text.substring(states.get(i - 1).end(), states.get(i).start())).matches()) {
                if (roles[i] == Role.NONE || roles[i] == Role.ORIGIN && roles[i - 1] != Role.ORIGIN) {
                    roles[i] = roles[i - 1];
                    originOf[i] = originOf[i - 1];
                    originAt[i] = originAt[i - 1];
                }
            }
        }
        // which commodities are named specifically
        java.util.Set<String> specificCommodities = new java.util.HashSet<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                specificCommodities.add(h.value());
            }
        }
        specific = !specificCommodities.isEmpty();
        Map<String, Hit> commodities = new LinkedHashMap<>();
        for (Hit h : in) {
            if (!h.is(Lexicon.Kind.COMMODITY)) {
                continue;
            }
            if (h.generic() && !specificCommodities.contains(h.value())
                    && (h.value().equals("weapons") ? specificCommodities.contains("munitions")
                    || specificCommodities.contains("missiles") : specific)) {
                continue;
            }
            if (technologyField(text, end, h, in)) {
                continue;
            }
            commodities.putIfAbsent(h.value(), h);
        }
        List<Quantities.Quantity> quantities = Quantities.find(text, start, end, lexicon);
        Map<String, long[]> amounts = amounts(text, quantities, in, commodities.keySet());
        SentenceFacts facts = SentenceFacts.read(text, start, end, in);
        List<EventMerger.Key> keys = new ArrayList<>();
        for (Hit c : commodities.values()) {
            long[] amount = amounts.get(c.value());
            if (isReference(c, in) && merger.has(c.value())) {
                // "the coal was shipped from Nampo to Kholmsk": more about goods already named
                keys.addAll(merger.addToCommodity(c.value(), amount == null ? null : amount[0],
                        amount == null ? null : unit(text, amount), facts));
                continue;
            }
            String status = possible(text, in, c) ? ViolationEvent.POSSIBLE : ViolationEvent.ASSERTED;
            for (String[] dir : direction(c, states, verbFrame(c, states, roles, in), originOf, originAt, in,
                    textStates)) {
            if (!breach && TRADE_GOODS.contains(c.value()) && (CN.equals(dir[0]) || CN.equals(dir[1]))) {
                continue;
            }
            EventMerger.Key key = new EventMerger.Key(c.value(), dir[0], dir[1]);
            if (merger.add(key, !c.generic(), amount == null ? null : amount[0], amount == null ? null : unit(text, amount),
                    facts, status, text.substring(start, end), start, end)) {
                keys.add(key);
            }
            }
        }
        return keys;
    }

    /** The places of a sentence that names goods join every event of those goods ("oil loaded at Vostochny"). */
    private void commodityPlaces(String text, int start, int end, List<Hit> in, EventMerger merger) {
        boolean place = false;
        boolean state = false;
        boolean moved = false;
        Set<String> named = new java.util.HashSet<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.NEGATIVE) || h.is(Lexicon.Kind.BAN)) {
                return;
            }
            place |= h.is(Lexicon.Kind.PLACE);
            moved |= h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE)
                    || h.is(Lexicon.Kind.BREACH) || h.is(Lexicon.Kind.ANAPHOR);
            state |= h.is(Lexicon.Kind.STATE);
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                named.add(h.value());
            }
        }
        if (!state && !named.isEmpty() && hasDigit(text, start, end)) {
            // "It also lists around 200 long-range artillery systems": the amount of goods named before
            amounts(text, Quantities.find(text, start, end, lexicon), in, named).forEach((c, a) ->
                    merger.amountOf(c, a[0], unit(text, a)));
        }
        // a line that is not prose joins its places only where it moves or uses the goods: not "Russian drones
        // attack Kyiv overnight" in a list of headlines, nor a page's list of tags
        if (!place || !moved && !prose(text, start, end)) {
            return;
        }
        SentenceFacts facts = null;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                facts = facts == null ? SentenceFacts.read(text, start, end, in) : facts;
                merger.placesOf(h.value(), facts.places);
            }
        }
    }

    /** Whether a sentence ends as prose does, with a full stop, a question or exclamation mark (or a quote). */
    private static boolean prose(String text, int start, int end) {
        int e = end;
        while (e > start && (Character.isWhitespace(text.charAt(e - 1)) || "\"”’»)".indexOf(text.charAt(e - 1)) >= 0)) {
            e--;
        }
        return e > start && ".!?。！？…".indexOf(text.charAt(e - 1)) >= 0;
    }

    /** The events of the goods a sentence names, when events of them have been found. */
    private static List<EventMerger.Key> namedAgain(List<Hit> in, EventMerger merger) {
        List<EventMerger.Key> out = new ArrayList<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY)) {
                for (EventMerger.Key k : merger.keysOf(h.value())) {
                    if (!out.contains(k)) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /** A sentence after an event that names no goods but refers back: its route, ship and amount join it. */
    private void followUp(String text, int start, int end, List<Hit> in, List<EventMerger.Key> keys,
                          EventMerger merger) {
        boolean refers = false;
        boolean commodity = false;
        for (Hit h : in) {
            refers |= h.is(Lexicon.Kind.ANAPHOR);
            commodity |= h.is(Lexicon.Kind.COMMODITY) && !h.generic();
        }
        if (!refers || commodity) {
            return;
        }
        SentenceFacts facts = SentenceFacts.read(text, start, end, in);
        for (EventMerger.Key key : keys) {
            merger.addFacts(key, facts);
        }
    }

    private Role role(String text, int start, int end, Hit state, List<Hit> in, String[] originOf, int[] originAt,
                      int index) {
        // "Russian firing", "Russia used": the user of the goods, whatever preposition stands before it
        for (Hit h : in) {
            if (h.start() >= state.end()) {
                if (h.is(Lexicon.Kind.USE) && h.start() - state.end() <= 2) {
                    return Role.USER;
                }
                break;
            }
        }
        int at = state.start();
        String before = wordBefore(text, start, at);
        for (int skip = 0; skip < 2 && SKIPPED.contains(before); skip++) {
            at = wordStartBefore(text, start, at);
            before = wordBefore(text, start, at);
        }
        if (wordAfterIsPossessive(text, state.end(), end) && lexicon.isAgent(wordAfter(text, state.end(), end))) {
            // "secretary of Russia's Security Council": a speaker's body, no party
            return Role.NONE;
        }
        String twoBack = wordBefore(text, start, wordStartBefore(text, start, at));
        if (lexicon.isTo(before) && !madeBy(text, state, in)) {
            // "according to Seoul", "a visit to Pyongyang": no receiver
            return twoBack.equals("according") || NOT_RECEIVING.contains(twoBack) ? Role.NONE : Role.TO;
        }
        if (lexicon.isFrom(before) && (!before.equals("of") || ofGoods(wordStartBefore(text, start, at), in))
                || lexicon.isVia(before, twoBack) || before.equals("in") && MADE.contains(twoBack)) {
            return Role.FROM;
        }
        for (String p : lexicon.fromParticles()) {
            if (text.startsWith(p, state.end())) {
                return Role.FROM;
            }
        }
        for (String p : lexicon.toParticles()) {
            if (text.startsWith(p, state.end())) {
                return Role.TO;
            }
        }
        if (state.end() < end && Character.UnicodeScript.of(text.charAt(state.start())) == Character.UnicodeScript.HANGUL
                && KO_SHIP_TO.matcher(text).region(state.end(), Math.min(end, state.end() + 40)).lookingAt()) {
            return Role.TO;
        }
        for (int w = 1; w <= 2; w++) {
            String cjk = state.start() - w >= start ? text.substring(state.start() - w, state.start()) : "";
            // the gazetteer's "对俄", "对朝" carry their preposition inside the mention ("对朝制裁" is no direction)
            String lead = state.end() - state.start() > w && !text.startsWith("制裁", state.end())
                    ? text.substring(state.start(), state.start() + w) : "";
            for (String p : new String[] {cjk, lead}) {
                if (!p.isEmpty() && Character.UnicodeScript.of(p.charAt(0)) == Character.UnicodeScript.HAN) {
                    if (lexicon.isTo(p)) {
                        // "俄罗斯向朝鲜采购武器": 向 before a get verb names the seller
                        return nextVerbIsGet(state, in) ? Role.FROM : Role.TO;
                    }
                    if (lexicon.isFrom(p)) {
                        return Role.FROM;
                    }
                }
            }
        }
        Hit prev = null;
        Hit nextCommodity = null;
        boolean between = false;
        for (Hit h : in) {
            if (h.end() <= state.start() && !h.is(Lexicon.Kind.STATE)) {
                prev = h;
            }
            if (nextCommodity == null && h.start() >= state.end()) {
                if (h.is(Lexicon.Kind.COMMODITY)) {
                    nextCommodity = h;
                } else if (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)
                        || h.is(Lexicon.Kind.USE)) {
                    between = true;
                }
            }
        }
        // "handed Russia dozens of guns", "supplied North Korea with oil"
        boolean adjective = ADJECTIVE.matcher(text.substring(state.start(), state.end())).find()
                || wordAfterIsPossessive(text, state.end(), end);
        if (prev != null && prev.is(Lexicon.Kind.GIVE)
                && DATIVE_GAP.matcher(text.substring(prev.end(), state.start())).matches()
                && !(adjective && nextCommodity != null && nextCommodity.start() - state.end() <= 4)) {
            return Role.TO;
        }
        // "North Korean coal", "North Korea's arms deliveries"
        if (nextCommodity != null && !between && nextCommodity.start() - state.end() <= 25
                && !hasPunctuation(text, state.end(), nextCommodity.start())) {
            originOf[index] = nextCommodity.value();
            originAt[index] = nextCommodity.start();
            return Role.ORIGIN;
        }
        if (lexicon.isAgent(wordAfter(text, state.end(), end))) {
            return Role.NONE;
        }
        // the subject of a verb: the state before the next give or get word, no other state in between
        for (Hit h : in) {
            if (h.start() < state.end()) {
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) && cjkPreposition(text, start, h)) {
                // "阿联酋对俄罗斯的出口", "朝鲜向俄罗斯提供": the state after 对/向/从 is no subject of its own
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.REPORTING)
                    || state.generic() && h.start() - state.end() > WEAK_SUBJECT_REACH
                    || CLAUSE_BREAK.matcher(text.substring(state.end(), h.start())).find()) {
                break;
            }
            if (h.is(Lexicon.Kind.GIVE)) {
                return Role.SUBJECT_FROM;
            }
            if (h.is(Lexicon.Kind.GET)) {
                return Role.SUBJECT_TO;
            }
            if (h.is(Lexicon.Kind.USE)) {
                return Role.USER;
            }
        }
        return Role.NONE;
    }

    /**
     * Whether arms named as the field of a technology are no goods of their own: "технологии для ядерной программы,
     * спутников или баллистических ракет", "导弹或卫星方面的技术".
     */
    private static boolean technologyField(String text, int end, Hit arms, List<Hit> in) {
        if (!ARMS.contains(arms.value())) {
            return false;
        }
        for (Hit t : in) {
            if (!t.is(Lexicon.Kind.COMMODITY) || !t.value().equals("military-technology")) {
                continue;
            }
            if (t.end() <= arms.start() && arms.start() - t.end() <= 80
                    && TECHNOLOGY_FOR.matcher(text).region(t.start(), Math.min(end, t.end() + 6)).lookingAt()
                    && !CLAUSE_BREAK.matcher(text.substring(t.end(), arms.start())).find()) {
                return true;
            }
            if (t.start() >= arms.end() && t.start() - arms.end() <= 8
                    && (text.startsWith("方面", t.start()) || text.startsWith("相关", t.start()))
                    && text.substring(arms.end(), t.start()).chars().allMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first give or get word after {@code state} is a get word. */
    private static boolean nextVerbIsGet(Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                return h.is(Lexicon.Kind.GET);
            }
        }
        return false;
    }

    /** Whether a Chinese preposition of direction (向, 对, 从, ...) stands right before {@code state}. */
    private boolean cjkPreposition(String text, int start, Hit state) {
        for (int w = 1; w <= 2; w++) {
            String cjk = state.start() - w >= start ? text.substring(state.start() - w, state.start()) : "";
            String lead = state.end() - state.start() > w ? text.substring(state.start(), state.start() + w) : "";
            for (String p : new String[] {cjk, lead}) {
                if (!p.isEmpty() && Character.UnicodeScript.of(p.charAt(0)) == Character.UnicodeScript.HAN
                        && (lexicon.isTo(p) || lexicon.isFrom(p))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The (from, to) pairs for one commodity of the sentence: one per supplier when several are listed ("through
     * China, the Emirates and Turkey"); empty when the sentence gives no pair a sanctions regime covers (one side
     * must be North Korea, or the receiver Russia).
     */
    private static List<String[]> direction(Hit commodity, List<Hit> states, Role[] roles, String[] originOf,
                                            int[] originAt, List<Hit> in, Set<String> textStates) {
        String c = commodity.value();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            // "North Korean shells and missiles": the maker of the list's first goods makes the rest
            if (roles[i] == Role.ORIGIN && (c.equals(originOf[i]) || sameList(in, originAt[i], commodity.start()))) {
                addOnce(froms, states.get(i).value());
            }
        }
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] == Role.FROM) {
                addOnce(froms, states.get(i).value());
            }
        }
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] == Role.TO && UA.equals(states.get(i).value())) {
                // goods for Ukraine: no sanctions regime covers them
                return List.of();
            }
            if (roles[i] == Role.TO && !froms.contains(states.get(i).value())) {
                addOnce(tos, states.get(i).value());
            }
        }
        // a verb's subject counts after the prepositions: "handing over drones to the North Korean delegation"
        for (int i = 0; i < states.size(); i++) {
            String code = states.get(i).value();
            if (roles[i] == Role.SUBJECT_FROM && !tos.contains(code)) {
                addOnce(froms, code);
            }
        }
        for (int i = 0; i < states.size(); i++) {
            String code = states.get(i).value();
            if (roles[i] == Role.SUBJECT_TO && !froms.contains(code)) {
                addOnce(tos, code);
            }
        }
        froms.remove(UA);
        for (int i = 0; i < states.size() && !froms.isEmpty(); i++) {
            if (roles[i] == Role.USER && !froms.contains(states.get(i).value())) {
                addOnce(tos, states.get(i).value());
            }
        }
        boolean used = false;
        for (Role r : roles) {
            used |= r == Role.USER;
        }
        if (used && froms.isEmpty() && tos.isEmpty()) {
            // "North Korea fired two missiles": its own goods, no transfer
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Hit s = states.get(i);
            if (!s.generic() || roles[i] != Role.NONE) {
                addOnce(codes, s.value());
            }
        }
        if (c.equals("funds")) {
            // money flows to Pyongyang: "North Korea's earnings", "stolen by North Korean hackers"
            if (!codes.contains(KP)) {
                return List.of();
            }
            String from = froms.stream().filter(f -> !f.equals(KP)).findFirst().orElse(null);
            return List.<String[]>of(new String[] {from, KP});
        }
        if (froms.isEmpty() && tos.isEmpty()) {
            if (FROM_KP.contains(c) && codes.contains(KP)) {
                froms.add(KP);
            } else if (codes.contains(KP) && !FROM_KP.contains(c)) {
                tos.add(KP);
            } else if (c.equals("military-technology") && codes.contains(RU)) {
                tos.add(RU);
            }
        }
        String to = tos.isEmpty() ? null : tos.get(0);
        if (froms.isEmpty() && to != null) {
            String from = fillFrom(c, to, codes, textStates);
            if (from != null) {
                froms.add(from);
            }
        }
        if (to == null && !froms.isEmpty()) {
            to = fillTo(c, froms.get(0), codes, textStates);
        }
        List<String[]> out = new ArrayList<>();
        if (froms.isEmpty()) {
            froms.add(null);
        }
        for (String from : froms) {
            if (out.size() < 6 && valid(c, from, to)) {
                out.add(new String[] {from, to});
            }
        }
        return out;
    }

    /**
     * The roles for one commodity: a subject's part comes from the give or get word nearest before the goods
     * ("North Korea violated a cap on imports of fuel and kept exporting coal" exports the coal).
     */
    private static Role[] verbFrame(Hit commodity, List<Hit> states, Role[] roles, List<Hit> in) {
        Role[] out = roles;
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] != Role.SUBJECT_FROM && roles[i] != Role.SUBJECT_TO) {
                continue;
            }
            Hit verb = null;
            for (Hit h : in) {
                if (h.start() >= commodity.start()) {
                    break;
                }
                if (h.start() >= states.get(i).end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                    verb = h;
                }
            }
            Role own = verb == null ? roles[i] : verb.is(Lexicon.Kind.GIVE) ? Role.SUBJECT_FROM : Role.SUBJECT_TO;
            if (own != roles[i]) {
                out = out == roles ? roles.clone() : out;
                out[i] = own;
            }
        }
        return out;
    }

    /** The gazetteer's states named lately, latest last: at most eight, none a long sentence before the latest. */
    private static List<Hit> recentStates(List<Hit> recent, List<Hit> in) {
        List<Hit> named = new ArrayList<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.STATE) && !h.generic()) {
                named.add(h);
            }
        }
        if (named.isEmpty()) {
            return recent;
        }
        List<Hit> out = new ArrayList<>();
        for (Hit h : recent) {
            if (h.start() >= (named.get(0).start() - MAX_SENTENCE_CHARS)) {
                out.add(h);
            }
        }
        out.addAll(named);
        return out.size() > 8 ? out.subList(out.size() - 8, out.size()) : out;
    }

    /** Whether the sentence opens with a word that refers back ("Those things", "Such help"). */
    private static boolean refersBack(String text, int start, int end) {
        int e = start;
        while (e < end && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return REFERRING.contains(text.substring(start, e).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether the "of" at {@code of} follows goods or a transfer ("deliveries of", "shells of"): "the defence of
     * Pyongyang" names no supplier.
     */
    private static boolean ofGoods(int of, List<Hit> in) {
        for (Hit h : in) {
            if (h.end() <= of && of - h.end() <= 2 && (h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.GIVE)
                    || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.UNIT) || h.is(Lexicon.Kind.ANAPHOR))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a ban word stands as the goods' adjective ("banned North Korean goods reached the South"). */
    private static boolean bannedGoods(String text, Hit ban, List<Hit> in) {
        if (!text.regionMatches(true, ban.start(), "banned", 0, ban.end() - ban.start())) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= ban.end() && !h.is(Lexicon.Kind.STATE)) {
                return h.is(Lexicon.Kind.COMMODITY) && h.start() - ban.end() <= 16;
            }
        }
        return false;
    }

    /** Whether the state is written as the maker of the goods right after it: "to a North Korean missile". */
    private static boolean madeBy(String text, Hit state, List<Hit> in) {
        if (!ADJECTIVE.matcher(text.substring(state.start(), state.end())).find()) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= state.end()) {
                return h.is(Lexicon.Kind.COMMODITY) && h.start() - state.end() <= 2;
            }
        }
        return false;
    }

    /** Whether goods named at {@code one} and at {@code other} stand in one list: no verb or state between them. */
    private static boolean sameList(List<Hit> in, int one, int other) {
        int first = Math.min(one, other);
        int later = Math.max(one, other);
        for (Hit h : in) {
            if (h.start() > first && h.start() < later && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)
                    || h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.REPORTING) || h.is(Lexicon.Kind.STATE))) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(String c, String from, String to) {
        if (from == null && to == null || from != null && from.equals(to)) {
            return false;
        }
        if (!(KP.equals(from) || KP.equals(to) || RU.equals(to))) {
            return false;
        }
        if (c.equals("troops") && RU.equals(from)) {
            // "Russian troops fired them": Russia's own army at war, no soldiers sent to serve another state
            return false;
        }
        if (RU.equals(to) && !KP.equals(from) && !TO_RU_BANNED.contains(c)) {
            // third countries' trade with Russia is lawful but for arms and the technology of war
            return false;
        }
        if (from == null && !(KP.equals(to) && TO_KP_ALONE.contains(c))) {
            return false;
        }
        return to != null || KP.equals(from) && FROM_KP_ALONE.contains(c);
    }

    /** The supplier a sentence leaves unsaid: its other state, or the text's partner of the receiver. */
    private static String fillFrom(String c, String to, List<String> codes, Set<String> textStates) {
        // North Korea from elsewhere in the text only when the sentence names no other party
        if (FROM_KP.contains(c) && !to.equals(KP) && (codes.contains(KP)
                || textStates.contains(KP) && other(codes, to, KP) == null)) {
            return KP;
        }
        String o = other(codes, to, to.equals(KP) ? RU : CN);
        if (o != null) {
            return o;
        }
        if (to.equals(KP) && (c.equals("weapons") || c.equals("missiles") || c.equals("military-technology"))
                && textStates.contains(RU)) {
            return RU;
        }
        return null;
    }

    /** The receiver a sentence leaves unsaid: its other state, or the text's partner of the supplier. */
    private static String fillTo(String c, String from, List<String> codes, Set<String> textStates) {
        String o = other(codes, from, from.equals(KP) ? RU : KP);
        if (o != null) {
            return o;
        }
        if (from.equals(KP) && (TO_RU_DEFAULT.contains(c) || c.equals("weapons")) && textStates.contains(RU)) {
            return RU;
        }
        if (from.equals(RU) && !FROM_KP_ALONE.contains(c) && textStates.contains(KP)) {
            return KP;
        }
        if (!from.equals(KP) && !from.equals(RU) && c.equals("military-technology") && textStates.contains(RU)) {
            return RU;
        }
        return null;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Another state of the sentence than {@code not}: {@code preferred} when named, else the first other. */
    private static String other(List<String> codes, String not, String preferred) {
        if (codes.contains(preferred) && !preferred.equals(not)) {
            return preferred;
        }
        for (String code : codes) {
            if (!code.equals(not)) {
                return code;
            }
        }
        return null;
    }

    /**
     * Whether the sentence warns of, plans or supposes the transfer of {@code commodity} rather than reporting it:
     * a status cue before the goods (anywhere in a Korean sentence, where the cue follows the verb at the end).
     */
    private static boolean possible(String text, List<Hit> in, Hit commodity) {
        char first = text.charAt(commodity.start());
        boolean headFinal = Character.UnicodeScript.of(first) == Character.UnicodeScript.HANGUL;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.POSSIBLE) && (headFinal
                    || h.end() <= commodity.start() && commodity.start() - h.end() <= STATUS_REACH)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the goods word is part of a phrase that refers back ("the coal", "the shells"). */
    private static boolean isReference(Hit commodity, List<Hit> in) {
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.ANAPHOR) && h.start() <= commodity.start() && h.end() >= commodity.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each commodity, the largest amount of the sentence that counts it: a number whose noun is the commodity
     * word itself or a unit, standing before that commodity (or, failing one after, the nearest before it).
     * Values: {amount, unitStart, unitEnd}.
     */
    private static Map<String, long[]> amounts(String text, List<Quantities.Quantity> quantities, List<Hit> in,
                                               Set<String> commodities) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Quantities.Quantity q : quantities) {
            if (isYearOrShare(text, q) || isResolution(q, in) || isCap(text, q)) {
                continue;
            }
            Hit noun = null;
            for (Hit h : in) {
                if (h.start() < q.end()) {
                    continue;
                }
                if (h.start() - q.end() > 40 || h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)
                        || h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.REPORTING) || hasDigit(text, q.end(), h.start())) {
                    break;
                }
                if (h.is(Lexicon.Kind.UNIT) || h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.NOT_UNIT)) {
                    noun = h;
                    break;
                }
            }
            if (noun == null && !q.dollar() || noun != null && noun.is(Lexicon.Kind.NOT_UNIT)
                    || noun != null && countsOtherGoods(noun, in, commodities)) {
                continue;
            }
            String commodity = null;
            for (Hit h : in) {
                if (noun != null && h.is(Lexicon.Kind.COMMODITY) && covers(h, noun)
                        && commodities.contains(h.value())) {
                    commodity = h.value();
                }
            }
            if (commodity == null) {
                int anchor = noun == null ? q.end() : noun.end();
                for (Hit h : in) {
                    if (h.is(Lexicon.Kind.COMMODITY) && commodities.contains(h.value()) && h.start() >= anchor) {
                        commodity = h.value();
                        break;
                    }
                }
                if (commodity == null) {
                    for (Hit h : in) {
                        if (h.is(Lexicon.Kind.COMMODITY) && commodities.contains(h.value()) && h.end() <= q.start()) {
                            commodity = h.value();
                        }
                    }
                }
            }
            boolean dollars = noun == null || DOLLAR_UNIT.matcher(text.substring(noun.start(), noun.end())).find();
            if (commodity == null || dollars && !MONEY_COUNTED.contains(commodity)) {
                continue;
            }
            long[] prior = out.get(commodity);
            if (prior == null || prior[0] < q.value()) {
                out.put(commodity, noun == null ? new long[] {q.value(), -1, -1}
                        : new long[] {q.value(), noun.start(), noun.end()});
            }
        }
        return out;
    }

    /** Whether a goods phrase takes in the counted noun: "тисяч військових" holds the unit "військових". */
    private static boolean covers(Hit goods, Hit noun) {
        return goods.start() <= noun.start() && goods.end() >= noun.end();
    }

    /**
     * Whether the counted noun names goods of which the sentence states no event ("11 тисяч військових" beside
     * shells, when the soldiers are no event of it): the number counts those, not the goods of the event.
     */
    private static boolean countsOtherGoods(Hit noun, List<Hit> in, Set<String> commodities) {
        boolean other = false;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY) && covers(h, noun)) {
                if (commodities.contains(h.value())) {
                    return false;
                }
                other = true;
            }
        }
        return other;
    }

    /**
     * A year ("in 2023", "2017년", "2023 года"), a share ("40%") or a serial number ("결의 2397호", "第2371号决议",
     * "№ 2397") is never an amount of goods.
     */
    private static boolean isYearOrShare(String text, Quantities.Quantity q) {
        String after = text.substring(q.end(), Math.min(text.length(), q.end() + 9)).toLowerCase(java.util.Locale.ROOT);
        if (after.startsWith("%") || after.startsWith(" %") || after.startsWith(" percent")
                || after.startsWith(" per cent") || after.startsWith("％")) {
            return true;
        }
        if (after.startsWith("호") || after.startsWith("号") || after.startsWith("號")) {
            return true;
        }
        int b = q.start() - 1;
        while (b >= 0 && text.charAt(b) == ' ') {
            b--;
        }
        if (b >= 0 && (text.charAt(b) == '第' || text.charAt(b) == '№')) {
            return true;
        }
        return q.value() >= 1950 && q.value() <= 2035 && q.end() - q.start() == 4 && !q.dollar();
    }

    /** A resolution's number ("Resolution 2397", "결의 2397호", "第2371号决议") counts nothing. */
    private static boolean isResolution(Quantities.Quantity q, List<Hit> in) {
        if (q.end() - q.start() != 4 || q.value() < 1695 || q.value() >= 3000) {
            return false;
        }
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.RESOLUTION) && h.end() <= q.start() && q.start() - h.end() <= 3
                    || h.is(Lexicon.Kind.RESOLUTION) && h.start() >= q.end() && h.start() - q.end() <= 3) {
                return true;
            }
        }
        return false;
    }

    /** A number the text gives as the cap or limit ("the cap of 500,000 barrels") is the rule, not the goods moved. */
    private static boolean isCap(String text, Quantities.Quantity q) {
        return CAP_BEFORE.matcher(text).region(Math.max(0, q.start() - 24), q.start()).find();
    }

    private static boolean hasPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String unit(String text, long[] amount) {
        if (amount[1] < 0) {
            return "dollar";
        }
        String word = text.substring((int) amount[1], (int) amount[2]).toLowerCase(java.util.Locale.ROOT);
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.chars().allMatch(ch -> ch < 128)) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean wordAfterIsPossessive(String text, int at, int end) {
        return at + 1 < end && (text.charAt(at) == '\'' || text.charAt(at) == '’') && text.charAt(at + 1) == 's';
    }

    /** The word after {@code at} (past a possessive), lower case; empty when none. */
    private static String wordAfter(String text, int at, int end) {
        int s = at;
        if (s + 1 < end && (text.charAt(s) == '\'' || text.charAt(s) == '’') && text.charAt(s + 1) == 's') {
            s += 2;
        }
        while (s < end && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < end && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    }

    /** Where the word before {@code at} starts ({@code at} itself when there is none). */
    private static int wordStartBefore(String text, int from, int at) {
        int e = at;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int s = e;
        while (s > from && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s == e ? at : s;
    }

    /** The word (letters only, lower case) before {@code at}, within the sentence; empty when none. */
    private static String wordBefore(String text, int from, int at) {
        int e = at;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int s = e;
        while (s > from && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    }
}
