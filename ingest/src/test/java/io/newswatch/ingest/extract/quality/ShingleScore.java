package io.newswatch.ingest.extract.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's score (Zyte's article-extraction-benchmark, v1.0.0): texts become runs of
 * {@code [\p{L}\p{N}_]+}, compared as multisets of 4-word shingles (a text of one to three words is one shingle);
 * per page precision TP/(TP+FP) and recall TP/(TP+FN), both 1 when the page has neither FP nor FN. Precision is
 * averaged over pages whose prediction has a shingle, recall over pages whose truth has one, and F1 is the harmonic
 * mean of the two means, not a mean of page F1s. Not thread-safe: one instance adds up one run.
 */
final class ShingleScore {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private double precisionSum;
    private int precisionPages;
    private double recallSum;
    private int recallPages;
    private int exact;
    private int pages;

    /** Scores one page and returns its own F1, for lists of the worst pages. */
    double add(String predicted, String truth) {
        List<String> p = words(predicted);
        List<String> t = words(truth);
        pages++;
        if (p.equals(t)) {
            exact++;
        }
        Map<String, Integer> ps = shingles(p);
        Map<String, Integer> ts = shingles(t);
        int tp = 0;
        int fp = 0;
        for (var e : ps.entrySet()) {
            int shared = Math.min(e.getValue(), ts.getOrDefault(e.getKey(), 0));
            tp += shared;
            fp += e.getValue() - shared;
        }
        int fn = 0;
        for (var e : ts.entrySet()) {
            fn += e.getValue() - Math.min(e.getValue(), ps.getOrDefault(e.getKey(), 0));
        }
        boolean perfect = fp == 0 && fn == 0;
        double precision = perfect ? 1 : tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = perfect ? 1 : tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        if (!ps.isEmpty()) {
            precisionSum += precision;
            precisionPages++;
        }
        if (!ts.isEmpty()) {
            recallSum += recall;
            recallPages++;
        }
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double precision() {
        return precisionSum / Math.max(1, precisionPages);
    }

    double recall() {
        return recallSum / Math.max(1, recallPages);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    int pages() {
        return pages;
    }

    String summary() {
        return String.format("%d pages: precision %.3f, recall %.3f, F1 %.3f, exact %.3f", pages, precision(),
                recall(), f1(), (double) exact / Math.max(1, pages));
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> shingles(List<String> words) {
        Map<String, Integer> out = new HashMap<>();
        if (words.isEmpty()) {
            return out;
        }
        if (words.size() < 4) {
            out.put(String.join(" ", words), 1);
            return out;
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }
}
