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

    /** A headline line as scraped pages show it: a view counter and a date at its end. */
    private static final java.util.regex.Pattern NOT_PROSE = java.util.regex.Pattern.compile(
            "\\d[\\d,.]*\\s+(?:\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}\\.\\d{1,2}\\.\\d{1,2})\\s*$");
    /** How far before the goods a status cue still governs them, in characters. */
    private static final int STATUS_REACH = 150;
    /** How far after Chinese goods a status cue still governs them, in characters. */
    private static final int HAN_CUE_REACH = 8;
    /** Goods China trades lawfully too: a China pair needs a breach word in the sentence. */
    private static final Set<String> TRADE_GOODS = Set.of("petroleum", "coal", "minerals", "other-goods",
            "luxury-goods");
    static final Set<String> ARMS = Set.of("missiles", "weapons", "munitions");
    /** What stands between two states of one list. */
    private static final java.util.regex.Pattern LIST_GAP = java.util.regex.Pattern.compile(
            "(?iu)(?:'s|’s)?\\s*(?:,|,?\\s*(?:and|or|и|или|і|та|або|와|과|및|和|与|及|、))\\s*"
            // the preposition said again is still one list: "in China and in Russia", "из Китая и из России"
            + "(?:(?:in|to|into|from|via|through|в|во|у|из|с|з|до|через)\\s+)?(?:the\\s+|mainland\\s+)?");
    /** A Chinese or Korean "and" between two states. */
    private static final java.util.regex.Pattern CJK_AND = java.util.regex.Pattern.compile("\\s*(?:와|과|및|和|与|及|、)\\s*");
    /**
     * By start, the longer of two first, a phrase that is no goods before a word over the same span: one comparator,
     * as the hundreds of hits of a text are sorted with it.
     */
    private static final Comparator<Hit> HIT_ORDER = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start())
            : a.end() != b.end() ? Integer.compare(b.end(), a.end())
            : a.is(Lexicon.Kind.NOT_COMMODITY) != b.is(Lexicon.Kind.NOT_COMMODITY)
            ? Integer.compare(a.is(Lexicon.Kind.NOT_COMMODITY) ? 0 : 1, b.is(Lexicon.Kind.NOT_COMMODITY) ? 0 : 1)
            // a word of two kinds ("换取" gives and names a price; "shipped") has its verb last, whatever order the
            // scan found them in: the verb is the hit read as the one before the next word
            : Integer.compare(verb(a) ? 1 : 0, verb(b) ? 1 : 0);

    private static boolean verb(Hit h) {
        return h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE);
    }
    /** How far back a sentence that refers back finds its parties, in characters. */
    private static final int REFER_BACK_CHARS = 1000;

    private final Lexicon lexicon;
    private final Roles roleReader;
    private final Carryover carryover;

    public EventReader(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.roleReader = new Roles(lexicon);
        this.carryover = new Carryover(lexicon);
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
        // of two words over the same span, the phrase that is no goods comes first and hides the goods word
        // ("танкер" is no "танк*")
        all.sort(HIT_ORDER);
        all = resolveStates(all);
        Set<String> textStates = new java.util.HashSet<>();
        mentions.forEach(m -> textStates.add(m.entity()));
        EventMerger merger = new EventMerger(maxEvents, lexicon);
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
            if (h == all.size() || all.get(h).start() >= s.end()) {
                // no word of the lexicon in this sentence (most of a page): nothing to read, no list to allocate
                continue;
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
            recentStates = Carryover.recentStates(recentStates, in);
            carryover.commodityPlaces(text, s.start(), end, in, merger, !keys.isEmpty());
            List<EventMerger.Key> named = keys.isEmpty() ? Carryover.namedAgain(in, merger) : keys;
            if (!named.isEmpty()) {
                // "In return he is getting oil. The ships then sailed to Chongjin": the goods named last are
                // what a reference back means, even in a sentence that states no event of its own
                if (keys.isEmpty()) {
                    carryover.followUp(text, s.start(), end, in, named, merger);
                }
                lastKeys = named;
                lastEventSentence = si;
            } else if (si - lastEventSentence <= FOLLOW_UP_SENTENCES && !lastKeys.isEmpty()) {
                lastKeys = carryover.destination(text, s.start(), end, in, lastKeys, merger);
                carryover.followUp(text, s.start(), end, in, lastKeys, merger);
            }
        }
        return merger.events();
    }

    /** The lexicon's hits with generic commodity words marked and lexicon states marked weak. */
    private static List<Hit> hits(List<Hit> raw) {
        List<Hit> out = new ArrayList<>(raw.size());
        Set<Long> generic = null;
        for (Hit h : raw) {
            if (h.is(Lexicon.Kind.GENERIC)) {
                if (generic == null) {
                    generic = new java.util.HashSet<>();
                }
                generic.add(((long) h.start() << 32) | h.end());
            }
        }
        for (Hit h : raw) {
            if (h.is(Lexicon.Kind.GENERIC)) {
                continue;
            }
            boolean weak = h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.COMMODITY) && generic != null
                    && generic.contains(((long) h.start() << 32) | h.end());
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
        boolean stay = false;
        boolean people = false;
        for (Hit h : in) {
            switch (h.kind()) {
                case GIVE, GET, USE -> transfer = true;
                case STAY -> stay = true;
                case BREACH -> {
                    if (Clauses.madeIllegal(text, start, h)) {
                        // "Resolution 2371 made the sale of North Korean coal illegal": the ban, not a breach
                        ban = true;
                    } else {
                        transfer = true;
                        breach = true;
                    }
                }
                case BAN -> ban |= !Goods.bannedGoods(text, h, in);
                case NEGATIVE -> negative |= !Clauses.detached(text, h, in)
                        && !Clauses.deniedAllegation(lexicon, text, start, h, in);
                case COMMODITY -> {
                    anyCommodity = true;
                    people |= Direction.PEOPLE.contains(h.value());
                }
                default -> {
                }
            }
        }
        // "North Korean IT workers operate from China": people staying or working where they were sent
        transfer |= stay && people;
        if (!anyCommodity && transfer) {
            // "the scheme generated $88 million for the regime": a sum in dollars earned is money moved
            Hit dollars = Exchange.dollars(text, start, end, in);
            if (dollars != null) {
                in = new ArrayList<>(in);
                int at = 0;
                while (at < in.size() && in.get(at).start() < dollars.start()) {
                    at++;
                }
                in.add(at, dollars);
                anyCommodity = true;
            }
        }
        if (!anyCommodity || !transfer || (negative || ban) && !breach
                || NOT_PROSE.matcher(text).region(Math.max(start, end - 40), end).find()
                || Clauses.headlineList(text, start, end) || Clauses.menuLine(text, start, end) || Cues.negatedTransfer(in)) {
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
            roles[i] = roleReader.role(text, start, end, states.get(i), in, originOf, originAt, i);
        }
        if ((Words.refersBack(text, start, end) || states.isEmpty() && Goods.armsMoved(text, start, end, in))
                && states.stream().allMatch(Hit::generic)
                && java.util.Arrays.stream(roles).allMatch(r -> r == Role.NONE || r == Role.SPEAKER)) {
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
            // and, in Chinese and Korean, the part of a subject: "阿联酋和土耳其对俄罗斯的出口" (English "between Moscow
            // and Pyongyang" is no list of suppliers)
            if (roles[i - 1] == Role.NONE && (roles[i] == Role.FROM || roles[i] == Role.TO || roles[i] == Role.SPEAKER
                    || (roles[i] == Role.SUBJECT_FROM || roles[i] == Role.SUBJECT_TO)
                    && (CJK_AND.matcher(text.substring(states.get(i - 1).end(), states.get(i).start())).matches()
                    || Partners.adjectives(text, states.get(i - 1), states.get(i)))) && LIST_GAP.matcher(
                    text.substring(states.get(i - 1).end(), states.get(i).start())).matches()) {
                roles[i - 1] = roles[i];
            }
        }
        for (int i = 1; i < states.size(); i++) {
            if (roles[i - 1] != Role.NONE && roles[i - 1] != Role.SPEAKER && LIST_GAP.matcher(
                    text.substring(states.get(i - 1).end(), states.get(i).start())).matches()) {
                if (roles[i] == Role.NONE || roles[i] == Role.ORIGIN && roles[i - 1] != Role.ORIGIN) {
                    roles[i] = roles[i - 1];
                    originOf[i] = originOf[i - 1];
                    originAt[i] = originAt[i - 1];
                }
            }
        }
        // which commodities are named specifically (a price is a list of its own: "in exchange for the shells,
        // Russia supplied oil" names the oil with no more specific goods beside it)
        int priceAt = Exchange.priceStart(text, end, in);
        java.util.Set<String> specificCommodities = new java.util.HashSet<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic() && !Exchange.isPrice(text, priceAt, h, in)
                    && !Cues.fieldOf(text, end, h, in)) {
                specificCommodities.add(h.value());
            }
        }
        specific = !specificCommodities.isEmpty();
        Map<String, Hit> commodities = new LinkedHashMap<>();
        for (Hit goods : in) {
            if (!goods.is(Lexicon.Kind.COMMODITY)) {
                continue;
            }
            Hit h = ARMS.contains(goods.value()) ? Cues.helpWith(text, start, goods) : goods;
            if (Exchange.isPrice(text, priceAt, h, in)) {
                // "paying for shells with food, oil and cash" pays the oil and the cash; food is lawful
                if (h.generic() && h.value().equals("other-goods")) {
                    continue;
                }
            } else if (h.generic() && !specificCommodities.contains(h.value())
                    && (h.value().equals("weapons") ? specificCommodities.contains("munitions")
                    || specificCommodities.contains("missiles") : specific) && !Goods.ownClause(h, in)) {
                continue;
            }
            if (Goods.technologyField(text, end, h, in) || Exchange.ownGoods(text, h, in) || Goods.negated(text, start, h)
                    || Cues.fieldOf(text, end, h, in)
                    || ARMS.contains(h.value()) && (Cues.adjectiveOfTechnology(text, end, h, in)
                    || Cues.armsAsPlace(text, start, h))
                    || h.value().equals("funds") && Cues.worthOfGoods(text, start, h)) {
                continue;
            }
            commodities.putIfAbsent(h.value(), h);
        }
        List<Quantities.Quantity> quantities = Quantities.find(text, start, end, lexicon);
        Map<String, long[]> amounts = Amounts.amounts(text, quantities, in, commodities.keySet());
        SentenceFacts facts = SentenceFacts.read(text, start, end, in);
        List<EventMerger.Key> keys = new ArrayList<>();
        // the goods bought first, so that the price goes the other way; money last: what it is the proceeds of
        // is known by then
        List<Hit> ordered = new ArrayList<>(commodities.values());
        List<Hit> read = in;
        ordered.sort(Comparator.comparing((Hit c) -> Exchange.isPrice(text, priceAt, c, read))
                .thenComparing(c -> c.value().equals("funds")));
        boolean earningsOnly = Exchange.onlyEarnings(in);
        String[] bought = null;
        for (Hit c : ordered) {
            boolean price = Exchange.isPrice(text, priceAt, c, in);
            if (c.value().equals("funds") && earningsOnly && !price) {
                continue;
            }
            long[] amount = amounts.get(c.value());
            boolean banObject = Cues.banObject(text, c, in);
            if ((isReference(c, in) || banObject) && merger.has(c.value())) {
                // "the coal was shipped from Nampo to Kholmsk": more about goods already named
                keys.addAll(merger.addToCommodity(c.value(), amount == null ? null : amount[0],
                        amount == null ? null : Amounts.unit(text, amount), facts, possible(text, start, in, c) ? null
                                : new EventMerger.Statement(text.substring(start, end), start, end)));
                continue;
            }
            if (banObject && Lexicon.Script.of(text.charAt(c.start())) != Lexicon.Script.LATIN) {
                // goods named only as what the breached ban covers, and no event of them before
                continue;
            }
            String status = possible(text, start, in, c) ? ViolationEvent.POSSIBLE : ViolationEvent.ASSERTED;
            List<String[]> dirs = price && bought != null && Direction.valid(c.value(), bought[1], bought[0])
                    ? List.<String[]>of(new String[] {bought[1], bought[0]})
                    : Direction.direction(text, c, Clauses.scope(text, start, end, c, in, new Clauses.Scope(states, roles,
                    originOf, originAt)), in, textStates, Direction.placeStates(lexicon, text, in));
            if (!price && bought == null && !dirs.isEmpty()) {
                bought = dirs.get(0);
            } else if (price && bought == null) {
                // "may offer help in return for munitions": the price goes against the deed the sentence names
                List<String[]> back = new ArrayList<>(dirs.size());
                for (String[] d : dirs) {
                    if (Direction.valid(c.value(), d[1], d[0])) {
                        back.add(new String[] {d[1], d[0]});
                    }
                }
                dirs = back;
            }
            for (String[] dir : dirs) {
            if (!breach && TRADE_GOODS.contains(c.value()) && (Direction.CN.equals(dir[0]) || Direction.CN.equals(dir[1]))
                    && !Cues.bannedExport(text, c, dir, states) && !Clauses.exportAfterBans(text, start, end, c, dir, states)
                    || c.value().equals("funds") && dir[0] == null && Cues.proceeds(text, keys, in)
                    || !breach && (Direction.BANNED_EXPORTS.contains(c.value()) || c.value().equals("workers"))
                    && Direction.KP.equals(dir[0])
                    && Clauses.beforeBans(text, start, end)
                    || Direction.KP.equals(dir[1]) && Cues.food(text, c)) {
                continue;
            }
            EventMerger.Key key = new EventMerger.Key(c.value(), dir[0], dir[1]);
            if (merger.add(key, !c.generic(), amount == null ? null : amount[0], amount == null ? null : Amounts.unit(text, amount),
                    commodities.size() > 1 ? facts.ofClause(text, start, end, c, in) : facts, status,
                    text.substring(start, end), start, end)) {
                keys.add(key);
            }
            }
        }
        if (breach && !keys.isEmpty()) {
            merger.breachStated();
        }
        return keys;
    }

    /**
     * Whether the sentence warns of, plans or supposes the transfer of {@code commodity} rather than reporting it:
     * a status cue before the goods (anywhere in a Korean sentence, where the cue follows the verb at the end).
     */
    private static boolean possible(String text, int start, List<Hit> in, Hit commodity) {
        char first = text.charAt(commodity.start());
        boolean headFinal = Character.UnicodeScript.of(first) == Character.UnicodeScript.HANGUL;
        // "部分鱿鱼很可能来自朝鲜": in Chinese the goods may be the subject, the cue standing after them before the verb
        boolean han = Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.POSSIBLE) && (headFinal ? Cues.koreanCueGoverns(text, in, commodity, h)
                    : h.end() <= commodity.start() && commodity.start() - h.end() <= STATUS_REACH
                    && !Clauses.cueCutOff(text, h, commodity) && !Clauses.month(text, start, h)
                    || han && h.start() >= commodity.end() && h.start() - commodity.end() <= HAN_CUE_REACH
                    && text.substring(commodity.end(), h.start()).chars().noneMatch(ch -> "，。；：,;".indexOf(ch) >= 0)
                    && !REACTION.matcher(text).region(Math.max(start, h.start() - 2), h.start()).lookingAt())) {
                return true;
            }
        }
        return false;
    }

    /** Words before a Chinese cue of worry that make it a reaction to the goods, no hedge: 引发担忧, 表示担心. */
    private static final java.util.regex.Pattern REACTION = java.util.regex.Pattern.compile("引发|引起|令人|表示|表达|感到");

    /** Whether the goods word is part of a phrase that refers back ("the coal", "the shells"). */
    private static boolean isReference(Hit commodity, List<Hit> in) {
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.ANAPHOR) && h.start() <= commodity.start() && h.end() >= commodity.end()) {
                return true;
            }
        }
        return false;
    }
}
