package io.newswatch.tagger.events.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which number of a sentence is the amount of which goods: a quantity ({@link Quantities}) counts the commodity whose
 * word or unit follows it. Years, shares, serial and resolution numbers and caps ("the cap of 500,000 barrels") are
 * never amounts; an amount of money counts only goods that are paid for. The largest amount per commodity wins, as
 * the event contract asks ("the largest stated figure for the reported period").
 */
final class Amounts {
    private Amounts() {
    }

    /** Goods an amount of money may count. */
    static final Set<String> MONEY_COUNTED = Set.of("funds", "military-technology", "other-goods",
            "luxury-goods");
    static final java.util.regex.Pattern DOLLAR_UNIT = java.util.regex.Pattern.compile(
            "(?iu)^(?:dollar|доллар|долар|달러|美元)");

    /** The words that make the number after them a cap: "cap of", "ceiling of", "не более", "不得超过", "상한". */
    static final java.util.regex.Pattern CAP_BEFORE = java.util.regex.Pattern.compile(
            "(?iu)(?:\\b(?:cap|ceiling|limit|quota)\\s+of|\\bcapped\\s+at|\\bnot\\s+(?:to\\s+)?exceed|потол\\p{L}*\\s+в"
            + "|не\\s+более|не\\s+більше|лимит\\p{L}*\\s+в|ліміт\\p{L}*\\s+у|上限|不得超过|不超过|상한)[^\\d.;]{0,8}$");

    /**
     * People counted as charged, held or sent home ("indicted 14 North Korean nationals", "задержали 30 рабочих"):
     * the count of a case, not of those sent.
     */
    static final java.util.regex.Pattern PROSECUTED = java.util.regex.Pattern.compile(
            "(?iu)(?:\\b(?:indicted|charged|arrested|detained|deported|expelled|repatriated|convicted|sentenced)"
            + "|задержал\\p{L}*|арестова\\p{L}*|депортирова\\p{L}*|затрима\\p{L}*|заарештува\\p{L}*)"
            + "\\s+(?:about\\s+|some\\s+|around\\s+|more\\s+than\\s+|at\\s+least\\s+|около\\s+|более\\s+|понад\\s+)?$");

    /**
     * For each commodity, the largest amount of the sentence that counts it: a number whose noun is the commodity
     * word itself or a unit, standing before that commodity (or, failing one after, the nearest before it).
     * Values: {amount, unitStart, unitEnd}.
     */
    static Map<String, long[]> amounts(String text, List<Quantities.Quantity> quantities, List<Hit> in,
                                               Set<String> commodities) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Quantities.Quantity q : quantities) {
            if (isYearOrShare(text, q) || isDate(text, q) || isResolution(q, in) || isCap(text, q)
                    || PROSECUTED.matcher(text).region(Math.max(0, q.start() - 40), q.start()).find()) {
                continue;
            }
            Hit noun = null;
            for (Hit h : in) {
                if (h.start() < q.end()) {
                    continue;
                }
                if (h.start() - q.end() > 40 || h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)
                        || h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.REPORTING) || Words.hasDigit(text, q.end(), h.start())) {
                    break;
                }
                if (h.is(Lexicon.Kind.UNIT) || h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.NOT_UNIT)) {
                    noun = h;
                    break;
                }
            }
            // a number in Chinese numerals counts only the measure word glued to it: "两辆", not "两国" ... "车"
            boolean han = Quantities.HAN_NUMERALS.indexOf(text.charAt(q.start())) >= 0;
            if (han && (noun == null || noun.start() != q.end())) {
                continue;
            }
            // a number in words counts only a noun close after it: "seven military drones", not "two of the ..."
            if (Quantities.isWord(text, q) && (noun == null || noun.start() - q.end() > 30
                    || Words.hasPunctuation(text, q.end(), noun.start()))) {
                continue;
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
    static boolean covers(Hit goods, Hit noun) {
        return goods.start() <= noun.start() && goods.end() >= noun.end();
    }

    /**
     * Whether the counted noun names goods of which the sentence states no event ("11 тисяч військових" beside
     * shells, when the soldiers are no event of it): the number counts those, not the goods of the event.
     */
    static boolean countsOtherGoods(Hit noun, List<Hit> in, Set<String> commodities) {
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
    static boolean isYearOrShare(String text, Quantities.Quantity q) {
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

    /** A month's name before or after a day's number: "on Jan. 2", "2 January", "2 января", "2 січня". */
    private static final java.util.regex.Pattern MONTH_BEFORE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?\\s*$|\\b(?:january|february|march"
            + "|april|may|june|july|august|september|october|november|december)\\s+$");
    private static final java.util.regex.Pattern MONTH_AFTER = java.util.regex.Pattern.compile(
            "(?iu)^\\s+(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|march|april|may|june|july|aug(?:ust|\\.)?"
            + "|sep(?:tember|t?\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?|январ|феврал|март"
            + "|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|берез|квітн|травн|червн|липн"
            + "|серпн|вересн|жовтн|листопад|грудн)");

    /**
     * A day of a date ("on Jan. 2", "2 January", "2 января"), the minutes of a time ("11:20") or a number glued to a
     * date or time unit ("10월", "26일", "2023년", "10月", "16日") is never an amount.
     */
    static boolean isDate(String text, Quantities.Quantity q) {
        if (q.end() < text.length() && "월일년月日年時时".indexOf(text.charAt(q.end())) >= 0) {
            return true;
        }
        if (q.start() >= 2 && text.charAt(q.start() - 1) == ':' && Character.isDigit(text.charAt(q.start() - 2))) {
            // the minutes of a time: "11:20 North Korean shells still arriving"
            return true;
        }
        if (q.value() > 31 || q.dollar()) {
            return false;
        }
        return MONTH_BEFORE.matcher(text).region(Math.max(0, q.start() - 12), q.start()).find()
                || MONTH_AFTER.matcher(text).region(q.end(), Math.min(text.length(), q.end() + 12)).lookingAt();
    }

    /** A resolution's number ("Resolution 2397", "결의 2397호", "第2371号决议") counts nothing. */
    static boolean isResolution(Quantities.Quantity q, List<Hit> in) {
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
    static boolean isCap(String text, Quantities.Quantity q) {
        return CAP_BEFORE.matcher(text).region(Math.max(0, q.start() - 24), q.start()).find();
    }

    static String unit(String text, long[] amount) {
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
}
