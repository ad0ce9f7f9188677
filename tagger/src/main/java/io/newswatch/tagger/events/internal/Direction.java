package io.newswatch.tagger.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the parts the states of a sentence play into the (from, to) pairs of one commodity's events, and fills
 * what the sentence leaves unsaid from the text's other states the way the reports of the period read: North
 * Korea's arms go to Russia, what North Korea obtains comes from its partner. Only pairs a sanctions regime covers
 * are kept: North Korea on one side (UN Security Council resolutions 1718 to 2397), or arms and the technology of
 * war to Russia (the national regimes on Russia).
 */
final class Direction {
    private Direction() {
    }

    static final String KP = "KP";
    static final String RU = "RU";
    static final String CN = "CN";
    static final String UA = "UA";

    /** Commodities North Korea exports in the regimes' sense: the supplier is North Korea unless the text says. */
    static final Set<String> FROM_KP = Set.of("munitions", "missiles", "weapons", "troops", "workers", "coal",
            "minerals", "other-goods");
    /** What North Korea may not export to anyone since 2017 (resolutions 2371 and 2397): no lawful trade to tell apart. */
    static final Set<String> BANNED_EXPORTS = Set.of("coal", "minerals", "other-goods");
    /** Commodities whose receiver may be named alone: what North Korea obtains (the supplier often unsaid). */
    static final Set<String> TO_KP_ALONE = Set.of("petroleum", "luxury-goods", "funds", "military-technology",
            "other-goods");
    /** Commodities whose sender may be named alone (the host often unsaid). */
    static final Set<String> FROM_KP_ALONE = Set.of("workers", "coal", "minerals", "funds");
    /** North Korea's arms go to Russia's war in every report of the period when the receiver is unsaid. */
    static final Set<String> TO_RU_DEFAULT = Set.of("munitions", "missiles", "troops");

    /** People, not goods: their maker is no supplier of goods named beside them, nor the reverse. */
    static final Set<String> PEOPLE = Set.of("workers", "troops");

    /** What third countries may not supply to Russia under the national regimes. */
    static final Set<String> TO_RU_BANNED = Set.of("military-technology", "weapons", "munitions",
            "missiles");

