package io.newswatch.tagger.events.internal;

import java.util.List;

/**
 * The price of a barter or a purchase in one sentence: the goods after "in return for" or "in exchange for", or
 * after the "with" of "paying for ... with", go the other way from the goods bought ("Moscow is paying for North
 * Korean shells with oil and cash": the shells go to Russia, the oil and the cash to North Korea). And money that
 * is only the proceeds of goods the sentence names ("coal earnings", "the exports earned Pyongyang millions") is no
 * funds event of its own: the sale is the breach.
 */
final class Exchange {
    private Exchange() {
    }

    /** A possessive between a payment and the goods: "pays for its weapons". */
    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile(
            "(?i)\\s+(?:its|their|his)\\s+(?:own\\s+)?");
    /** The word after which a payment's price stands: "paying for shells partly with oil". */
    private static final java.util.regex.Pattern WITH = java.util.regex.Pattern.compile("(?i)\\bwith\\b");

    /**
     * Where the price of the sentence begins, or -1 when it names none: the end of an exchange phrase, or the end
     * of the first "with" after a payment phrase in the same clause; in Korean, where the phrase follows what it
     * governs ("포탄의 대가로", in return for the shells), the start of the phrase, the price standing before it.
     */
    static int priceStart(String text, int end, List<Hit> in) {
        for (Hit h : in) {
            if (!h.is(Lexicon.Kind.EXCHANGE)) {
                continue;
            }
            if (headFinal(text, h.start())) {
                return h.start();
            }
            if (!Lexicon.PRICE_AFTER_WITH.equals(h.value())) {
                return h.end();
            }
            java.util.regex.Matcher with = WITH.matcher(text).region(h.end(), end);
            if (with.find() && !Roles.CLAUSE_BREAK.matcher(text).region(h.end(), with.start()).find()) {
                return with.end();
            }
        }
        return -1;
    }

    /**
     * Whether {@code goods} are part of the price that begins at {@code priceAt}: after it, with no verb, state or
     * clause break between.
     */
    static boolean isPrice(String text, int priceAt, Hit goods, List<Hit> in) {
        if (priceAt >= 0 && headFinal(text, priceAt)) {
            // "포탄의 대가로", "포탄 공급의 대가로": the goods before the phrase, in its clause; goods with a verb of
            // their own ("북한이 러시아에 포탄을 제공한 대가로") are read in their own clause
            if (goods.end() > priceAt) {
                return false;
            }
            for (Hit h : in) {
                if (h.start() >= goods.end() && h.start() < priceAt && (h.is(Lexicon.Kind.STATE)
                        || h.is(Lexicon.Kind.REPORTING) || (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))
                        && !text.startsWith("의", h.end()))) {
                    return false;
                }
            }
            return !Roles.CLAUSE_BREAK.matcher(text).region(goods.end(), priceAt).find()
                    && !Words.hasPunctuation(text, goods.end(), priceAt);
        }
        if (priceAt < 0 || goods.start() < priceAt) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= priceAt && h.start() < goods.start() && (h.is(Lexicon.Kind.GIVE)
                    || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.REPORTING)
                    || h.is(Lexicon.Kind.STATE) && !possessive(text, h))) {
                return false;
            }
        }
        java.util.regex.Matcher br = Roles.CLAUSE_BREAK.matcher(text).region(priceAt, goods.start());
        while (br.find()) {
            if (!APPOSITION.matcher(text).region(br.end(), goods.start()).lookingAt()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A dash that opens an apposition to the price, not a clause: "in return for its old weaponry – chiefly
     * artillery shells", "в обмен на оружие — прежде всего снаряды".
     */
    private static final java.util.regex.Pattern APPOSITION = java.util.regex.Pattern.compile(
            "(?iu)\\s*(?:primarily|mainly|chiefly|mostly|largely|notably|especially|including|such as|namely"
            + "|прежде всего|в основном|главным образом|в том числе|насамперед|переважно|зокрема)\\b");

    /** "Pyongyang's", "North Korea’s": the state owns the price, it does not start a clause of its own. */
    private static boolean possessive(String text, Hit state) {
        return text.startsWith("'s", state.end()) || text.startsWith("\u2019s", state.end());
    }

    /** Whether the exchange phrase at {@code at} is Korean, which follows the goods it governs. */
    private static boolean headFinal(String text, int at) {
        return Character.UnicodeScript.of(text.charAt(at)) == Character.UnicodeScript.HANGUL;
    }

    /** Whether the goods are the payer's own: "how North Korea pays for its weapons" buys none. */
    static boolean ownGoods(String text, Hit goods, List<Hit> in) {
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.EXCHANGE) && Lexicon.PRICE_AFTER_WITH.equals(h.value()) && h.end() <= goods.start()
                    && OWN.matcher(text).region(h.end(), goods.start()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A sum in dollars earned in the sentence ("generated $88 million") as money, or null when it names none. */
    static Hit dollars(String text, int start, int end, List<Hit> in) {
        if (in.stream().noneMatch(h -> h.is(Lexicon.Kind.EARN))) {
            return null;
        }
        int at = text.indexOf('$', start);
        if (at < 0 || at + 1 >= end || !Character.isDigit(text.charAt(at + 1))) {
            return null;
        }
        // an empty span before the sum, so that the sum counts the money standing before it
        return new Hit(Lexicon.Kind.COMMODITY, "funds", at, at, false);
    }

    /** Whether funds named in the sentence are only the earnings of other goods it names. */
    static boolean onlyEarnings(List<Hit> in) {
        boolean earned = false;
        boolean goods = false;
        for (Hit h : in) {
            earned |= h.is(Lexicon.Kind.EARN);
            goods |= h.is(Lexicon.Kind.COMMODITY) && !h.value().equals("funds");
        }
        return earned && goods;
    }
}
