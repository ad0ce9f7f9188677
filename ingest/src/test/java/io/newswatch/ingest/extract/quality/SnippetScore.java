package io.newswatch.ingest.extract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The score of trafilatura's evaluation on its snippet set (adbar/trafilatura, {@code tests/evaldata.json}): each
 * page lists a few segments that belong to the main text ({@code with}) and a few that do not ({@code without}).
 * Whitespace runs become one space in the extracted text and in every segment; a {@code with} segment found as a
 * substring is a true positive (else a false negative), a {@code without} segment found is a false positive (else a
 * true negative). Counts are summed over all pages, so precision, recall and F1 are micro figures. Not thread-safe.
 */
final class SnippetScore {
    /** Python's str.split() whitespace, which the original scorer uses: Unicode spaces, no-break space included. */
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    int tp;
    int fp;
    int fn;
    int tn;
    int pages;

    /** Scores one page and returns how many of its segments were judged wrongly, for lists of the worst pages. */
    int add(String predicted, JsonNode truth) {
        String text = normalise(predicted);
        int wrong = 0;
        pages++;
        for (JsonNode segment : truth.path("with")) {
            if (text.contains(normalise(segment.asText()))) {
                tp++;
            } else {
                fn++;
                wrong++;
            }
        }
        for (JsonNode segment : truth.path("without")) {
            if (text.contains(normalise(segment.asText()))) {
                fp++;
                wrong++;
            } else {
                tn++;
            }
        }
        return wrong;
    }

    double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double accuracy() {
        int all = tp + fp + fn + tn;
        return all == 0 ? 0 : (double) (tp + tn) / all;
    }

    String summary() {
        return String.format("%d pages: precision %.3f, recall %.3f, F1 %.3f, accuracy %.3f (TP %d, FP %d, FN %d)",
                pages, precision(), recall(), f1(), accuracy(), tp, fp, fn);
    }

    static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
