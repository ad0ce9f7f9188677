package io.newswatch.console.internal;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tagged article as a page: its headline, outlet, time and a link to the original; the extracted text with every
 * evidence sentence marked by tag, decisive and context told apart (a sentence that is decisive for one tag and
 * context for another is shown as decisive, both tags named); the mentions by entity; the events the tagger found;
 * and the story's other outlets, from the alerts and ledger entries of the same story.
 *
 * <p>Evidence is placed by its offsets when the text at those offsets is the evidence's own text; otherwise (a text
 * cut to the size cap after tagging, a headline) it is looked up by its text, and evidence that cannot be placed is
 * listed under the text instead of being lost.
 */
public final class ArticlePage {
    private ArticlePage() {
    }

    /** An outlet of the same story: its article id (or null when not indexed), outlet, headline and address. */
    public record Outlet(String articleId, String sourceId, String title, String url) {
    }

    public static String render(TaggedArticle tagged, List<Alert> alerts, List<Outlet> story) {
        Article a = tagged.article();
        StringBuilder html = new StringBuilder(a.text() == null ? 4096 : a.text().length() * 2 + 4096);
        html.append("<p class=\"meta\"><span class=\"outlet\">").append(Html.escape(a.sourceId()))
                .append("</span> <time>").append(Layout.time(a.eventTime()))
                .append("</time>");
        if (a.byline() != null) {
            html.append(" <span class=\"byline\">").append(Html.escape(a.byline())).append("</span>");
        }
        String href = Html.safeHref(a.url());
        if (href != null) {
            html.append(" <a class=\"original\" href=\"").append(href)
                    .append("\" rel=\"noopener noreferrer\">the original</a>");
        } else {
            html.append(" <span class=\"original\">").append(Html.escape(a.url())).append("</span>");
        }
        html.append("</p><p class=\"tags\">");
        for (String tag : tagged.tags()) {
            html.append("<span class=\"tag\">").append(Html.escape(tag)).append("</span> ");
        }
        html.append("</p>");
        if (!alerts.isEmpty()) {
            html.append("<p>Alerts: ");
            for (Alert alert : alerts) {
                html.append("<span class=\"rule\">").append(Html.escape(alert.ruleId())).append("</span> (")
                        .append(Html.escape(alert.severity())).append(") ");
            }
            html.append("</p>");
        }
        html.append("<p class=\"legend\"><mark class=\"ev decisive\">decisive evidence</mark> "
                + "<mark class=\"ev context\">context</mark></p>");
        html.append(text(a.text(), tagged.evidence()));
        html.append(events(tagged.events()));
        html.append(mentions(tagged.mentions()));
        html.append("<section><h2>The story's outlets</h2>");
        if (story.isEmpty()) {
            html.append("<p>No other outlet has reported this story yet.</p>");
        } else {
            html.append("<ul class=\"story\">");
            for (Outlet o : story) {
                html.append("<li><span class=\"outlet\">").append(Html.escape(o.sourceId())).append("</span> ");
                if (o.articleId() != null) {
                    html.append("<a href=\"/article/").append(Layout.url(o.articleId())).append("\">")
                            .append(Html.escape(o.title())).append("</a>");
                } else {
                    html.append(Html.escape(o.title()));
                }
                String u = Html.safeHref(o.url());
                if (u != null) {
                    html.append(" (<a href=\"").append(u).append("\" rel=\"noopener noreferrer\">original</a>)");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        return html.append("</section>").toString();
    }

    private static String text(String text, List<Evidence> evidence) {
        if (text == null) {
            text = "";
        }
        // per character: which evidence items cover it
        List<Evidence> placed = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<Evidence> unplaced = new ArrayList<>();
        for (Evidence e : evidence) {
            int[] span = place(text, e);
            if (span == null) {
                unplaced.add(e);
            } else {
                placed.add(e);
                spans.add(span);
            }
        }
        StringBuilder html = new StringBuilder(text.length() * 2);
        html.append("<article class=\"text\"><p>");
        int i = 0;
        while (i < text.length()) {
            BitSet here = cover(spans, i);
            int j = i + 1;
            while (j < text.length() && cover(spans, j).equals(here) && !paragraphBreak(text, j)) {
                j++;
            }
            if (paragraphBreak(text, i)) {
                int k = i;
                while (k < text.length() && text.charAt(k) == '\n') {
                    k++;
                }
                html.append("</p><p>");
                i = k;
                continue;
            }
            String piece = Html.escape(text.substring(i, j));
            if (here.isEmpty()) {
                html.append(piece);
            } else {
                html.append(mark(here, placed)).append(piece).append("</mark>");
            }
            i = j;
        }
        html.append("</p></article>");
        if (!unplaced.isEmpty()) {
            html.append("<section><h2>Evidence outside the text</h2><ul>");
            for (Evidence e : unplaced) {
                html.append("<li>").append(mark(single(e), List.of(e))).append(Html.escape(e.text()))
                        .append("</mark></li>");
            }
            html.append("</ul></section>");
        }
        return html.toString();
    }

    private static BitSet single(Evidence e) {
        BitSet b = new BitSet();
        b.set(0);
        return b;
    }

    private static String mark(BitSet which, List<Evidence> placed) {
        boolean decisive = false;
        Map<String, String> tags = new TreeMap<>();
        for (int k = which.nextSetBit(0); k >= 0; k = which.nextSetBit(k + 1)) {
            Evidence e = placed.get(k);
            decisive |= Evidence.DECISIVE.equals(e.role());
            tags.merge(e.tag(), e.role(), (x, y) -> Evidence.DECISIVE.equals(x) ? x : y);
        }
        StringBuilder title = new StringBuilder();
        tags.forEach((tag, role) -> title.append(title.length() == 0 ? "" : ", ").append(tag).append(" (")
                .append(role).append(')'));
        return "<mark class=\"ev " + (decisive ? "decisive" : "context") + "\" data-tags=\""
                + Html.escape(String.join(" ", tags.keySet())) + "\" title=\"" + Html.escape(title.toString())
                + "\">";
    }

    private static boolean paragraphBreak(String text, int i) {
        return text.charAt(i) == '\n';
    }

    private static BitSet cover(List<int[]> spans, int at) {
        BitSet b = new BitSet();
        for (int k = 0; k < spans.size(); k++) {
            if (spans.get(k)[0] <= at && at < spans.get(k)[1]) {
                b.set(k);
            }
        }
        return b;
    }

    /** Where the evidence stands in the text, or null. */
    static int[] place(String text, Evidence e) {
        if (e.text() == null || e.text().isEmpty()) {
            return null;
        }
        if (e.start() >= 0 && e.end() <= text.length() && e.start() < e.end()
                && text.regionMatches(e.start(), e.text(), 0, Math.min(e.text().length(), e.end() - e.start()))) {
            return new int[] {e.start(), e.end()};
        }
        int at = text.indexOf(e.text());
        return at < 0 ? null : new int[] {at, at + e.text().length()};
    }

    private static String events(List<ViolationEvent> events) {
        StringBuilder html = new StringBuilder("<section><h2>Events</h2>");
        if (events.isEmpty()) {
            return html.append("<p>The tagger found no breach of the sanctions in this article.</p></section>")
                    .toString();
        }
        html.append("<div class=\"scroll\"><table class=\"events\"><thead><tr>");
        for (String h : List.of("commodity", "from → to", "amount", "places", "vessels", "resolutions", "status",
                "says who", "sentence")) {
            html.append("<th scope=\"col\">").append(h).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (ViolationEvent e : events) {
            html.append("<tr><td>").append(Html.escape(e.commodity())).append("</td><td>")
                    .append(Html.escape(e.from() == null ? "?" : e.from())).append(" → ")
                    .append(Html.escape(e.to() == null ? "?" : e.to())).append("</td><td>")
                    .append(Html.escape(ViolationEvent.amountText(e.amount(), e.unit()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", e.places()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", e.vessels()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", e.resolutions()))).append("</td><td>")
                    .append(Html.escape(e.status())).append("</td><td>").append(Html.escape(e.attribution()))
                    .append("</td><td>").append(Html.escape(e.evidence() == null ? "" : e.evidence().text()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></div></section>").toString();
    }

    private static String mentions(List<Mention> mentions) {
        Map<String, Map<String, Integer>> byEntity = new TreeMap<>();
        for (Mention m : mentions) {
            byEntity.computeIfAbsent(m.entity(), k -> new LinkedHashMap<>()).merge(m.text(), 1, Integer::sum);
        }
        StringBuilder html = new StringBuilder("<section><h2>Mentions</h2>");
        if (byEntity.isEmpty()) {
            return html.append("<p>None.</p></section>").toString();
        }
        html.append("<table class=\"mentions\"><thead><tr><th scope=\"col\">entity</th><th scope=\"col\">as written"
                + "</th></tr></thead><tbody>");
        byEntity.forEach((entity, texts) -> {
            html.append("<tr><td>").append(Html.escape(entity)).append("</td><td>");
            texts.forEach((t, n) -> html.append(Html.escape(t)).append(n > 1 ? " ×" + n : "").append("; "));
            html.append("</td></tr>");
        });
        return html.append("</tbody></table></section>").toString();
    }
}
