package io.newswatch.tagger.internal;

import java.util.regex.Pattern;

/**
 * Tells page furniture from prose. A scraper that keeps the whole page hands the tagger its headline with the view
 * counter and date glued on, menus, bylines, banners, lists of related headlines, captions and share bars, each on
 * lines of their own; such a line may name every entity a rule asks for, but it is not the sentence that proves a
 * tag. {@link EvidenceRoles} demotes it to context whenever a prose sentence proves the same tag.
 *
 * <p>A sentence is not prose when one of its lines:
 * <ul>
 *   <li>holds only figures (a view counter, a date, a time);</li>
 *   <li>ends with a counter and a date ({@code ... 137 28.09.2023}), a reading time or a view count;</li>
 *   <li>is a menu, byline or breadcrumb: fields separated by {@code " | "}, {@code " · "} or {@code " > "};</li>
 *   <li>opens as a related-stories list, a tag list, a caption or a share bar does ("Read also:", "Tags:",
 *       "Photo:", "Читайте также", "관련 기사", "相关阅读", ...);</li>
 *   <li>is a caption: it ends with a photo credit in parentheses, or stands wholly in parentheses;</li>
 *   <li>ends its paragraph cut off with an ellipsis right after a letter (a teaser of another story);</li>
 *   <li>ends its paragraph without the punctuation that ends a sentence, and is short (a headline, a name, a
 *       label).</li>
 * </ul>
 * Lines longer than {@value #MAX_LINE} characters are prose, so a line costs a bounded amount whatever its length.
 */
public final class PageLines {
    /** Longest line, in words, that is taken for a headline when it lacks a final full stop. */
    static final int MAX_HEADLINE_WORDS = 30;
    /** The same for text without spaces between words (Chinese, Japanese), in characters. */
    static final int MAX_HEADLINE_CHARS = 60;
    private static final int WINDOW = 120;
    /** Page furniture is short; a longer line is prose, and is not read at all. */
    static final int MAX_LINE = 600;
    private static final String TERMINALS = ".!?…。！？．";
    private static final String CLOSERS = "\"'”’)]}»」』】〕）›";
    private static final Pattern COUNTER_AND_DATE = Pattern.compile(
            "(?U)(?:\\s\\d[\\d,. ]*\\s+\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?"
                    + "|\\s\\d+\\s*(?:min read|minutes? read|мин|хв)\\.?|\\s[\\d,.]+\\s+(?:views|просмотр\\w*|переглян\\w*))$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT = Pattern.compile(
            "(?U)[(（](?:file photo|photo\\b[^)）]*|photos\\b[^)）]*|фото\\b[^)）]*|사진[^)）]*|图[^)）]*|资料图[^)）]*"
                    + "|kcna|yonhap|reuters|ap|afp|epa|getty[^)）]*|\\w+ images?)[)）]$",
            Pattern.CASE_INSENSITIVE);
    private static final String[] OPENERS = {"read also", "read more", "also read", "see also", "related:", "related stories",
        "related articles", "related coverage", "related news", "related publications", "related reading", "more from",
        "more on ", "most read", "most popular", "tags:", "tag:", "topics:", "photo:", "photos:", "caption:", "share",
        "watch:", "listen:", "читайте", "смотрите также", "теги:", "фото:", "поделиться", "дивіться також",
        "поширити", "[사진]", "[앵커]", "관련 기사", "관련기사", "관련 뉴스", "많이 본", "공유", "图片说明", "图片来源",
        "相关阅读", "相关新闻", "相关报道", "延伸阅读", "推荐阅读", "来源：", "责任编辑", "分享"};

    private PageLines() {
    }

    /** Whether a text of one or more lines, taken as a whole paragraph, reads as prose. */
    public static boolean isProse(String lines) {
        return isProse(lines, 0, lines.length());
    }

