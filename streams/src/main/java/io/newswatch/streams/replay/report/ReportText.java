package io.newswatch.streams.replay.report;

import io.newswatch.model.ViolationEvent;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Text helpers shared by the replay reports: turning untrusted article text into one safe line, shortening it,
 * and formatting durations and rates the same way in every report.
 *
 * <p>Every formatter here uses {@link Locale#ROOT} so that reports do not change with the machine's locale.
 */
final class ReportText {
    /** How long a quoted evidence sentence may get in the terminal before it is cut. */
    static final int EVIDENCE_CHARS = 160;
    /** How long an event summary may get in a report before it is cut (places and attributions are scraped). */
    static final int SUMMARY_CHARS = 300;

    private ReportText() {
    }

    /**
     * Makes untrusted text safe to print as one terminal line: control characters (including ESC, so no terminal
     * escape sequences get through) and line breaks become spaces and runs of whitespace collapse to one.
     *
     * @return the cleaned text, {@code ""} for {@code null}
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (blank) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Cuts text to at most {@code max} characters, ending it with an ellipsis when cut and never splitting a
     * surrogate pair.
     */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /**
     * The proof of a match, its first decisive evidence sentence ({@link ReplayMatch#proof()}), as one shortened
     * line, {@code ""} when it has none.
     */
    static String firstEvidence(ReplayMatch match) {
        return match.proof() == null ? "" : shorten(oneLine(match.proof().text()), EVIDENCE_CHARS);
    }

    /** An event's summary ({@link ViolationEvent#summary()}) as one shortened line. */
    static String summary(ViolationEvent event) {
        return shorten(oneLine(event.summary()), SUMMARY_CHARS);
    }

    /** A wall time for people: {@code 850 ms}, {@code 4.2 s} or {@code 3 min 07 s}. */
    static String duration(Duration took) {
        long millis = took.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = took.toSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** Articles per second, without decimals once it is large enough for them not to matter. */
    static String rate(double perSecond) {
        return perSecond >= 100
                ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /**
     * Every rule id of a result, sorted: the rules of the ruleset plus any rule that matched without being in it
     * (which should not happen, but then its matches are still counted rather than dropped).
     */
    static List<String> ruleIds(ReplayResult result) {
        TreeSet<String> ids = new TreeSet<>(result.rules().keySet());
        result.matches().forEach(m -> ids.add(m.ruleId()));
        return new ArrayList<>(ids);
    }

    /** The rules of a diff sorted by id, whatever order the caller built them in. */
    static List<RuleDiff> sortedRules(List<RuleDiff> rules) {
        return rules.stream().sorted(Comparator.comparing(RuleDiff::ruleId)).toList();
    }

    /** What a rule's presence in the two rulesets means, for the diff headings; {@code ""} when in both. */
    static String presence(RuleDiff rule) {
        if (rule.inOld() && !rule.inNew()) {
            return "removed in new";
        }
        if (!rule.inOld() && rule.inNew()) {
            return "added in new";
        }
        return "";
    }

    /**
     * Writes a whole report as UTF-8, creating missing parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    static void writeUtf8(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
