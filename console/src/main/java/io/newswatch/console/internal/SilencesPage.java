package io.newswatch.console.internal;

import io.newswatch.alerts.silence.Silences;
import io.newswatch.model.Alert;
import io.newswatch.model.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Silences ({@code news.silences}): the list, active first, each active one with an expire button; the form that
 * sets a new one, prefilled from an alert when opened from one (its rule and outlet); the conditions are those of
 * {@code newswatch silence add} ({@link Silences#CONDITION_KEYS}) and are checked by the same code
 * ({@link io.newswatch.alerts.silence.SilenceWriter}) before anything is written.
 */
public final class SilencesPage {
    /** The durations the form offers, in hours. */
    static final Map<String, Integer> DURATIONS = new java.util.LinkedHashMap<>();

    static {
        DURATIONS.put("1 hour", 1);
        DURATIONS.put("4 hours", 4);
        DURATIONS.put("1 day", 24);
        DURATIONS.put("1 week", 24 * 7);
        DURATIONS.put("30 days", 24 * 30);
    }

    private SilencesPage() {
    }

    /** The page: the form (prefilled from {@code from}, may be null) and the list. */
    public static String render(List<Silence> silences, Instant now, Alert from, Map<String, String> values,
                                String csrf) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<section><h2>").append(from == null ? "New silence" : "Silence alerts like this one")
                .append("</h2>");
        if (from != null) {
            html.append("<p>From the alert <q>").append(Html.escape(from.title())).append("</q> (")
                    .append(Html.escape(from.ruleId())).append(", ").append(Html.escape(from.sourceId()))
                    .append("). Remove the conditions you do not want.</p>");
        }
        String rule = values.getOrDefault("rule", from == null ? "" : nz(from.ruleId()));
        String source = values.getOrDefault("source", from == null ? "" : nz(from.sourceId()));
        html.append("<form class=\"silence\" method=\"post\" action=\"/silences\">").append(Layout.csrf(csrf))
                .append(Layout.input("rule", "rule", "text", rule))
                .append(Layout.input("source", "source", "text", source))
                .append(Layout.input("severity", "severity", "text", values.getOrDefault("severity", "")))
                .append(Layout.input("tags", "tags (comma-separated)", "text", values.getOrDefault("tags", "")))
                .append(Layout.input("entities", "entities (comma-separated)", "text",
                        values.getOrDefault("entities", "")))
                .append("<label>for <select name=\"hours\">");
        String hours = values.getOrDefault("hours", "24");
        DURATIONS.forEach((label, h) -> html.append("<option value=\"").append(h).append('"')
                .append(String.valueOf(h).equals(hours) ? " selected" : "").append('>').append(label)
                .append("</option>"));
        html.append("</select></label> ")
                .append(Layout.input("comment", "why", "text", values.getOrDefault("comment", "")))
                .append("<button>Silence</button></form></section>");
        html.append("<section><h2>Silences</h2>");
        if (silences.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<div class=\"scroll\"><table class=\"silences\"><thead><tr>");
            for (String h : List.of("id", "state", "conditions", "from", "until", "why", "set by", "")) {
                html.append("<th scope=\"col\">").append(h).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (Silence s : silences) {
                String state = s.activeAt(now) ? "active" : s.endedBy(now) ? "ended" : "pending";
                html.append("<tr class=\"").append(state).append("\"><td>").append(Html.escape(s.id()))
                        .append("</td><td>").append(state).append("</td><td>");
                s.conditions().forEach((k, v) -> html.append(Html.escape(k)).append('=')
                        .append(Html.escape(String.join(",", v))).append(' '));
                html.append("</td><td>").append(Layout.time(s.startsAt())).append("</td><td>")
                        .append(Layout.time(s.endsAt())).append("</td><td>")
                        .append(Html.escape(s.comment())).append("</td><td>").append(Html.escape(s.createdBy()))
                        .append("</td><td>");
                if (!s.endedBy(now)) {
                    html.append("<form method=\"post\" action=\"/silences/").append(Layout.url(s.id()))
                            .append("/expire\">").append(Layout.csrf(csrf)).append("<button aria-label=\"Expire ")
                            .append(Html.escape(s.id())).append("\">Expire</button></form>");
                }
                html.append("</td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        return html.append("</section>").toString();
    }

    /**
     * The conditions the form states: each non-blank field, comma lists split.
     *
     * @throws IllegalArgumentException when none is given
     */
    public static Map<String, List<String>> conditions(Map<String, String> form) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String key : List.of("rule", "source", "severity", "tags", "entities")) {
            String v = form.get(key);
            if (v != null && !v.isBlank()) {
                out.put(key, java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one condition: a silence must never silence "
                    + "everything");
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
