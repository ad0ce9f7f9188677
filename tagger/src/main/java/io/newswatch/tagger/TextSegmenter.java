package io.newswatch.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits plain text into paragraphs and sentences; the tags of the default ruleset are judged per sentence and per
 * paragraph, so the boundaries must be real ones.
 *
 * <p>A paragraph ends at a blank line (a line of nothing but whitespace); a single line break inside a paragraph
 * is hard wrapping and splits nothing. A sentence ends at {@code . ? ! …} or {@code 。！？}, together with any
 * closing quotes and brackets after it, except where a rule below says the text goes on:
 * <ul>
 *   <li>the mark is not followed by whitespace ({@code 3.5}, {@code U.S.A.}, {@code example.org});</li>
 *   <li>the next word starts with a lower-case letter or the next character is {@code , ; :} ({@code "Why?" he
 *       asked});</li>
 *   <li>the period closes a title that precedes a name ({@code Mr.}, {@code Dr.}, {@code Gen.}, {@code Col.},
 *       ...), or {@code No.} or a month abbreviation before a number ({@code No. 2}, {@code Oct. 13});</li>
 *   <li>it closes {@code i.e.}, {@code e.g.} or a single initial ({@code J.});</li>
 *   <li>it closes an initialism ({@code U.S.}, {@code D.P.R.K.}) and the next word is not one that typically
 *       opens a sentence ({@code The}, {@code It}, {@code But}, ...): "the U.S. Treasury" goes on, "sanctions by
 *       the U.S. The move" ends.</li>
 * </ul>
 * CJK full stops always end a sentence. Never fails; an empty or blank text has no paragraphs.
 */
