package io.newswatch.tagger.events.internal;

import java.util.List;

/**
 * What the goods words of one sentence are: arms named only as the field a technology serves ("technology for
 * satellites or ballistic missiles"), a ban word that is only the goods' adjective ("banned North Korean coal"), and
 * arms or troops moved in a sentence that names no state of its own.
 */
final class Goods {
    private Goods() {
    }

    /** A technology word followed by the field it serves: "технологии для", "технології для". */
    private static final java.util.regex.Pattern TECHNOLOGY_FOR = java.util.regex.Pattern.compile(
            "(?iu)технолог\\p{L}*\\s+для\\s");
    /** The arms a technology serves: "technology for reconnaissance satellites or ballistic missiles". */
    private static final java.util.regex.Pattern FOR_FIELD = java.util.regex.Pattern.compile(
            "(?i)[^,;.]*?\\sfor\\s+(?:[\\p{L}\\d-]+,?\\s+){0,8}");

    /**
     * Whether arms named as the field of a technology are no goods of their own: "технологии для ядерной программы,
     * спутников или баллистических ракет", "导弹或卫星方面的技术".
     */
    static boolean technologyField(String text, int end, Hit arms, List<Hit> in) {
        if (!EventReader.ARMS.contains(arms.value())) {
            return false;
        }
        for (Hit t : in) {
            if (!t.is(Lexicon.Kind.COMMODITY) || !t.value().equals("military-technology")) {
                continue;
            }
            if (t.end() <= arms.start() && arms.start() - t.end() <= 80
                    && (TECHNOLOGY_FOR.matcher(text).region(t.start(), Math.min(end, t.end() + 6)).lookingAt()
                    || FOR_FIELD.matcher(text).region(t.end(), arms.start()).matches()
                    && Direction.sameList(in, t.start(), arms.start()))
                    && !Roles.CLAUSE_BREAK.matcher(text.substring(t.end(), arms.start())).find()) {
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

    /**
     * Whether a sentence that names no state moves arms or troops ("170 mm guns had also been shipped"): prose with a
     * give or get word, whose parties are those of the sentences before.
     */
    static boolean armsMoved(String text, int start, int end, List<Hit> in) {
        boolean moved = false;
        boolean arms = false;
        for (Hit h : in) {
            moved |= h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET);
            arms |= h.is(Lexicon.Kind.COMMODITY) && !h.generic() && (EventReader.ARMS.contains(h.value())
                    || h.value().equals("troops"));
        }
        return moved && arms && Words.prose(text, start, end);
    }

    /** Whether the goods word is negated right before it: "Hair, not coal: what North Korea sells to China". */
    static boolean negated(String text, int start, Hit goods) {
        return Words.wordBefore(text, start, goods.start()).equals("not");
    }

    /** Whether a ban word stands as the goods' adjective ("banned North Korean goods reached the South"). */
    static boolean bannedGoods(String text, Hit ban, List<Hit> in) {
        if (!text.regionMatches(true, ban.start(), "banned", 0, ban.end() - ban.start())) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= ban.end() && !h.is(Lexicon.Kind.STATE)) {
                // "banned North Korean coal", not "is banned, and the launchers use the same technology"
                return h.is(Lexicon.Kind.COMMODITY) && h.start() - ban.end() <= 16
                        && !Words.hasPunctuation(text, ban.end(), h.start());
            }
        }
        return false;
    }

    /**
     * Whether a general goods word is the object of a verb of its own, after the specific goods of an earlier
     * clause and before any other: "sent shells to Russia and received oil" names the oil in its own right.
     */
    static boolean ownClause(Hit general, List<Hit> in) {
        boolean specificBefore = false;
        boolean verbSince = false;
        for (Hit h : in) {
            if (h == general) {
                continue;
            }
            boolean specific = h.is(Lexicon.Kind.COMMODITY) && !h.generic();
            if (h.start() >= general.end()) {
                if (specific) {
                    return false;
                }
                continue;
            }
            if (specific) {
                specificBefore = true;
                verbSince = false;
            } else if (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)) {
                verbSince = true;
            }
        }
        return specificBefore && verbSince;
    }
}
