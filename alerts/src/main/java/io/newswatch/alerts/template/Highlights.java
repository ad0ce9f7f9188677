package io.newswatch.alerts.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Marks the words a rule matched inside an evidence sentence, for any markup: HTML {@code <mark>}, Slack
 * {@code *bold*}.
 *
 * <p>Each term is looked up case-insensitively as a whole word (no letter or digit right before or after it), every
 * occurrence is marked, and overlapping or touching matches are merged so the markup never nests. Terms that do not
 * occur are ignored. Text between and inside marks goes through the caller's escaper, the mark strings do not.
 * Stateless and thread-safe.
 */
public final class Highlights {
    private Highlights() {
    }

    /**
     * The text with every matched term wrapped in {@code open}/{@code close}.
     *
     * @param text   the sentence, or null (rendered as "")
     * @param terms  the matched terms, null or blank ones skipped
     * @param escape applied to every piece of the text, never to {@code open}/{@code close}
     */
    public static String mark(String text, List<String> terms, UnaryOperator<String> escape, String open,
                              String close) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<int[]> ranges = ranges(text, terms);
        StringBuilder out = new StringBuilder(text.length() + ranges.size() * (open.length() + close.length()));
        int at = 0;
        for (int[] r : ranges) {
            out.append(escape.apply(text.substring(at, r[0])))
                    .append(open).append(escape.apply(text.substring(r[0], r[1]))).append(close);
            at = r[1];
        }
        return out.append(escape.apply(text.substring(at))).toString();
    }

    /** Sorted, non-overlapping {@code [start, end)} ranges of whole-word, case-insensitive term occurrences. */
    static List<int[]> ranges(String text, List<String> terms) {
        List<int[]> found = new ArrayList<>();
        if (terms != null) {
            String haystack = text.toLowerCase(Locale.ROOT);
            for (String term : terms) {
                if (term == null || term.isBlank()) {
                    continue;
                }
                String needle = term.strip().toLowerCase(Locale.ROOT);
                // lower-casing can change lengths (rare letters); then offsets would lie, so skip such a term
                if (haystack.length() != text.length() || needle.length() != term.strip().length()) {
                    continue;
                }
                for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
                    int end = i + needle.length();
                    if (isWordChar(text, i - 1) || isWordChar(text, end)) {
                        continue;
                    }
                    found.add(new int[] {i, end});
                }
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>(found.size());
        for (int[] r : found) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private static boolean isWordChar(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }
}
