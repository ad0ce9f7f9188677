package io.newswatch.alerts.receiver;

import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.alerts.template.Proofs;
import io.newswatch.model.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an alert as a short plain-text block for people:
 *
 * <pre>
 * [critical] sanctions-violation  Ship-to-ship transfer off Nakhodka
 *   "Satellite images show a tanker transferring oil to a North Korean vessel."
 *   - RU → KP · petroleum · Nakhodka · asserted (the coast guard)
 *   https://example.org/news/1
 * </pre>
 *
 * <p>The evidence line is the proof, the first decisive evidence sentence ({@link Alert#firstEvidence()}); one
 * {@code - } line per violation event follows it ({@link Proofs#eventLines}: at most
 * {@value Proofs#MAX_EVENT_LINES}, then {@code +N more events}). The evidence line is left out when the alert
 * has no evidence, the URL line when it has no URL. Every field
 * comes from scraped pages, so control characters (including terminal escape sequences) are replaced, line
 * breaks folded into spaces and bidirectional controls made spaces: a hostile page can neither recolour a terminal,
 * forge extra lines nor have its text shown reordered. Stateless and thread-safe.
 */
public final class AlertFormatter {
    private static final int MAX_EVIDENCE_CHARS = 400;
    private static final String INDENT = "  ";

    /** The block's lines, without line terminators: header, then evidence, events and URL when present. */
    public List<String> lines(Alert alert) {
        List<String> lines = new ArrayList<>(3);
        lines.add(header(alert));
        String evidence = evidenceLine(alert);
        if (!evidence.isEmpty()) {
            lines.add(evidence);
        }
        lines.addAll(eventLines(alert));
        String link = linkLine(alert);
        if (!link.isEmpty()) {
            lines.add(link);
        }
        return lines;
    }

    /** The block as one string, lines separated by {@code \n}, no trailing newline. */
    public String format(Alert alert) {
        return String.join("\n", lines(alert));
    }

    /**
     * {@code [severity] rule-id  Title}; an update of an alert (the story carried by more outlets) ends with
     * {@code  (update: also reported by N outlets)}.
     */
    public String header(Alert alert) {
        String title = clean(alert.title());
        int others = alert.alsoReportedBy().size();
        return '[' + severity(alert) + "] " + orDash(clean(alert.ruleId())) + "  "
                + (title.isEmpty() ? "(untitled)" : title)
                + (alert.revision() > 0 ? "  (update: also reported by " + others + " outlet" + (others == 1 ? "" : "s")
                + ")" : "");
    }

    /**
     * The indented, quoted first decisive evidence sentence (shortened past 400 characters), or "" when there is
     * none.
     */
    public String evidenceLine(Alert alert) {
        String evidence = clean(alert.firstEvidence());
        if (evidence.isEmpty()) {
            return "";
        }
        if (evidence.length() > MAX_EVIDENCE_CHARS) {
            evidence = evidence.substring(0, MAX_EVIDENCE_CHARS - 1) + "…";
        }
        return INDENT + '"' + evidence + '"';
    }

    /**
     * One indented {@code - summary} line per violation event, at most {@value Proofs#MAX_EVENT_LINES},
     * then {@code +N more events}; empty when the alert has none.
     */
    public List<String> eventLines(Alert alert) {
        return Proofs.eventLines(alert).stream()
                .map(line -> INDENT + (line.startsWith("+") ? line : "- " + withoutBidiControls(line))).toList();
    }

    /** The indented URL, or "" when the alert has none. */
    public String linkLine(Alert alert) {
        String url = clean(alert.url());
        return url.isEmpty() ? "" : INDENT + url;
    }

    /** The alert's severity in lower case; {@code info} when the alert has none. */
    public static String severity(Alert alert) {
        String s = clean(alert.severity()).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "info" : s;
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    /**
     * Folds whitespace runs (line breaks included) into one space, replaces other control characters and makes
     * bidirectional controls spaces ({@link #withoutBidiControls}).
     */
    static String clean(String s) {
        return withoutBidiControls(AlertTemplates.clean(s));
    }

    /**
     * The text with the bidirectional embeddings, overrides and isolates of Unicode TR #9 (U+202A to U+202E, U+2066
     * to U+2069) as spaces: a terminal that honours them would show scraped text reordered, so that a headline or a
     * place could read as something else. Only here, for terminals: mail and chat clients render them as
     * the page meant, and a right-to-left script needs none of them to show correctly.
     */
    static String withoutBidiControls(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }
}
