package io.newswatch.tagger.events.internal;

import java.util.List;

/**
 * Korean grammar the roles and verb frames read: a particle before a firing verb (a target), a subject whose verb
 * gives or gets, a ship's flag, a noun of giving received (지원을 받), and sentences that join two transfers with a
 * connective ending ("북한은 러시아에 포탄을 보내고 석유를 받았다", North Korea sent Russia shells and received oil).
 * Korean puts the verb after its object, so goods named after a connective verb (-고, -며) belong to the verb that
 * follows them, and a partner marked by a particle before that connective verb (러시아에) belongs to the first
 * clause only; the other party is then filled in as for any sentence that leaves it unsaid.
 */
final class KoreanClauses {
    private KoreanClauses() {
    }

    /** Connective endings that close a clause: "보내고", "넘기며". */
    private static final String CONNECTIVES = "고며";

    /** Whether a connective ending closes the verb: "보내고", "넘기며", "제공하고", "수출했고" (not "보내고자"). */
    static boolean connective(String text, Hit verb) {
        int c = CONNECTIVES.indexOf(text.charAt(verb.end() - 1)) >= 0 ? verb.end() - 1 : verb.end();
        if (c < text.length() && (text.charAt(c) == '하' || text.charAt(c) == '했')) {
            c++;
        }
        return c < text.length() && CONNECTIVES.indexOf(text.charAt(c)) >= 0
                && (c + 1 >= text.length() || !Character.isLetter(text.charAt(c + 1)));
    }

    /**
     * The roles for Korean goods that stand after a connective give or get verb, or {@code roles} unchanged: a
     * subject takes the part of the first give or get word after the goods, and a state marked by a particle before
     * the connective verb plays none.
     */
    static Role[] secondClause(String text, Hit goods, List<Hit> states, Role[] roles, List<Hit> in) {
        Hit connective = null;
        for (Hit h : in) {
            if (h.start() >= goods.start()) {
                break;
            }
            if ((h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)) && connective(text, h)) {
                connective = h;
            }
        }
        if (connective == null) {
            return roles;
        }
        Hit verb = null;
        for (Hit h : in) {
            if (h.start() < goods.end()) {
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                // another party or other goods: the verb after them is theirs
                break;
            }
            if (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)) {
                verb = h;
                break;
            }
        }
        Role[] out = roles;
        for (int i = 0; i < states.size(); i++) {
            Hit s = states.get(i);
            if (s.end() > connective.start()) {
                continue;
            }
            Role own = roles[i];
            if ((roles[i] == Role.SUBJECT_FROM || roles[i] == Role.SUBJECT_TO) && verb != null) {
                own = verb.is(Lexicon.Kind.GIVE) ? Role.SUBJECT_FROM : Role.SUBJECT_TO;
            } else if (roles[i] == Role.TO || roles[i] == Role.FROM) {
                own = Role.NONE;
            }
            if (own != roles[i]) {
                out = out == roles ? roles.clone() : out;
                out[i] = own;
            }
        }
        return out;
    }

    /** A ship word right after a Korean state: the state is the ship's flag. */
    static final java.util.regex.Pattern KO_SHIP = java.util.regex.Pattern.compile("^\\s?(?:선박|유조선|화물선|운반선|선적 선박)");

    /** Whether a give word starts at {@code at} (the noun of a get phrase: 지원 in "지원을 받"). */
    static boolean giveAt(int at, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() == at && h.is(Lexicon.Kind.GIVE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word lies inside a commodity word: the 발사 (launch) of 발사대 (launcher), the 发射 of 发射车. */
    static boolean partOfGoods(Hit word, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() > word.start()) {
                return false;
            }
            if (h.is(Lexicon.Kind.COMMODITY) && h.end() >= word.end() && h != word) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Korean particle of direction stands between the state and the use word right after it. */
    static boolean koreanTarget(Lexicon lexicon, String text, Hit state, Hit use) {
        if (text.startsWith("에서", state.end())) {
            return false;
        }
        for (String p : lexicon.toParticles()) {
            if (text.startsWith(p, state.end()) && state.end() + p.length() <= use.start()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first give, get or use word after {@code state} is a use word ("우크라이나에 발사했다"). */
    static boolean nextVerbIsUse(Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE))) {
                return h.is(Lexicon.Kind.USE);
            }
        }
        return false;
    }

    /**
     * Whether a Korean state carries a subject or topic particle and the verb it reaches first gives or gets
     * ("북한이 포탄을 수출했다"), not another subject's verb ("북한이 만든 미사일을 러시아가 발사했다").
     */
    static boolean koreanSubjectOfTransfer(String text, int particleAt, int end, Hit state, List<Hit> in) {
        if (particleAt >= end || !Roles.KO_SUBJECT.matcher(text).region(particleAt, end).lookingAt()) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() < state.end()) {
                continue;
            }
            if (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)) {
                return true;
            }
            if (h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.REPORTING)
                    || h.is(Lexicon.Kind.STATE) && Roles.KO_SUBJECT.matcher(text).region(h.end(), end).lookingAt()) {
                return false;
            }
        }
        return false;
    }
}
