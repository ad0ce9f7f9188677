package io.newswatch.console.internal;

import io.newswatch.model.topics.Topics;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.topics.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sources and dead letters: the health of every source as the ingesters last reported it
 * ({@code news.sources.status}), and the newest records of both dead-letter topics ({@code news.dlq},
 * {@code news.alerts.dlq}) with what failed and why, each with a re-drive button. Re-driving goes through
 * {@link DeadLetters#redrive}, the code {@code newswatch dlq redrive} runs, and only after a confirmation page.
 */
public final class SourcesPage {
    /** Dead letters shown per topic, newest first. */
    static final int SHOWN = 100;
    private static final int PREVIEW = 300;

    private SourcesPage() {
    }

    public static String render(List<SourceStatus> statuses, boolean loaded,
                                List<DeadLetterList> deadLetters, String csrf) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<section><h2>Sources</h2>");
        if (!loaded) {
            html.append(Layout.notice("ok", "Still reading " + Topics.SOURCE_STATUS.name() + "."));
        }
        if (statuses.isEmpty()) {
            html.append("<p>No ingester has reported a source yet.</p>");
        } else {
            html.append("<div class=\"scroll\"><table class=\"sources\"><thead><tr>");
            for (String h : List.of("source", "health", "failures in a row", "last success", "last error",
                    "next poll", "polls", "pages", "published", "retries waiting")) {
                html.append("<th scope=\"col\">").append(h).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (SourceStatus s : statuses) {
                html.append("<tr class=\"").append(s.healthy() ? "ok" : "failing").append("\"><td>")
                        .append(Html.escape(s.id())).append("</td><td>").append(s.healthy() ? "healthy" : "failing")
                        .append("</td><td>").append(s.consecutiveFailures()).append("</td><td>")
                        .append(Layout.time(s.lastSuccess())).append("</td><td>")
                        .append(Html.escape(s.lastError())).append("</td><td>")
                        .append(Layout.time(s.nextPoll())).append("</td><td>").append(s.polls())
                        .append("</td><td>").append(s.pagesFetched()).append("</td><td>").append(s.published())
                        .append("</td><td>").append(s.retryWaiting()).append("</td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        html.append("</section>");
        for (DeadLetterList list : deadLetters) {
            html.append("<section><h2>Dead letters on ").append(Html.escape(list.topic())).append("</h2>");
            if (list.error() != null) {
                html.append(Layout.notice("error", "cannot read " + list.topic() + ": " + list.error()));
            } else if (list.letters().isEmpty()) {
                html.append("<p>None.</p>");
            } else {
                html.append("<p>").append(list.letters().size()).append(" dead letters")
                        .append(list.letters().size() > SHOWN ? ", the newest " + SHOWN + " shown" : "")
                        .append(".</p><div class=\"scroll\"><table class=\"dead-letters\"><thead><tr>");
                for (String h : List.of("offset", "failed at", "from", "error", "receiver", "record", "")) {
                    html.append("<th scope=\"col\">").append(h).append("</th>");
                }
                html.append("</tr></thead><tbody>");
                List<DeadLetters.Letter> letters = list.letters();
                for (int i = letters.size() - 1; i >= Math.max(0, letters.size() - SHOWN); i--) {
                    html.append(row(list.topic(), letters.get(i), csrf));
                }
                html.append("</tbody></table></div>");
            }
            html.append("</section>");
        }
        return html.toString();
    }

    private static String row(String topic, DeadLetters.Letter l, String csrf) {
        return "<tr><td>" + l.dlqOffset() + "</td><td>" + Layout.time(l.failedAt()) + "</td><td>"
                + Html.escape(l.source()) + "</td><td>" + Html.escape(l.errorClass()) + ": "
                + Html.escape(l.errorMessage()) + "</td><td>" + Html.escape(l.receiver()) + "</td><td><code>"
                + Html.escape(preview(l.value())) + "</code></td><td><form method=\"post\" action=\"/dead-letters/"
                + "redrive\">" + Layout.csrf(csrf) + "<input type=\"hidden\" name=\"topic\" value=\""
                + Html.escape(topic) + "\"><input type=\"hidden\" name=\"offset\" value=\"" + l.dlqOffset()
                + "\"><button>Re-drive…</button></form></td></tr>";
    }

    /** The confirmation page's body for re-driving one letter. */
    public static String confirm(String topic, DeadLetters.Letter l, String csrf) {
        return "<p>Send the record at offset " + l.dlqOffset() + " of " + Html.escape(topic) + " back to "
                + Html.escape(l.sourceTopic() == null ? "(unknown)" : l.sourceTopic()) + "? It failed with "
                + Html.escape(l.errorClass()) + ": " + Html.escape(l.errorMessage()) + ".</p><pre class=\"record\">"
                + Html.escape(preview(l.value())) + "</pre><form method=\"post\" action=\"/dead-letters/redrive\">"
                + Layout.csrf(csrf) + "<input type=\"hidden\" name=\"topic\" value=\"" + Html.escape(topic)
                + "\"><input type=\"hidden\" name=\"offset\" value=\"" + l.dlqOffset() + "\"><input type=\"hidden\" "
                + "name=\"confirm\" value=\"yes\"><button>Re-drive it</button> <a href=\"/sources\">Cancel</a></form>";
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "(no value)";
        }
        String s = new String(value, 0, Math.min(value.length, PREVIEW * 4), StandardCharsets.UTF_8);
        return s.length() > PREVIEW ? s.substring(0, PREVIEW) + "…" : s;
    }

    /** One dead-letter topic's letters, oldest first, or the error that kept them from being read. */
    public record DeadLetterList(String topic, List<DeadLetters.Letter> letters, String error) {
    }
}
