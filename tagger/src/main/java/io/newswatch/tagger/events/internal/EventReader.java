package io.newswatch.tagger.events.internal;

import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Segmentation;
import io.newswatch.tagger.internal.ScanHits;
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
    private static final String KP = "KP";
    private static final String RU = "RU";
    private static final String CN = "CN";
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

    private enum Role { NONE, FROM, TO, ORIGIN }

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
        ScanHits scan = new ScanHits();
        lexicon.scan(text, scan);
        List<Hit> all = hits(scan);
        for (Mention m : mentions) {
            all.add(new Hit(Lexicon.Kind.STATE, m.entity(), m.start(), m.end(), false));
        }
        all.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        all = resolveStates(all);
        boolean textHasRu = mentions.stream().anyMatch(m -> m.entity().equals(RU));
        EventMerger merger = new EventMerger(maxEvents);
        List<Segmentation.Sentence> sentences = segmentation.sentences();
        int h = 0;
        int lastEventSentence = -100;
        List<EventMerger.Key> lastKeys = List.of();
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
            List<EventMerger.Key> keys = sentence(text, s.start(), end, in, textHasRu, merger);
            if (!keys.isEmpty()) {
                lastKeys = keys;
                lastEventSentence = si;
            } else if (si - lastEventSentence <= 3 && !lastKeys.isEmpty()) {
                followUp(text, s.start(), end, in, lastKeys, merger);
            }
        }
        return merger.events();
    }

    private List<Hit> hits(ScanHits scan) {
        List<Hit> out = new ArrayList<>(scan.size());
        List<int[]> generic = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            if (lexicon.kind(scan.pattern(i)) == Lexicon.Kind.GENERIC) {
                generic.add(new int[] {scan.start(i), scan.end(i)});
            }
        }
        for (int i = 0; i < scan.size(); i++) {
            int p = scan.pattern(i);
            Lexicon.Kind kind = lexicon.kind(p);
            if (kind == Lexicon.Kind.GENERIC) {
                continue;
            }
            boolean isGeneric = false;
            if (kind == Lexicon.Kind.COMMODITY) {
                for (int[] g : generic) {
                    isGeneric |= g[0] == scan.start(i) && g[1] == scan.end(i);
                }
            }
            out.add(new Hit(kind, lexicon.value(p), scan.start(i), scan.end(i), isGeneric));
        }
        return out;
    }

    /**
     * Leftmost-longest among commodity words, places and states ("missile technology" is technology, not
     * missiles; "Vostochny Cosmodrome" one place), and a lexicon state inside a gazetteer mention dropped.
     */
    private static List<Hit> resolveStates(List<Hit> sorted) {
        List<Hit> out = new ArrayList<>(sorted.size());
        int[] coveredUntil = new int[Lexicon.Kind.values().length];
        int nounUntil = -1;
        for (Hit h : sorted) {
            boolean noun = h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.PLACE);
            if (noun) {
                if (h.start() < nounUntil) {
                    continue;
                }
                nounUntil = h.end();
            } else if (h.start() < coveredUntil[h.kind().ordinal()]) {
                continue;
            }
            coveredUntil[h.kind().ordinal()] = Math.max(coveredUntil[h.kind().ordinal()], h.end());
            out.add(h);
        }
        return out;
    }

    /** Reads one sentence; returns the keys of the events it states (empty when none). */
    private List<EventMerger.Key> sentence(String text, int start, int end, List<Hit> in, boolean textHasRu,
                                           EventMerger merger) {
        boolean transfer = false;
        boolean negative = false;
        boolean anyCommodity = false;
        boolean specific = false;
        for (Hit h : in) {
            switch (h.kind()) {
                case GIVE, GET, BREACH -> transfer = true;
                case NEGATIVE -> negative = true;
                case COMMODITY -> {
                    anyCommodity = true;
                }
                default -> {
                }
            }
        }
        if (!anyCommodity || !transfer || negative) {
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
        for (int i = 0; i < states.size(); i++) {
            roles[i] = role(text, start, end, states.get(i), in, originOf, i);
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
            if (h.generic() && specific && !specificCommodities.contains(h.value())) {
                continue;
            }
            commodities.putIfAbsent(h.value(), h);
        }
        List<Quantities.Quantity> quantities = Quantities.find(text, start, end, lexicon);
        Map<String, long[]> amounts = amounts(quantities, in, commodities.keySet());
        SentenceFacts facts = SentenceFacts.read(text, start, end, in);
        String status = status(in) ? ViolationEvent.POSSIBLE : ViolationEvent.ASSERTED;
        List<EventMerger.Key> keys = new ArrayList<>();
        for (Hit c : commodities.values()) {
            String[] dir = direction(c, states, roles, originOf, textHasRu);
            if (dir == null) {
                continue;
            }
            long[] amount = amounts.get(c.value());
            EventMerger.Key key = new EventMerger.Key(c.value(), dir[0], dir[1]);
            if (merger.add(key, amount == null ? null : amount[0], amount == null ? null : unit(text, amount),
                    facts, status, text.substring(start, end), start, end)) {
                keys.add(key);
            }
        }
        return keys;
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

    private Role role(String text, int start, int end, Hit state, List<Hit> in, String[] originOf, int index) {
        String before = wordBefore(text, start, state.start());
        if (before.equals("the")) {
            before = wordBefore(text, start, state.start() - 4);
        }
        if (lexicon.isTo(before)) {
            return Role.TO;
        }
        if (lexicon.isFrom(before)) {
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
        for (int w = 1; w <= 2; w++) {
            String cjk = state.start() - w >= start ? text.substring(state.start() - w, state.start()) : "";
            if (!cjk.isEmpty() && Character.UnicodeScript.of(cjk.charAt(0)) == Character.UnicodeScript.HAN) {
                if (lexicon.isTo(cjk)) {
                    return Role.TO;
                }
                if (lexicon.isFrom(cjk)) {
                    return Role.FROM;
                }
            }
        }
        Hit prev = null;
        Hit next = null;
        for (Hit h : in) {
            if (h.end() <= state.start() && !h.is(Lexicon.Kind.STATE)) {
                prev = h;
            }
            if (next == null && h.start() >= state.end() && h != state) {
                next = h;
            }
        }
        // "handed Russia dozens of guns", "supplied North Korea with oil"
        if (prev != null && prev.is(Lexicon.Kind.GIVE) && state.start() - prev.end() <= 2
                && !(next != null && next.is(Lexicon.Kind.COMMODITY) && next.start() - state.end() <= 4)) {
            return Role.TO;
        }
        // "North Korean coal", "North Korea's arms deliveries"
        if (next != null && next.is(Lexicon.Kind.COMMODITY) && next.start() - state.end() <= 25
                && !text.substring(state.end(), next.start()).matches("(?s).*[,;.].*")) {
            originOf[index] = next.value();
            return Role.ORIGIN;
        }
        // the subject of a verb: the state before the next give or get word, no other state in between
        for (Hit h : in) {
            if (h.start() < state.end()) {
                continue;
            }
            if (h.is(Lexicon.Kind.STATE)) {
                break;
            }
            if (h.is(Lexicon.Kind.GIVE)) {
                return Role.FROM;
            }
            if (h.is(Lexicon.Kind.GET)) {
                return Role.TO;
            }
        }
        return Role.NONE;
    }

    /** (from, to) for one commodity of the sentence, or null when the sentence does not give a valid pair. */
    private static String[] direction(Hit commodity, List<Hit> states, Role[] roles, String[] originOf,
                                      boolean textHasRu) {
        String c = commodity.value();
        String from = null;
        String to = null;
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] == Role.ORIGIN && c.equals(originOf[i])) {
                from = states.get(i).value();
            }
        }
        for (int i = 0; i < states.size() && from == null; i++) {
            if (roles[i] == Role.FROM) {
                from = states.get(i).value();
            }
        }
        for (int i = 0; i < states.size() && from == null; i++) {
            if (roles[i] == Role.ORIGIN) {
                from = states.get(i).value();
            }
        }
        for (int i = 0; i < states.size() && to == null; i++) {
            if (roles[i] == Role.TO && !states.get(i).value().equals(from)) {
                to = states.get(i).value();
            }
        }
        List<String> codes = new ArrayList<>();
        states.forEach(s -> {
            if (!codes.contains(s.value())) {
                codes.add(s.value());
            }
        });
        if (from == null && to == null) {
            if (FROM_KP.contains(c) && codes.contains(KP)) {
                from = KP;
            } else if (codes.contains(KP) && !FROM_KP.contains(c)) {
                to = KP;
            } else if (c.equals("military-technology") && codes.contains(RU)) {
                to = RU;
            }
        }
        if (from == null && to != null) {
            if (FROM_KP.contains(c) && codes.contains(KP) && !to.equals(KP)) {
                from = KP;
            } else {
                from = other(codes, to, to.equals(KP) ? RU : CN);
            }
        } else if (to == null && from != null) {
            to = other(codes, from, from.equals(KP) ? RU : KP);
            if (to == null && from.equals(KP) && TO_RU_DEFAULT.contains(c) && textHasRu) {
                to = RU;
            }
        }
        if (from != null && from.equals(to)) {
            return null;
        }
        if (from == null && to == null) {
            return null;
        }
        if (from == null && !(KP.equals(to) && TO_KP_ALONE.contains(c))) {
            return null;
        }
        if (to == null && !(KP.equals(from) && FROM_KP_ALONE.contains(c))) {
            return null;
        }
        return new String[] {from, to};
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

    /** Whether the sentence warns of, plans or supposes the transfer rather than reporting it. */
    private static boolean status(List<Hit> in) {
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.POSSIBLE)) {
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
    private static Map<String, long[]> amounts(List<Quantities.Quantity> quantities, List<Hit> in,
                                               Set<String> commodities) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Quantities.Quantity q : quantities) {
            Hit noun = null;
            for (Hit h : in) {
                if (h.start() >= q.end() && h.start() - q.end() <= 40 && (h.is(Lexicon.Kind.UNIT)
                        || h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.NOT_UNIT))) {
                    noun = h;
                    break;
                }
            }
            if (noun == null && !q.dollar()) {
                continue;
            }
            if (noun != null && noun.is(Lexicon.Kind.NOT_UNIT)) {
                continue;
            }
            String commodity = null;
            if (noun != null && noun.is(Lexicon.Kind.COMMODITY) && commodities.contains(noun.value())) {
                commodity = noun.value();
            } else {
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
            if (commodity == null) {
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