    /**
     * The (from, to) pairs for one commodity of the sentence: one per supplier when several are listed ("through
     * China, the Emirates and Turkey"); empty when the sentence gives no pair a sanctions regime Amounts.covers (one side
     * must be North Korea, or the receiver Russia).
     */
    static List<String[]> direction(String text, Hit commodity, List<Hit> states, Role[] roles, String[] originOf,
                                            int[] originAt, List<Hit> in, Set<String> textStates,
                                            List<String> placeStates) {
        String c = commodity.value();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            // "North Korean shells and missiles": the maker of the list's first goods makes the rest
            if (roles[i] == Role.ORIGIN && (c.equals(originOf[i]) || sameList(in, originAt[i], commodity.start()))
                    && !(Words.wordAfterIsPossessive(text, states.get(i).end(), text.length())
                    && receives(states, roles, states.get(i).value()))) {
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
        String transit = transit(text, states, roles, in);
        if (transit != null && tos.remove(transit)) {
            // "chips shipped to Kazakhstan were re-exported to Russia": the first destination supplies the last
            addOnce(froms, transit);
        }
        for (int i = 0; i < states.size() && froms.size() > 1; i++) {
            // "ракети ... північнокорейські KN-23, якими Росія б'є": the user of goods another state made received them
            if (roles[i] == Role.USER) {
                String user = states.get(i).value();
                if (froms.remove(user)) {
                    addOnce(tos, user);
                }
            }
        }
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
            if (roles[i] == Role.ORIGIN && PEOPLE.contains(originOf[i]) != PEOPLE.contains(c)) {
                // "North Korean workers toil at plants where drones are assembled": the workers' state, not the drones'
                continue;
            }
            if ((!s.generic() || roles[i] != Role.NONE) && roles[i] != Role.SPEAKER) {
                addOnce(codes, s.value());
            }
        }
        if (c.equals("funds")) {
            // money flows to Pyongyang: "North Korea's earnings", "stolen by North Korean hackers"
            if (!codes.contains(KP)) {
                return List.of();
            }
            // the payer is the subject of a give word; "from" names a theft's victim ("took $1.5 billion from a
            // Dubai-based exchange"), no state that pays
            String from = null;
            boolean kpReceives = false;
            for (int i = 0; i < states.size(); i++) {
                kpReceives |= roles[i] == Role.SUBJECT_TO && states.get(i).value().equals(KP);
            }
            for (int i = 0; i < states.size() && from == null; i++) {
                // (but "North Korea received money from Russia": the state the receiver gets it from pays)
                if ((roles[i] == Role.SUBJECT_FROM || kpReceives && roles[i] == Role.FROM)
                        && !states.get(i).value().equals(KP)) {
                    from = states.get(i).value();
                }
            }
            return List.<String[]>of(new String[] {from, KP});
        }
        if (froms.isEmpty() && tos.isEmpty()) {
            if (FROM_KP.contains(c) && (codes.contains(KP) || placeStates.contains(KP))) {
                // "moved by rail from Rajin to depots in Russia": a North Korean port names the exporter
                froms.add(KP);
            } else if (codes.contains(KP) && !FROM_KP.contains(c)) {
                tos.add(KP);
            } else if (c.equals("military-technology") && codes.contains(RU)) {
                tos.add(RU);
            }
        }
        if (tos.isEmpty() && froms.equals(List.of(KP)) && (c.equals("petroleum") || c.equals("luxury-goods"))
                && subjectOnly(states, roles, KP)) {
            // North Korea sells no fuel nor luxuries: the North Korean side of "与朝鲜油轮进行船对船过驳" receives them
            froms.clear();
            tos.add(KP);
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
        if (to == null && !froms.isEmpty()) {
            // "workers employed at plants in Donggang", "coal loaded at Nampo for delivery to Balikpapan"
            for (String place : placeStates) {
                if (!place.equals(froms.get(0))) {
                    to = place;
                    break;
                }
            }
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
        if (froms.size() == 1 && PEOPLE.contains(c)) {
            // "workers abroad, mainly in China and Russia": one sender, each host
            for (int i = 1; i < tos.size() && out.size() < 6; i++) {
                if (valid(c, froms.get(0), tos.get(i)) && host(text, states, roles, tos.get(i))) {
                    out.add(new String[] {froms.get(0), tos.get(i)});
                }
            }
        }
        return out;
    }

    /** The (from, to) pairs of one commodity, read from the states of its clause ({@link Clauses#scope}). */
    static List<String[]> direction(String text, Hit commodity, Clauses.Scope scope, List<Hit> in,
                                    Set<String> textStates, List<String> placeStates) {
        return direction(text, commodity, scope.states(), verbFrame(text, commodity, scope.states(), scope.roles(), in),
                scope.originOf(), scope.originAt(), in, textStates, placeStates);
    }

    /** A give word that sends goods on from where they first went: re-export, resale, onward shipment. */
    private static final java.util.regex.Pattern ONWARD = java.util.regex.Pattern.compile(
            "(?iu)(?:re-?export|реэкспорт|реекспорт|resold|resell|перепрода|onward|re-?rout).*");

    /**
     * The receiver that only passed the goods on: a state named as a receiver before a give word of re-export and
     * another receiver after it ("shipped to Kazakhstan and re-exported to Russia", "ввезённые в Казахстан,
     * реэкспортировались в Россию"); null when there is none.
     */
    static String transit(String text, List<Hit> states, Role[] roles, List<Hit> in) {
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] != Role.TO) {
                continue;
            }
            for (int j = i + 1; j < states.size(); j++) {
                if (roles[j] != Role.TO || states.get(j).value().equals(states.get(i).value())) {
                    continue;
                }
                for (Hit h : in) {
                    if (h.is(Lexicon.Kind.GIVE) && h.start() >= states.get(i).end() && h.end() <= states.get(j).start()
                            && ONWARD.matcher(text.substring(h.start(), h.end())).matches()) {
                        return states.get(i).value();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The roles for one commodity: a subject's part comes from the give or get word nearest before the goods
     * ("North Korea violated a cap on imports of fuel and kept exporting coal" exports the coal).
     */
    static Role[] verbFrame(String text, Hit commodity, List<Hit> states, Role[] roles, List<Hit> in) {
        Role[] out = roles;
        Lexicon.Script script = Lexicon.Script.of(text.charAt(commodity.start()));
        boolean cjk = script == Lexicon.Script.HAN || script == Lexicon.Script.HANGUL;
        for (int i = 0; i < states.size(); i++) {
            if (roles[i] != Role.SUBJECT_FROM && roles[i] != Role.SUBJECT_TO) {
                continue;
            }
            Hit verb = null;
            for (Hit h : in) {
                if (h.start() >= commodity.start()) {
                    break;
                }
                if (cjk && h.start() >= states.get(i).end() && h.is(Lexicon.Kind.STATE) && subject(h, states, roles)) {
                    // "俄罗斯收到了朝鲜提供的炮弹": the relative clause before Chinese or Korean goods has its own subject,
                    // and the verb after that subject is its own
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
                // "sent shells to Russia and received oil in return": the first clause's receiver, named before the
                // second verb and after the first, is the counterpart of the goods that come back (in "从朝鲜走私进口"
                // both verbs follow the partner: one compound verb, no second clause)
                for (int j = 0; j < states.size(); j++) {
                    Hit s = states.get(j);
                    if (s.start() > states.get(i).end() && s.end() <= verb.start()
                            && (roles[j] == Role.TO || roles[j] == Role.FROM)
                            && verbBetween(states.get(i).end(), s.start(), in)) {
                        out[j] = roles[j] == Role.TO ? Role.FROM : Role.TO;
                    }
                }
            }
        }
        return script == Lexicon.Script.HANGUL ? KoreanClauses.secondClause(text, commodity, states, out, in) : out;
    }

    private static boolean verbBetween(int from, int to, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= from && h.end() <= to && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the state mention {@code h} is the subject of a give or get word. */
    private static boolean subject(Hit h, List<Hit> states, Role[] roles) {
        int j = states.indexOf(h);
        return j >= 0 && (roles[j] == Role.SUBJECT_FROM || roles[j] == Role.SUBJECT_TO);
    }

    /**
     * Whether a receiver is named as a host in its own right: a state the gazetteer knows, not a speaker's
     * ("to Russia, Seoul's spy agency said").
     */
    static boolean host(String text, List<Hit> states, Role[] roles, String code) {
        for (int i = 0; i < states.size(); i++) {
            Hit s = states.get(i);
            if (roles[i] == Role.TO && s.value().equals(code) && !s.generic()
                    && !Words.wordAfterIsPossessive(text, s.end(), text.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the state is named as a receiver elsewhere in the sentence: then its possessive ("assisting Pyongyang's
     * space programme after North Korea's satellite launch") names its own goods, not its exports.
     */
    static boolean receives(List<Hit> states, Role[] roles, String code) {
        for (int i = 0; i < states.size(); i++) {
            if ((roles[i] == Role.TO || roles[i] == Role.SUBJECT_TO) && states.get(i).value().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Whether goods named at {@code one} and at {@code other} stand in one list: no verb or state between them. */
    static boolean sameList(List<Hit> in, int one, int other) {
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

    static boolean valid(String c, String from, String to) {
        if (from == null && to == null || from != null && from.equals(to)) {
            return false;
        }
        if (!(KP.equals(from) || KP.equals(to) || RU.equals(to))) {
            return false;
        }
        if (PEOPLE.contains(c) && KP.equals(to)) {
            // "workers in North Korean factories", Russian soldiers at a parade in Pyongyang: no regime covers
            // people going to North Korea
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
    static String fillFrom(String c, String to, List<String> codes, Set<String> textStates) {
        // North Korea from elsewhere in the text only when the sentence names no other party
        if (FROM_KP.contains(c) && !to.equals(KP) && (codes.contains(KP)
                || textStates.contains(KP) && other(codes, to, KP) == null && !c.equals("other-goods"))) {
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
    static String fillTo(String c, String from, List<String> codes, Set<String> textStates) {
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

    /** The states of the sentence's places the lexicon knows, in text order ("Donggang" is in China). */
    static List<String> placeStates(Lexicon lexicon, String text, List<Hit> in) {
        List<String> out = new ArrayList<>(2);
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.PLACE)) {
                String state = lexicon.stateOf(text.subSequence(h.start(), h.end()));
                if (state != null) {
                    out.add(state);
                }
            }
        }
        return out;
    }

    /** Whether every mention of {@code code} in the sentence is the subject of a give word, no maker or source. */
    static boolean subjectOnly(List<Hit> states, Role[] roles, String code) {
        boolean any = false;
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).value().equals(code)) {
                if (roles[i] != Role.SUBJECT_FROM) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Another state of the sentence than {@code not}: {@code preferred} when named, else the first other. */
    static String other(List<String> codes, String not, String preferred) {
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
}
