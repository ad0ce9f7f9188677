package io.newswatch.console.internal;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.util.List;
import java.util.Locale;

/**
 * One alert as the live list shows it: severity, rule, headline, outlet, time, the decisive sentence with the terms
 * the rule matched marked, the events' summaries, and the other outlets of the story. Every value is escaped
 * ({@link Html}); the headline links to the article only when its address is http or https.
 */
public final class AlertView {

    private AlertView() {
    }

    /** The alert as an {@code <li>} whose id names the alert and its revision. */
    public static String render(Alert alert) {
        String severity = alert.severity() == null ? "info" : alert.severity().toLowerCase(Locale.ROOT);
        StringBuilder html = new StringBuilder(512);
        html.append("<li class=\"alert sev-").append(Html.escape(severity)).append("\" id=\"alert-")
                .append(Html.escape(alert.id())).append('-').append(alert.revision()).append("\">");
        html.append("<div class=\"meta\"><span class=\"severity\">").append(Html.escape(severity))
                .append("</span> <span class=\"rule\">").append(Html.escape(alert.ruleTitle() == null
                        ? alert.ruleId() : alert.ruleTitle())).append("</span> <span class=\"outlet\">")
                .append(Html.escape(alert.sourceId())).append("</span> <time>")
                .append(Layout.time(alert.publishedAt() != null ? alert.publishedAt() : alert.raisedAt()))
                .append("</time></div>");
        String href = Html.safeHref(alert.url());
        String title = Html.escape(alert.title() == null || alert.title().isBlank() ? alert.url() : alert.title());
        html.append("<h3 class=\"headline\">");
        if (href != null) {
            html.append("<a href=\"").append(href).append("\" rel=\"noopener noreferrer\">").append(title)
                    .append("</a>");
        } else {
            html.append(title);
        }
        html.append("</h3>");
        Evidence proof = Evidence.firstDecisive(alert.evidence());
        if (proof != null) {
            html.append("<blockquote class=\"decisive\">").append(highlighted(proof.text(), proof.matched()))
                    .append("</blockquote>");
        }
        for (ViolationEvent event : alert.events()) {
            html.append("<p class=\"event\">").append(Html.escape(event.summary())).append("</p>");
        }
        if (!alert.alsoReportedBy().isEmpty()) {
            html.append("<p class=\"also\">also reported by ").append(alert.alsoReportedBy().size())
                    .append(alert.alsoReportedBy().size() == 1 ? " outlet" : " outlets").append(" (revision ")
                    .append(alert.revision()).append(")</p>");
        }
        html.append("<p class=\"actions\"><a href=\"/article/").append(Layout.url(alert.articleId()))
                .append("\">article and evidence</a> <a href=\"/silences?alert=").append(Layout.url(alert.id()))
                .append("\">silence…</a></p>");
        return html.append("</li>").toString();
    }


    /**
     * The sentence, escaped, with each matched term wrapped in {@code <mark>}: terms are found case-insensitively
     * in the raw sentence, overlapping finds keep the first, and escaping happens piece by piece so that a term can
     * never split a character reference.
     */
    static String highlighted(String sentence, List<String> terms) {
        if (sentence == null) {
            return "";
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[sentence.length()];
        for (String term : terms) {
            if (term == null || term.isBlank() || term.length() != term.toLowerCase(Locale.ROOT).length()) {
                continue;
            }
            String t = term.toLowerCase(Locale.ROOT);
            for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length())) {
                if (lower.length() == sentence.length()) {
                    for (int k = i; k < i + t.length(); k++) {
                        marked[k] = true;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(sentence.length() + 32);
        int start = 0;
        for (int i = 1; i <= sentence.length(); i++) {
            if (i == sentence.length() || marked[i] != marked[start]) {
                String piece = Html.escape(sentence.substring(start, i));
                out.append(marked[start] ? "<mark>" + piece + "</mark>" : piece);
                start = i;
            }
        }
        return out.toString();
    }
}
