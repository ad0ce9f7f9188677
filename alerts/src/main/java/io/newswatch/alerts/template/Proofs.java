package io.newswatch.alerts.template;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an alert shows as its proof besides the one decisive sentence: the one-line summaries of its violation
 * events and the rest of its evidence, folded to one line each, cut and capped, for every receiver alike. Scraped
 * text is in all of it (places, attributions, sentences), so every line is bounded here and each receiver escapes
 * it for its own channel. Stateless and thread-safe.
 */
public final class Proofs {
    /** Event summary lines a message shows; the rest are counted in one {@code +N more events} line. */
    public static final int MAX_EVENT_LINES = 5;
    /** Characters an event summary line may take before it is cut (scraped places and attributions are in it). */
    public static final int MAX_EVENT_CHARS = 300;
    /** Evidence items besides the proof that an e-mail lists; the rest are counted. */
    public static final int MAX_OTHER_EVIDENCE = 8;
    /** Characters an evidence sentence may take in a list of evidence. */
    public static final int MAX_EVIDENCE_CHARS = 600;

    private Proofs() {
    }

    /**
     * The one-line summaries of an alert's violation events ({@link ViolationEvent#summary()}) as a message shows
     * them: line breaks and control characters folded ({@link AlertTemplates#clean}), each cut to
     * {@value #MAX_EVENT_CHARS} characters, at most {@value #MAX_EVENT_LINES}, then {@code +N more events} when there are more. Not escaped
     * for any markup: the caller escapes for its channel. Empty without events.
     */
    public static List<String> eventLines(Alert alert) {
        List<ViolationEvent> events = alert.events();
        List<String> lines = new ArrayList<>(Math.min(events.size(), MAX_EVENT_LINES) + 1);
        for (ViolationEvent event : events.subList(0, Math.min(events.size(), MAX_EVENT_LINES))) {
            lines.add(cut(AlertTemplates.clean(event.summary()), MAX_EVENT_CHARS));
        }
        if (events.size() > MAX_EVENT_LINES) {
            int more = events.size() - MAX_EVENT_LINES;
            lines.add("+" + more + " more event" + (more == 1 ? "" : "s"));
        }
        return lines;
    }

    /**
     * Every evidence item but the proof ({@link Evidence#firstDecisive}), decisive items first, each sentence once:
     * what a message that lists all the evidence shows below the proof.
     */
    public static List<Evidence> otherEvidence(Alert alert) {
        Evidence proof = Evidence.firstDecisive(alert.evidence());
        List<Evidence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (proof != null) {
            seen.add(AlertTemplates.clean(proof.text()));
        }
        for (boolean decisive : new boolean[] {true, false}) {
            for (Evidence e : alert.evidence()) {
                String sentence = AlertTemplates.clean(e.text());
                if (e.isDecisive() == decisive && !sentence.isEmpty() && seen.add(sentence)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static String otherEvidenceText(List<Evidence> others) {
        StringBuilder out = new StringBuilder();
        for (Evidence e : others.subList(0, Math.min(others.size(), MAX_OTHER_EVIDENCE))) {
            out.append("  ").append(e.isDecisive() ? "" : "[context] ").append('"')
                    .append(cut(AlertTemplates.clean(e.text()), MAX_EVIDENCE_CHARS)).append("\"\n");
        }
        if (others.size() > MAX_OTHER_EVIDENCE) {
            out.append("  +").append(others.size() - MAX_OTHER_EVIDENCE).append(" more\n");
        }
        return out.toString();
    }

    static String otherEvidenceHtml(List<Evidence> others) {
        if (others.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ul style=\"color: #555;\">");
        for (Evidence e : others.subList(0, Math.min(others.size(), MAX_OTHER_EVIDENCE))) {
            String sentence = cut(AlertTemplates.clean(e.text()), MAX_EVIDENCE_CHARS);
            out.append("<li>").append(e.isDecisive() ? "" : "<em>context:</em> ")
                    .append(AlertTemplates.escapeHtml(sentence)).append("</li>");
        }
        if (others.size() > MAX_OTHER_EVIDENCE) {
            out.append("<li>+").append(others.size() - MAX_OTHER_EVIDENCE).append(" more</li>");
        }
        return out.append("</ul>\n").toString();
    }

    /** The text cut to {@code max} characters, the last one an ellipsis when cut. */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
