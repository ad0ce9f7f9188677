package io.newswatch.streams.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a fixed set of phrases in one pass over folded text, with an Aho–Corasick automaton
 * (Aho &amp; Corasick, "Efficient string matching", CACM 18(6), 1975): the cost is linear in the text plus the
 * matches, whatever the number of phrases.
 *
 * <p>A phrase matches whole words: the characters either side of it must not continue a word. Scripts written
 * without spaces (Han, kana) have no word boundary; a Hangul phrase needs one on its left only, because Korean
 * particles attach to the right ({@code 북한은}). A phrase ending in {@code *} is a prefix: it matches any word that
 * starts with it, and the match extends to the end of that word.
 */
public final class PhraseMatcher {
    /** One occurrence: the phrase index and its span, both in folded and in original offsets. */
    public record Match(int phrase, int foldedStart, int foldedEnd, int start, int end) {
    }

    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private int[] fail = new int[0];
    private final List<int[]> outputs = new ArrayList<>();
    private final int[] lengths;
    private final boolean[] prefix;

    /**
     * Compiles the phrases.
     *
     * @throws IllegalArgumentException when a phrase folds to nothing or has a {@code *} anywhere but at its end
     */
    public PhraseMatcher(List<String> phrases) {
        lengths = new int[phrases.size()];
        prefix = new boolean[phrases.size()];
        next.add(new HashMap<>());
        outputs.add(new int[0]);
        for (int p = 0; p < phrases.size(); p++) {
            String raw = phrases.get(p).strip();
            boolean isPrefix = raw.endsWith("*");
            String body = isPrefix ? raw.substring(0, raw.length() - 1) : raw;
            if (body.indexOf('*') >= 0) {
                throw new IllegalArgumentException("'" + raw + "': a * is only allowed at the end");
            }
            String f = FoldedText.foldPattern(body);
            if (f.isEmpty()) {
                throw new IllegalArgumentException("'" + raw + "' has no letters to match");
            }
            lengths[p] = f.length();
            prefix[p] = isPrefix;
            int node = 0;
            for (int k = 0; k < f.length(); k++) {
                Integer child = next.get(node).get(f.charAt(k));
                if (child == null) {
                    child = next.size();
                    next.get(node).put(f.charAt(k), child);
                    next.add(new HashMap<>());
                    outputs.add(new int[0]);
                }
                node = child;
            }
            outputs.set(node, append(outputs.get(node), p));
        }
        buildFailureLinks();
    }

    private void buildFailureLinks() {
        fail = new int[next.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Map.Entry<Character, Integer> e : next.get(node).entrySet()) {
                int child = e.getValue();
                int f = fail[node];
                while (f != 0 && !next.get(f).containsKey(e.getKey())) {
                    f = fail[f];
                }
                Integer target = next.get(f).get(e.getKey());
                fail[child] = target != null && target != child ? target : 0;
                int[] inherited = outputs.get(fail[child]);
                if (inherited.length > 0) {
                    int[] merged = Arrays.copyOf(outputs.get(child), outputs.get(child).length + inherited.length);
                    System.arraycopy(inherited, 0, merged, outputs.get(child).length, inherited.length);
                    outputs.set(child, merged);
                }
                queue.add(child);
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** Every whole-word occurrence of every phrase, ordered by end position. */
    public List<Match> findAll(FoldedText text) {
        String s = text.folded();
        List<Match> found = new ArrayList<>();
        int node = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            while (node != 0 && !next.get(node).containsKey(c)) {
                node = fail[node];
            }
            Integer to = next.get(node).get(c);
            node = to == null ? 0 : to;
            for (int p : outputs.get(node)) {
                int start = i + 1 - lengths[p];
                int end = i + 1;
                if (!leftBoundary(s, start)) {
                    continue;
                }
                if (prefix[p]) {
                    while (end < s.length() && continuesWord(s.charAt(end - 1), s.charAt(end))) {
                        end++;
                    }
                } else if (!rightBoundary(s, end)) {
                    continue;
                }
                found.add(new Match(p, start, end, text.originalStart(start), text.originalEnd(end - 1)));
            }
        }
        return found;
    }

    private static boolean leftBoundary(String s, int start) {
        if (start == 0) {
            return true;
        }
        char edge = s.charAt(start);
        char before = s.charAt(start - 1);
        if (isUnspaced(edge)) {
            return true;
        }
        if (isHangul(edge)) {
            return !isHangul(before);
        }
        return !continuesWord(edge, before);
    }

    private static boolean rightBoundary(String s, int end) {
        if (end == s.length()) {
            return true;
        }
        char edge = s.charAt(end - 1);
        return isUnspaced(edge) || isHangul(edge) || !continuesWord(edge, s.charAt(end));
    }

    /** Whether {@code other} next to {@code edge} makes them one word. */
    private static boolean continuesWord(char edge, char other) {
        if (!Character.isLetterOrDigit(other)) {
            return false;
        }
        if (isHangul(edge) || isUnspaced(edge)) {
            return isHangul(edge) ? isHangul(other) : false;
        }
        return !isHangul(other) && !isUnspaced(other);
    }

    private static boolean isHangul(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }

    private static boolean isUnspaced(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}
