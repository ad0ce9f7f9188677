package io.newswatch.streams.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits plain text into paragraphs and sentences (newswatch DESIGN.md, "The tagging semantics of the default
 * ruleset": boundaries must be real ones).
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
        List<Segmentation.Paragraph> paragraphs = new ArrayList<>();
        List<Segmentation.Sentence> sentences = new ArrayList<>();
        int paraStart = -1;
        int paraEnd = -1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            int first = skipSpace(text, lineStart, lineEnd);
            if (first == lineEnd) {
                if (paraStart >= 0) {
                    addParagraph(text, paraStart, paraEnd, paragraphs, sentences);
                    paraStart = -1;
                }
            } else {
                if (paraStart < 0) {
                    paraStart = first;
                }
                paraEnd = trimEnd(text, first, lineEnd);
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        if (paraStart >= 0) {
            addParagraph(text, paraStart, paraEnd, paragraphs, sentences);
        }
        return new Segmentation(paragraphs, sentences);
    }

    private static void addParagraph(String text, int start, int end, List<Segmentation.Paragraph> paragraphs,
                                     List<Segmentation.Sentence> sentences) {
        int index = paragraphs.size();
        paragraphs.add(new Segmentation.Paragraph(index, start, end));
        int sentenceStart = start;
        int i = start;
        while (i < end) {
            int boundary = boundaryAfter(text, i, end);
            if (boundary > 0) {
                addSentence(text, sentenceStart, boundary, index, sentences);
                sentenceStart = skipSpace(text, boundary, end);
                i = Math.max(boundary, sentenceStart);
            } else {
                i++;
            }
        }
        if (sentenceStart < end) {
            addSentence(text, sentenceStart, end, index, sentences);
        }
    }

    private static void addSentence(String text, int start, int end, int paragraph,
                                    List<Segmentation.Sentence> sentences) {
        int s = skipSpace(text, start, end);
        int e = trimEnd(text, s, end);
        if (e > s) {
            sentences.add(new Segmentation.Sentence(sentences.size(), paragraph, s, e));
        }
    }

    /** The end of a sentence whose terminal mark is at {@code i}, or -1 when {@code i} ends no sentence. */
    private static int boundaryAfter(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '。' || c == '！' || c == '？' || c == '．') {
            int j = i + 1;
            while (j < end && ("。！？".indexOf(text.charAt(j)) >= 0 || CLOSERS.indexOf(text.charAt(j)) >= 0)) {
                j++;
            }
            return j;
        }
        boolean stop = c == '.' || c == '…';
        if (!stop && c != '?' && c != '!') {
            return -1;
        }
        int j = i + 1;
        while (j < end && ".…?!".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        int marksEnd = j;
        while (j < end && CLOSERS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        if (j == end) {
            return end;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return -1;
        }
        int k = skipSpace(text, j, end);
        char nextChar = text.charAt(k);
        if (Character.isLowerCase(nextChar) || ",;:".indexOf(nextChar) >= 0) {
            return -1;
        }
        boolean singlePeriod = c == '.' && marksEnd - i == 1;
        if (singlePeriod && !abbreviationEndsSentence(text, i, k, end)) {
            return -1;
        }
        return j;
    }

    private static boolean abbreviationEndsSentence(String text, int period, int next, int end) {
        int w = period;
        while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && "\"'“‘(".indexOf(text.charAt(w - 1)) < 0) {
            w--;
        }
        String word = text.substring(w, period);
        String lower = word.toLowerCase(Locale.ROOT);
        if (TITLES.contains(lower) || NEVER_ENDS.contains(lower)) {
            return false;
        }
        if (BEFORE_NUMBER.contains(lower) && Character.isDigit(text.charAt(next))) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (INITIALISM.matcher(lower).matches()) {
            int e = next;
            while (e < end && Character.isLetter(text.charAt(e))) {
                e++;
            }
            return SENTENCE_OPENERS.contains(text.substring(next, e).toLowerCase(Locale.ROOT));
        }
        return true;
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int e = to;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