public final class TextSegmenter {
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj",
            "capt", "cpt", "sgt", "cmdr", "adm", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "st", "messrs",
            "amb", "supt", "insp", "vs", "cf", "approx", "ca", "mt", "ft",
            // Russian and Ukrainian: г. (city/year), ул., им., ген., проф., акад., тыс., млн, ...
            "г", "гг", "ул", "им", "ген", "проф", "акад", "тыс", "млн", "млрд", "руб", "грн", "др", "пр", "см", "ст",
            "вул", "ім");
    private static final Set<String> BEFORE_NUMBER = Set.of("no", "nos", "vol", "art", "fig", "p", "pp", "para",
            "ch", "sec", "op", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> NEVER_ENDS = Set.of("i.e", "e.g", "viz", "et al", "al", "т.е", "т.д", "т.п",
            "т.к", "т.зв");
    private static final java.util.regex.Pattern INITIALISM = java.util.regex.Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final Set<String> SENTENCE_OPENERS = Set.of("the", "a", "an", "it", "he", "she", "they", "we",
            "i", "this", "that", "these", "those", "but", "and", "in", "on", "at", "its", "his", "her", "their",
            "there", "however", "meanwhile", "also", "as", "after", "before", "when", "while", "if", "for", "so",
            "yet", "according", "officials", "such", "some", "many", "last", "earlier", "later", "one");
    private static final String CLOSERS = "\"'”’)]}»」』】〕）";

    private TextSegmenter() {
    }

    /** Segments {@code text}; see the class comment for the rules. */
    public static Segmentation segment(String text) {
        return segment(text.toCharArray(), text.length());
    }

    /**
     * Segments the first {@code length} chars of {@code text}: the same as {@link #segment(String)} for a caller
     * that already holds the text as an array.
     */
    public static Segmentation segment(char[] text, int length) {
        int[] marks = new int[64];
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (isMark(text[i])) {
                if (n == marks.length) {
                    marks = java.util.Arrays.copyOf(marks, n * 2);
                }
                marks[n++] = i;
            }
        }
        return segment(text, length, marks, n);
    }

    /**
     * Whether a char is one the segmenter must look at: a line break or a sentence-ending mark. Everything else
     * only continues the current sentence, so a caller that has already read the text (the tagger's scanner) can
     * collect these positions and spare the segmenter a pass of its own.
     */
    public static boolean isMark(char c) {
        return c == '\n' || c == '.' || c == '?' || c == '!' || c == '…' || c == '。' || c == '！' || c == '？'
                || c == '．';
    }

    /**
     * Segments a text given the positions of its {@link #isMark marks}, in increasing order ({@code markCount} of
     * them): paragraphs end at blank lines, sentences at the marks the rules accept.
     */
    public static Segmentation segment(char[] text, int length, int[] marks, int markCount) {
        List<Segmentation.Paragraph> paragraphs = new ArrayList<>();
        List<Segmentation.Sentence> sentences = new ArrayList<>();
        int paraStart = skipSpace(text, 0, length);
        int m = 0;
        while (paraStart < length) {
            // the paragraph runs to the first blank line: a newline followed by only whitespace up to a newline
            int paraEnd = length;
            int next = length;
            for (int k = m; k < markCount; k++) {
                int nl = marks[k];
                if (nl < paraStart || text[nl] != '\n') {
                    continue;
                }
                int j = nl + 1;
                while (j < length && text[j] != '\n' && isSpace(text[j])) {
                    j++;
                }
                if (j < length && text[j] == '\n') {
                    paraEnd = nl;
                    next = j;
                    break;
                }
            }
            int end = trimEnd(text, paraStart, paraEnd);
            if (end > paraStart) {
                m = addParagraph(text, paraStart, end, marks, m, markCount, paragraphs, sentences);
            }
            while (m < markCount && marks[m] < next) {
                m++;
            }
            paraStart = skipSpace(text, next, length);
        }
        return new Segmentation(paragraphs, sentences);
    }

    private static int addParagraph(char[] text, int start, int end, int[] marks, int m, int markCount,
                                    List<Segmentation.Paragraph> paragraphs, List<Segmentation.Sentence> sentences) {
        int index = paragraphs.size();
        paragraphs.add(new Segmentation.Paragraph(index, start, end));
        int sentenceStart = start;
        int k = m;
        while (k < markCount && marks[k] < end) {
            int i = marks[k];
            if (i < sentenceStart || text[i] == '\n') {
                k++;
                continue;
            }
            int boundary = boundaryAfter(text, i, end);
            if (boundary > 0) {
                addSentence(text, sentenceStart, boundary, index, sentences);
                sentenceStart = skipSpace(text, boundary, end);
                int resume = Math.max(boundary, sentenceStart);
                while (k < markCount && marks[k] < resume) {
                    k++;
                }
            } else {
                k++;
            }
        }
        if (sentenceStart < end) {
            addSentence(text, sentenceStart, end, index, sentences);
        }
        return k;
    }

    private static void addSentence(char[] text, int start, int end, int paragraph,
                                    List<Segmentation.Sentence> sentences) {
        int s = skipSpace(text, start, end);
        int e = trimEnd(text, s, end);
        if (e > s) {
            sentences.add(new Segmentation.Sentence(sentences.size(), paragraph, s, e));
        }
    }

    /** The end of a sentence whose terminal mark is at {@code i}, or -1 when {@code i} ends no sentence. */
    private static int boundaryAfter(char[] text, int i, int end) {
        char c = text[i];
        if (c == '．' && i > 0 && i + 1 < end && isDigit(text[i - 1]) && isDigit(text[i + 1])) {
            // a full-width decimal point: ３．５
            return -1;
        }
        if (c == '。' || c == '！' || c == '？' || c == '．') {
            int j = i + 1;
            while (j < end && ("。！？".indexOf(text[j]) >= 0 || CLOSERS.indexOf(text[j]) >= 0)) {
                j++;
            }
            return j;
        }
        boolean stop = c == '.' || c == '…';
        if (!stop && c != '?' && c != '!') {
            return -1;
        }
        int j = i + 1;
        while (j < end && ".…?!".indexOf(text[j]) >= 0) {
            j++;
        }
        int marksEnd = j;
        while (j < end && CLOSERS.indexOf(text[j]) >= 0) {
            j++;
        }
        if (j == end) {
            return end;
        }
        if (!isSpace(text[j])) {
            return -1;
        }
        int k = skipSpace(text, j, end);
        char nextChar = text[k];
        if (Character.isLowerCase(nextChar) || ",;:".indexOf(nextChar) >= 0) {
            return -1;
        }
        boolean singlePeriod = c == '.' && marksEnd - i == 1;
        if (singlePeriod && !abbreviationEndsSentence(text, i, k, end)) {
            return -1;
        }
        return j;
    }

    private static boolean abbreviationEndsSentence(char[] text, int period, int next, int end) {
        int w = period;
        while (w > 0 && !isSpace(text[w - 1]) && "\"'“‘(".indexOf(text[w - 1]) < 0) {
            w--;
        }
        if (period - w > 6) {
            boolean dotted = false;
            for (int i = w; i < period && !dotted; i++) {
                dotted = text[i] == '.';
            }
            if (!dotted) {
                // longer than every abbreviation the lists know, and not an initialism: an ordinary word
                return true;
            }
        }
        // the word is compared in place with the listed words of its length: nearly every period ends an ordinary
        // word, and copying and lower-casing each one cost more than the rest of the segmentation
        int length = period - w;
        String listed = listed(text, w, length);
        if (listed != null && (TITLES.contains(listed) || NEVER_ENDS.contains(listed))) {
            return false;
        }
        if (listed != null && BEFORE_NUMBER.contains(listed) && Character.isDigit(text[next])) {
            return false;
        }
        if (length == 1 && Character.isUpperCase(text[w])) {
            return false;
        }
        // an initialism has a period inside it: most words before a period have none, and need no regex
        if (hasPeriod(text, w, period)
                && INITIALISM.matcher(new String(text, w, length).toLowerCase(Locale.ROOT)).matches()) {
            int e = next;
            while (e < end && Character.isLetter(text[e])) {
                e++;
            }
            return SENTENCE_OPENERS.contains(new String(text, next, e - next).toLowerCase(Locale.ROOT));
        }
        return true;
    }

    /** The words of {@link #TITLES}, {@link #NEVER_ENDS} and {@link #BEFORE_NUMBER} by their length. */
    private static final String[][] LISTED = byLength(TITLES, NEVER_ENDS, BEFORE_NUMBER);

    @SafeVarargs
    private static String[][] byLength(Set<String>... sets) {
        int longest = 0;
        for (Set<String> set : sets) {
            for (String word : set) {
                longest = Math.max(longest, word.length());
            }
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            lists.add(new ArrayList<>());
        }
        for (Set<String> set : sets) {
            for (String word : set) {
                lists.get(word.length()).add(word);
            }
        }
        String[][] out = new String[longest + 1][];
        for (int i = 0; i <= longest; i++) {
            out[i] = lists.get(i).toArray(String[]::new);
        }
        return out;
    }

    /**
     * The listed word that {@code text[from, from + length)} lower-cased ({@code toLowerCase(Locale.ROOT)}) is, or
     * null. İ, the one character whose lower case is longer than itself, is in none of them.
     */
    private static String listed(char[] text, int from, int length) {
        if (length >= LISTED.length) {
            return null;
        }
        for (String word : LISTED[length]) {
            int i = 0;
            while (i < length && text[from + i] != '\u0130'
                    && Character.toLowerCase(text[from + i]) == word.charAt(i)) {
                i++;
            }
            if (i == length) {
                return word;
            }
        }
        return null;
    }

    private static boolean hasPeriod(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == '.') {
                return true;
            }
        }
        return false;
    }

    /** Whitespace including the no-break and other Unicode spaces a web page leaves in text. */
    private static boolean isDigit(char c) {
        return Character.isDigit(c);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static int skipSpace(char[] text, int from, int to) {
        int i = from;
        while (i < to && isSpace(text[i])) {
            i++;
        }
        return i;
    }

    private static int trimEnd(char[] text, int from, int to) {
        int e = to;
        while (e > from && isSpace(text[e - 1])) {
            e--;
        }
        return e;
    }
}