    /**
     * Whether the lines of {@code text} that the span {@code [start, end)} touches read as prose: each is read
     * whole, so a caption whose credit the segmenter cut off as a sentence of its own is still a caption. A line
     * ends its paragraph when a blank line or the end of the text follows it. A line longer than
     * {@value #MAX_LINE} characters is prose.
     */
    public static boolean isProse(String text, int start, int end) {
        int from = start;
        int limit = Math.max(0, start - MAX_LINE);
        while (from > limit && text.charAt(from - 1) != '\n') {
            from--;
        }
        if (from > 0 && text.charAt(from - 1) != '\n') {
            return true;
        }
        int n = text.length();
        while (from < n) {
            int lineEnd = from;
            int stop = Math.min(n, from + MAX_LINE + 1);
            while (lineEnd < stop && text.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            if (lineEnd - from <= MAX_LINE && !lineIsProse(text, from, lineEnd, endsParagraph(text, lineEnd))) {
                return false;
            }
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && lineEnd < end) {
                lineEnd++;
            }
            if (lineEnd >= n || lineEnd + 1 >= end || text.charAt(lineEnd) != '\n') {
                break;
            }
            from = lineEnd + 1;
        }
        return true;
    }

    private static boolean endsParagraph(String text, int lineEnd) {
        int i = lineEnd + 1;
        while (i < text.length() && text.charAt(i) != '\n' && isSpace(text.charAt(i))) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n';
    }

    static boolean lineIsProse(String text, int from, int to, boolean endsParagraph) {
        int s = from;
        int e = to;
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (s == e) {
            return true;
        }
        char first = text.charAt(s);
        char lastChar = text.charAt(e - 1);
        int k = e;
        while (k > s && CLOSERS.indexOf(text.charAt(k - 1)) >= 0) {
            k--;
        }
        boolean terminated = k > s && TERMINALS.indexOf(text.charAt(k - 1)) >= 0;
        if (terminated && lastChar != ')' && lastChar != '）' && lastChar != '…' && !text.startsWith("...", e - 3)) {
            // the common case, a line that ends like a sentence: only a related-story or caption opener, or a menu
            // at its start, makes it furniture
            return !opensAsFurniture(text, s) && !separated(text, s, Math.min(e, s + WINDOW / 2));
        }
        // cheap tests first: the regular expressions only run on a line whose last character could end a counter,
        // a date or a credit, so a prose line costs a few character comparisons
        if (e - s <= WINDOW && !hasLetter(text, s, e) && hasDigit(text, s, e)) {
            return false;
        }
        if (separated(text, s, Math.min(e, s + WINDOW)) || separated(text, Math.max(s, e - WINDOW), e)) {
            return false;
        }
        if ((Character.isDigit(lastChar) || Character.isLetter(lastChar) && Character.isLowerCase(lastChar))
                && COUNTER_AND_DATE.matcher(text).region(Math.max(s, e - WINDOW), e).find()) {
            return false;
        }
        if ((lastChar == ')' || lastChar == '）')
                && CREDIT.matcher(text).region(Math.max(s, e - WINDOW), e).find()) {
            return false;
        }
        if (opensAsFurniture(text, s)) {
            return false;
        }
        if ((first == '(' && lastChar == ')') || (first == '（' && lastChar == '）')) {
            return false;
        }
        if (!endsParagraph) {
            return true;
        }
        if (e - s >= 2 && Character.isLetter(text.charAt(e - 2)) && lastChar == '…'
                || e - s >= 4 && text.startsWith("...", e - 3) && Character.isLetter(text.charAt(e - 4))) {
            return false;
        }
        return terminated || !isShort(text, s, e);
    }

    /** Whether a line is short enough to be a headline or a label: few words, or few characters without spaces. */
    private static boolean isShort(String text, int s, int e) {
        int words = 0;
        boolean inWord = false;
        int letters = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                inWord = false;
            } else {
                letters++;
                if (!inWord) {
                    words++;
                    inWord = true;
                    if (words > MAX_HEADLINE_WORDS) {
                        return false;
                    }
                }
            }
        }
        return words > 1 || letters <= MAX_HEADLINE_CHARS;
    }

    /** Whether the line opens with one of {@link #OPENERS} as a whole word ("Share", not "Shares in ..."). */
    private static boolean opensAsFurniture(String text, int s) {
        for (String opener : OPENERS) {
            int after = s + opener.length();
            if (text.regionMatches(true, s, opener, 0, opener.length())
                    && (after >= text.length() || !Character.isLetter(opener.charAt(opener.length() - 1))
                        || !Character.isLetter(text.charAt(after)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [s, e)} holds a field separator: {@code " | "}, {@code " · "}, {@code " • "} or {@code " > "}. */
    private static boolean separated(String text, int s, int e) {
        for (int i = s + 1; i + 1 < e; i++) {
            char c = text.charAt(i);
            if ((c == '|' || c == '·' || c == '•' || c == '>') && text.charAt(i - 1) == ' '
                    && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
