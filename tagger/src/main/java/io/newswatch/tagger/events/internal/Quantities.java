package io.newswatch.tagger.events.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The quantity grammar: the numbers written in a stretch of text, with grouping separators ("1,000", "1 000"),
 * decimals ("1.5", "1,5"), number words ("5 million", "4 млрд", "100万", "6천700") and a currency sign ("$88
 * million"). A number written in words alone ("hundreds of thousands", "millions of") is vague and yields nothing;
 * so does a number glued to a measure by a hyphen ("170-mm").
 *
 * <p>Which noun a number counts (and so whether it is the amount of the goods) is decided by the caller from the
 * lexicon hits that follow {@link Quantity#end()}.
 */
public final class Quantities {
    /** At most this many numbers are read from one stretch: scraped text is hostile. */
    static final int MAX_NUMBERS = 64;

    /** Words after which a bare number word is one number ("a thousand", "более тысячи"). */
    private static final List<String> ONE_OF = List.of("a", "one", "более", "свыше", "около", "почти", "порядка",
            "понад", "близько", "майже");

    /** Chinese numerals; a number written in them starts with one of {@link #HAN_START} (not 一: "一名" is "a"). */
    static final String HAN_NUMERALS = "零〇一二两兩三四五六七八九十百千万萬亿億";
    private static final String HAN_START = "二两兩三四五六七八九十百千";
    /** No character of {@link #HAN_START} comes before this one: most characters of a text need no look-up. */
    private static final char HAN_FIRST = '\u4E00';
    /** The longest word of {@link #ONE_OF}. */
    private static final int ONE_OF_MAX = 7;

    private Quantities() {
    }

    /**
     * A number written in Chinese numerals glued to the word after it ("两辆", "三百名", "五万吨"): 十, 百, 千 count
     * the digit before them, 万 and 亿 everything since the last such unit. Values below two are no count ("一些").
     * Whether the word after is a measure of the goods is the caller's to decide.
     */
    private static Quantity hanNumber(String text, int at, int to) {
        long total = 0;
        long section = 0;
        long digit = 0;
        int j = at;
        while (j < to && j - at < 12) {
            char c = text.charAt(j);
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '两' || c == '兩') {
                d = 2;
            } else if (c == '〇') {
                d = 0;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十' || c == '百' || c == '千') {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            } else if (c == '万' || c == '亿' || c == '萬' || c == '億') {
                // (萬, 億: the traditional forms)
                long unit = c == '万' || c == '萬' ? 10_000 : 100_000_000;
                total = (total + section + digit) * unit;
                section = 0;
                digit = 0;
            } else {
                break;
            }
            j++;
        }
        long value = total + section + digit;
        return value >= 2 && j < to && j > at ? new Quantity(value, at, j, false) : null;
    }

    /**
     * One number.
     *
     * @param value  the value, rounded down to a whole number
     * @param start  offset of its first character (the currency sign when there is one)
     * @param end    offset one past its last character, number word included
     * @param dollar whether a dollar sign stands before it
     */
    public record Quantity(long value, int start, int end, boolean dollar) {
    }

    /** Every number in {@code text[from, to)}, in text order. */
    public static List<Quantity> find(String text, int from, int to, Lexicon lexicon) {
        List<Quantity> out = new ArrayList<>();
        int i = from;
        while (i < to && out.size() < MAX_NUMBERS) {
            char c = text.charAt(i);
            if (!isDigit(c) && Character.isLetter(c) && (i == from || !Character.isLetter(text.charAt(i - 1)))) {
                Quantity written = written(text, from, i, to, lexicon);
                if (written == null) {
                    written = small(text, i, to, lexicon);
                }
                if (written != null) {
                    out.add(written);
                    i = written.end();
                    continue;
                }
            }
            // 一 starts a number only before a power of ten: "一千名" is a thousand, "一名", "一带" are none
            boolean oneThousand = c == '一' && i + 1 < to && "十百千万亿萬億".indexOf(text.charAt(i + 1)) >= 0;
            if (c >= HAN_FIRST && (HAN_START.indexOf(c) >= 0 || oneThousand)
                    && (i == from || HAN_NUMERALS.indexOf(text.charAt(i - 1)) < 0)) {
                Quantity han = hanNumber(text, i, to);
                if (han != null) {
                    out.add(han);
                    i = han.end();
                    continue;
                }
            }
            if (!isDigit(c) || (i > from && gluedBefore(text.charAt(i - 1))) || designation(text, from, i)) {
                i++;
                continue;
            }
            int start = i;
            long whole = 0;
            int j = i;
            while (j < to && isDigit(text.charAt(j)) && whole < 1_000_000_000_000L) {
                whole = whole * 10 + (text.charAt(j) - '0');
                j++;
            }
            // grouping: a separator followed by exactly three digits
            while (j + 3 < to + 1 && j < to && isGroup(text.charAt(j)) && threeDigits(text, j + 1, to)) {
                whole = whole * 1000 + Integer.parseInt(text.substring(j + 1, j + 4));
                j += 4;
            }
            double value = whole;
            if (j + 1 < to && (text.charAt(j) == '.' || text.charAt(j) == ',') && isDigit(text.charAt(j + 1))) {
                int k = j + 1;
                double scale = 0.1;
                while (k < to && isDigit(text.charAt(k))) {
                    value += (text.charAt(k) - '0') * scale;
                    scale /= 10;
                    k++;
                }
                j = k;
            }
            if (j < to && (text.charAt(j) == '-' || text.charAt(j) == '‑') && j + 1 < to
                    && Character.isLetter(text.charAt(j + 1))) {
                i = j + 1;
                continue;
            }
            if (j < to && measureGlued(text, j, to)) {
                i = j;
                continue;
            }
            int end = j;
            // CJK and Korean number characters glued to the digits: 6천700, 100万, 13万, 1만4천 (10,000 + 4,000):
            // 千/천 counts only the digits before it, 万/만 and above everything since the last such unit
            double total = 0;
            double section = 0;
            double current = value;
            long lastLarge = Long.MAX_VALUE;
            boolean cjk = false;
            while (end < to) {
                long m = lexicon.multiplier(text, end, end + 1);
                if (m == 0 || !isCjkNumberChar(text.charAt(end))) {
                    break;
                }
                cjk = true;
                if (m >= 10_000 && m < lastLarge) {
                    // 2억3000만: 만 counts the 3000 written after 억, not the 억 itself
                    total += (section + current) * m;
                    section = 0;
                    lastLarge = m;
                } else if (m >= 10_000) {
                    total = (total + section + current) * m;
                    section = 0;
                    lastLarge = m;
                } else {
                    section += current * m;
                }
                current = 0;
                end++;
                int k = end;
                long tail = 0;
                while (k < to && isDigit(text.charAt(k))) {
                    tail = tail * 10 + (text.charAt(k) - '0');
                    k++;
                }
                if (k > end) {
                    current = tail;
                    end = k;
                }
            }
            if (cjk) {
                value = total + section + current;
            }
            // a number word after a space: "5 million", "4 млрд", "13 тысяч"
            int w = end;
            while (w < to && (text.charAt(w) == ' ' || text.charAt(w) == '\u00a0')) {
                w++;
            }
            int we = w;
            while (we < to && Character.isLetter(text.charAt(we))) {
                we++;
            }
            if (we > w) {
                long m = lexicon.multiplier(text, w, we);
                if (m > 0) {
                    value *= m;
                    end = we < to && text.charAt(we) == '.' ? we + 1 : we;
                }
            }
            boolean dollar = dollarBefore(text, from, start);
            int shownStart = dollar ? text.lastIndexOf('$', start) : start;
            out.add(new Quantity((long) value, shownStart, end, dollar || dollarAfter(text, end, to)));
            i = Math.max(end, i + 1);
        }
        return out;
    }

    private static boolean dollarBefore(String text, int from, int start) {
        int k = start - 1;
        while (k >= from && text.charAt(k) == ' ') {
            k--;
        }
        return k >= from && text.charAt(k) == '$';
    }

    private static boolean dollarAfter(String text, int end, int to) {
        return end < to && text.charAt(end) == '$';
    }

    /** A letter or digit right before a digit makes it part of a word ("KN23", "A1"), except CJK and Hangul. */
    private static boolean gluedBefore(char c) {
        return isDigit(c) || Character.isLetter(c) && !isCjkNumberChar(c);
    }

    /**
     * A number word with no digits, after an article or a comparison that makes it one number: "a thousand", "more
     * than a million", "более тысячи", "понад тисячу". Plural and vague forms ("thousands of") are not read.
     */
    private static Quantity written(String text, int from, int at, int to, Lexicon lexicon) {
        int k = at - 1;
        if (k < from || text.charAt(k) != ' ') {
            return null;
        }
        // the word before the space must be one of ONE_OF as a whole: find where it starts, then compare only the
        // words of its length (this runs at every word of a sentence; no character that is not a letter equals a
        // letter of ONE_OF ignoring case, so a match is exactly a whole word of letters)
        int s = k;
        while (s > from && k - s <= ONE_OF_MAX && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        int length = k - s;
        boolean counted = false;
        if (length > 0 && length <= ONE_OF_MAX) {
            for (String w : ONE_OF) {
                if (w.length() == length && text.regionMatches(true, s, w, 0, length)) {
                    counted = true;
                    break;
                }
            }
        }
        int e = at;
        while (e < to && e - at < 12 && Character.isLetter(text.charAt(e))) {
            e++;
        }
        for (int i = 0; !counted && i < SLAVIC_ONE.size(); i++) {
            // a Slavic singular needs no article: "передала миллион баррелей", "направила тисячу робітників"
            String w = SLAVIC_ONE.get(i);
            counted = w.length() == e - at && text.regionMatches(true, at, w, 0, w.length());
        }
        if (!counted) {
            return null;
        }
        long m = e - at < 12 ? lexicon.multiplier(text, at, e) : 0;
        return m > 0 ? new Quantity(m, at, e, dollarAfter(text, e, to)) : null;
    }

    /** Russian and Ukrainian number words in the singular: one number with no article before them. */
    private static final List<String> SLAVIC_ONE = List.of("миллион", "мільйон", "тысячу", "тисячу", "тысяча",
            "тисяча", "миллиард", "мільярд");

    /** Numbers written as a word: "seven drones", "two limousines", "два автомобиля", "сім дронів". */
    private static final java.util.Map<String, Integer> SMALL = java.util.Map.ofEntries(
            java.util.Map.entry("two", 2), java.util.Map.entry("three", 3), java.util.Map.entry("four", 4),
            java.util.Map.entry("five", 5), java.util.Map.entry("six", 6), java.util.Map.entry("seven", 7),
            java.util.Map.entry("eight", 8), java.util.Map.entry("nine", 9), java.util.Map.entry("ten", 10),
            java.util.Map.entry("eleven", 11), java.util.Map.entry("twelve", 12), java.util.Map.entry("twenty", 20),
            java.util.Map.entry("thirty", 30), java.util.Map.entry("fifty", 50), java.util.Map.entry("два", 2),
            java.util.Map.entry("две", 2), java.util.Map.entry("дві", 2), java.util.Map.entry("три", 3),
            java.util.Map.entry("четыре", 4), java.util.Map.entry("чотири", 4), java.util.Map.entry("пять", 5),
            java.util.Map.entry("п'ять", 5), java.util.Map.entry("шесть", 6), java.util.Map.entry("шість", 6),
            java.util.Map.entry("семь", 7), java.util.Map.entry("сім", 7), java.util.Map.entry("восемь", 8),
            java.util.Map.entry("вісім", 8), java.util.Map.entry("десять", 10), java.util.Map.entry("двадцать", 20),
            java.util.Map.entry("двадцять", 20));

    /** The words of {@link #SMALL} by their first letter. */
    private static final java.util.Map<Character, String[]> SMALL_BY_FIRST;

    static {
        java.util.Map<Character, List<String>> byFirst = new java.util.HashMap<>();
        for (String word : SMALL.keySet()) {
            byFirst.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
        }
        java.util.Map<Character, String[]> lists = new java.util.HashMap<>();
        byFirst.forEach((c, words) -> lists.put(c, words.toArray(String[]::new)));
        SMALL_BY_FIRST = java.util.Map.copyOf(lists);
    }

    /**
     * A small number written as a word and standing alone ("seven drones", "two million barrels"). Whether the
     * noun right after it is the goods is the caller's to decide ({@link #isWord}).
     */
    private static Quantity small(String text, int at, int to, Lexicon lexicon) {
        String[] candidates = SMALL_BY_FIRST.get(Character.toLowerCase(text.charAt(at)));
        if (candidates == null) {
            // no number word starts with this letter (asked at every word of a sentence)
            return null;
        }
        int e = at;
        while (e < to && e - at < 10 && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '\'')) {
            e++;
        }
        if (e >= to || text.charAt(e) != ' ') {
            return null;
        }
        Integer v = smallValue(candidates, text, at, e);
        if (v == null) {
            return null;
        }
        int w = e + 1;
        int we = w;
        while (we < to && we - w < 12 && Character.isLetter(text.charAt(we))) {
            we++;
        }
        long m = we > w ? lexicon.multiplier(text, w, we) : 0;
        return m > 0 ? new Quantity(v * m, at, we, dollarAfter(text, we, to)) : new Quantity(v, at, e, false);
    }

    /**
     * The value of {@code text[at, e)} lower-cased (as {@code toLowerCase(Locale.ROOT)} would) in {@link #SMALL},
     * compared in place with the {@code candidates} (the words of {@link #SMALL} with its first letter). İ, the one
     * letter whose lower case is two characters, begins and is in none of them.
     */
    private static Integer smallValue(String[] candidates, String text, int at, int e) {
        for (String word : candidates) {
            if (word.length() != e - at) {
                continue;
            }
            int i = 0;
            while (i < word.length() && text.charAt(at + i) != '\u0130'
                    && Character.toLowerCase(text.charAt(at + i)) == word.charAt(i)) {
                i++;
            }
            if (i == word.length()) {
                return SMALL.get(word);
            }
        }
        return null;
    }

    /** Whether the number is written in words ("seven", "два"), not in digits or Chinese numerals. */
    static boolean isWord(String text, Quantity q) {
        char c = text.charAt(q.start());
        return Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }

    /** The number of a name such as "KN-23" or "Kh-101": letters and a hyphen right before the digits. */
    private static boolean designation(String text, int from, int at) {
        return at - 2 >= from && (text.charAt(at - 1) == '-' || text.charAt(at - 1) == '‑')
                && Character.isLetter(text.charAt(at - 2)) && !isCjkNumberChar(text.charAt(at - 2));
    }

    /** A calibre or a distance glued to its number ("152mm", "40km", "122мм") measures, it does not count. */
    private static boolean measureGlued(String text, int at, int to) {
        if (at < to && (text.charAt(at) == '㎜' || text.charAt(at) == '㎝' || text.charAt(at) == '㎞')) {
            // the squared unit signs of Korean and Japanese type: "240㎜ 방사포"
            return true;
        }
        int e = at;
        while (e < to && e - at < 3 && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e == at || e < to && Character.isLetter(text.charAt(e))) {
            return false;
        }
        String unit = text.substring(at, e).toLowerCase(java.util.Locale.ROOT);
        return unit.equals("mm") || unit.equals("мм") || unit.equals("cm") || unit.equals("km") || unit.equals("км");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isGroup(char c) {
        return c == ',' || c == ' ' || c == '\u00a0' || c == '\u202f' || c == '.' || c == '\u2009';
    }

    private static boolean threeDigits(String text, int at, int to) {
        return at + 3 <= to && isDigit(text.charAt(at)) && isDigit(text.charAt(at + 1)) && isDigit(text.charAt(at + 2))
                && (at + 3 == to || !isDigit(text.charAt(at + 3)));
    }

    private static boolean isCjkNumberChar(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }
}
