package io.newswatch.streams.replay.report;

import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import io.newswatch.streams.replay.EventDiff;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A replay, or a replay diff, as one self-contained HTML file: header with the figures, a chart of matches per day
 * per rule, the per-rule-per-day table, and per rule its matches with their evidence and the one-line summaries of
 * the article's violation events. A match's decisive evidence comes first, as quotes; its context items (sentences
 * that only satisfy a scoped condition) are collapsed under a "context" disclosure. A diff also lists, per article,
 * the violation events only one side yields (gained and lost).
 *
 * <p>The chart is drawn by uPlot, as the console's are: the library (from its WebJar) and newswatch's chart script
 * are inline in the file, with the chart's data as JSON in an escaped attribute, so the file loads nothing (no
 * script, stylesheet, font or image from anywhere) and opens offline, mailed or from disk. Without scripts the chart
 * says the figures are in the table. Article text is untrusted: every text is HTML-escaped (in the chart's data
 * too), only {@code http}/{@code https} URLs become links, there are no event handlers, and the page's
 * Content-Security-Policy lets no script run but those two, named by their hashes. A page without a chart (no match,
 * or a diff) carries no script at all. Output depends only on the result: two equal results give byte-identical
 * files.
 */
public final class ReplayHtmlReport {
    /** Matches listed per rule (and per side of a diff); the CSV has them all. */
    public static final int MAX_MATCHES_PER_RULE = 200;
    /** Event summaries listed per match (and per side of an article in a diff); the CSV has them all. */
    public static final int MAX_EVENTS_PER_MATCH = 20;

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ReplayHtmlReport() {
    }

    /**
     * Writes the report of a replay, replacing the file if it exists and creating missing parent directories.
     * Each rule lists at most {@value #MAX_MATCHES_PER_RULE} matches and then says how many more
     * {@code matches.csv} holds.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(ReplayResult r, Path file) {
        ReportText.writeUtf8(file, render(r));
    }

    /**
     * Writes the report of a replay diff: a table of every rule's counts, then per rule that changed the articles
     * only the old version matches and those only the new one matches (at most {@value #MAX_MATCHES_PER_RULE}
     * per side), then the unchanged rules. Replaces the file if it exists.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeDiff(ReplayDiffResult d, Path file) {
        ReportText.writeUtf8(file, renderDiff(d));
    }

    static String render(ReplayResult r) {
        StringBuilder out = new StringBuilder(64 * 1024);
        List<String> ruleIds = ReportText.ruleIds(r);
        SortedMap<String, SortedMap<LocalDate, Integer>> counts = r.perRulePerDay();
        boolean chart = !r.matches().isEmpty();
        Html.open(out, "newswatch replay " + r.name(), chart);

        out.append("<header>\n<h1>Replay ").append(Html.text(r.name())).append("</h1>\n");
        appendRange(out, r.since(), r.until());
        out.append("<p class=\"meta\">rules version ").append(Html.text(r.rulesVersion())).append("</p>\n");
        long updates = r.alerts().stream().filter(a -> a.revision() > 0).count();
        out.append("<dl class=\"figures\">\n");
        Html.figure(out, "articles read", Long.toString(r.articlesRead()));
        Html.figure(out, "in range", Long.toString(r.inRange()));
        Html.figure(out, "unreadable", Long.toString(r.unreadable()));
        Html.figure(out, "rules", Integer.toString(ruleIds.size()));
        Html.figure(out, "matches", Integer.toString(r.matches().size()));
        Html.figure(out, "alerts", r.alerts().size() + (updates > 0 ? " (" + updates + " updates)" : ""));
        Html.figure(out, "took", ReportText.duration(r.took()));
        Html.figure(out, "articles/s", ReportText.rate(r.rate()));
        out.append("</dl>\n</header>\n");

        out.append("<section id=\"chart\">\n<h2>Matches per day</h2>\n");
        if (!chart) {
            out.append("<p>No rule matched an article in this range.</p>\n");
        } else {
            MatchChart.append(out, ruleIds, counts);
        }
        out.append("</section>\n");

        if (!r.matches().isEmpty()) {
            appendTable(out, ruleIds, counts);
        }

        List<List<ReplayMatch>> byRule = new ArrayList<>();
        ruleIds.forEach(id -> byRule.add(new ArrayList<>()));
        for (ReplayMatch m : r.matches()) {
            byRule.get(ruleIds.indexOf(m.ruleId())).add(m);
        }
        for (int i = 0; i < ruleIds.size(); i++) {
            String title = r.rules().get(ruleIds.get(i));
            List<ReplayMatch> matches = byRule.get(i);
            out.append("<section id=\"rule-").append(i + 1).append("\">\n<h2>").append(Html.text(ruleIds.get(i)))
                    .append(title == null || title.isBlank() ? "" : " — " + Html.text(title)).append("</h2>\n")
                    .append("<p class=\"meta\">").append(matches.size())
                    .append(matches.size() == 1 ? " match" : " matches").append("</p>\n");
            appendMatches(out, matches, "", "matches.csv");
            out.append("</section>\n");
        }
        Html.close(out, chart);
        return out.toString();
    }

    static String renderDiff(ReplayDiffResult d) {
        StringBuilder out = new StringBuilder(64 * 1024);
        List<RuleDiff> rules = ReportText.sortedRules(d.rules());
        Html.open(out, "newswatch replay diff " + d.oldVersion() + " → " + d.newVersion(), false);

        out.append("<header>\n<h1>Replay diff: rules ").append(Html.text(d.oldVersion())).append(" → ")
                .append(Html.text(d.newVersion())).append("</h1>\n");
        appendRange(out, d.since(), d.until());
        out.append("<dl class=\"figures\">\n");
        Html.figure(out, "in range", Long.toString(d.inRange()));
        Html.figure(out, "rules", Integer.toString(rules.size()));
        Html.figure(out, "changed", Long.toString(rules.stream().filter(rule -> !rule.same()).count()));
        Html.figure(out, "only in old", Integer.toString(rules.stream().mapToInt(rule -> rule.onlyOld().size()).sum()));
        Html.figure(out, "only in new", Integer.toString(rules.stream().mapToInt(rule -> rule.onlyNew().size()).sum()));
        Html.figure(out, "events lost", Integer.toString(d.eventsLost()));
        Html.figure(out, "events gained", Integer.toString(d.eventsGained()));
        Html.figure(out, "took", ReportText.duration(d.took()));
        out.append("</dl>\n</header>\n");

        out.append("<section id=\"rules\">\n<h2>Rules</h2>\n<table>\n<thead><tr><th>rule</th><th>only in old</th>")
                .append("<th>only in new</th><th>in both</th><th></th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < rules.size(); i++) {
            RuleDiff rule = rules.get(i);
            String name = Html.text(rule.ruleId());
            out.append("<tr><td>").append(rule.same() ? name : "<a href=\"#rule-" + (i + 1) + "\">" + name + "</a>")
                    .append("</td>").append(countCell(rule.onlyOld().size())).append(countCell(rule.onlyNew().size()))
                    .append(countCell(rule.both())).append("<td>")
                    .append(Html.text(rule.same() ? "unchanged" : ReportText.presence(rule))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");

        List<String> unchanged = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDiff rule = rules.get(i);
            if (rule.same()) {
                unchanged.add(rule.ruleId());
                continue;
            }
            String presence = ReportText.presence(rule);
            out.append("<section id=\"rule-").append(i + 1).append("\">\n<h2>").append(Html.text(rule.ruleId()))
                    .append(presence.isEmpty() ? "" : " <span class=\"meta\">(" + Html.text(presence) + ")</span>")
                    .append("</h2>\n<p class=\"meta\">").append(rule.both()).append(" in both</p>\n");
            out.append("<h3 class=\"old\">Only the old version matches (").append(rule.onlyOld().size())
                    .append(")</h3>\n");
            appendMatches(out, rule.onlyOld(), "old", "diff.csv");
            out.append("<h3 class=\"new\">Only the new version matches (").append(rule.onlyNew().size())
                    .append(")</h3>\n");
            appendMatches(out, rule.onlyNew(), "new", "diff.csv");
            out.append("</section>\n");
        }
        appendEventDiffs(out, d.events());
        if (!unchanged.isEmpty()) {
            out.append("<section id=\"unchanged\">\n<h2>Unchanged</h2>\n<p>");
            out.append(String.join(", ", unchanged.stream().map(Html::text).toList())).append("</p>\n</section>\n");
        }
        Html.close(out, false);
        return out.toString();
    }

    /** Decisive items as quotes, then the context items collapsed under one disclosure. */
    private static void appendEvidence(StringBuilder out, List<Evidence> evidence) {
        List<Evidence> context = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.isDecisive()) {
                out.append("<blockquote>").append(Html.text(e.text())).append("</blockquote>\n");
            } else {
                context.add(e);
            }
        }
        if (!context.isEmpty()) {
            out.append("<details class=\"context\"><summary>context (").append(context.size())
                    .append(context.size() == 1 ? " sentence" : " sentences").append(")</summary>\n");
            for (Evidence e : context) {
                out.append("<blockquote class=\"context\">").append(Html.text(e.text())).append("</blockquote>\n");
            }
            out.append("</details>\n");
        }
    }

    /** One escaped summary line per event, at most {@value #MAX_EVENTS_PER_MATCH}, with a marker before each. */
    private static void appendEvents(StringBuilder out, List<ViolationEvent> events, String cssClass) {
        if (events.isEmpty()) {
            return;
        }
        String marker = cssClass.equals("old") ? "− " : cssClass.equals("new") ? "+ " : "";
        out.append("<ul class=\"events").append(cssClass.isEmpty() ? "" : " " + cssClass).append("\">");
        for (ViolationEvent e : events.subList(0, Math.min(events.size(), MAX_EVENTS_PER_MATCH))) {
            out.append("<li>").append(marker).append(Html.text(ReportText.summary(e))).append("</li>");
        }
        if (events.size() > MAX_EVENTS_PER_MATCH) {
            out.append("<li class=\"more\">+").append(events.size() - MAX_EVENTS_PER_MATCH).append(" more events</li>");
        }
        out.append("</ul>\n");
    }

    /** The articles whose events differ between the two sides: what each side alone yields. */
    private static void appendEventDiffs(StringBuilder out, List<EventDiff> articles) {
        out.append("<section id=\"events\">\n<h2>Violation events gained and lost</h2>\n");
        if (articles.isEmpty()) {
            out.append("<p class=\"more\">both sides yield the same events</p>\n</section>\n");
            return;
        }
        out.append("<ol class=\"matches\">\n");
        for (EventDiff a : articles.subList(0, Math.min(MAX_MATCHES_PER_RULE, articles.size()))) {
            String title = a.title() == null || a.title().isBlank() ? "(untitled " + a.articleId() + ")" : a.title();
            out.append("<li><span class=\"when\">").append(PUBLISHED.format(a.publishedAt())).append("</span>")
                    .append("<span class=\"source\">").append(Html.text(a.sourceId())).append("</span>")
                    .append(Html.link(a.url(), title)).append('\n');
            appendEvents(out, a.lost(), "old");
            appendEvents(out, a.gained(), "new");
            out.append("</li>\n");
        }
        out.append("</ol>\n");
        if (articles.size() > MAX_MATCHES_PER_RULE) {
            out.append("<p class=\"more\">and ").append(articles.size() - MAX_MATCHES_PER_RULE)
                    .append(" more (see diff.csv)</p>\n");
        }
        out.append("</section>\n");
    }

    private static void appendRange(StringBuilder out, Instant since, Instant until) {
        out.append("<p class=\"meta\">articles published from ").append(since).append(" until ").append(until)
                .append(" (excluded)</p>\n");
    }

    /** The per-rule-per-day table: the same rows, columns and totals as {@link ReplayTable#perRulePerDay}. */
    private static void appendTable(StringBuilder out, List<String> ruleIds,
                                    SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        TreeSet<LocalDate> days = new TreeSet<>();
        counts.values().forEach(perDay -> days.addAll(perDay.keySet()));
        out.append("<section id=\"table\">\n<h2>Matches per rule per day</h2>\n<table>\n<thead><tr><th>day</th>");
        for (int i = 0; i < ruleIds.size(); i++) {
            out.append("<th><a href=\"#rule-").append(i + 1).append("\">").append(Html.text(ruleIds.get(i)))
                    .append("</a></th>");
        }
        out.append("<th>total</th></tr></thead>\n<tbody>\n");
        int[] ruleTotals = new int[ruleIds.size()];
        for (LocalDate day : days) {
            out.append("<tr><td>").append(day).append("</td>");
            int dayTotal = 0;
            for (int i = 0; i < ruleIds.size(); i++) {
                int n = ReplayTable.countsOf(counts, ruleIds.get(i)).getOrDefault(day, 0);
                ruleTotals[i] += n;
                dayTotal += n;
                out.append(countCell(n));
            }
            out.append("<td class=\"n total\">").append(dayTotal).append("</td></tr>\n");
        }
        out.append("<tr class=\"total\"><td>total</td>");
        int grandTotal = 0;
        for (int total : ruleTotals) {
            out.append(countCell(total));
            grandTotal += total;
        }
        out.append("<td class=\"n total\">").append(grandTotal).append("</td></tr>\n</tbody>\n</table>\n</section>\n");
    }

    private static String countCell(int n) {
        return n == 0 ? "<td class=\"n zero\">0</td>" : "<td class=\"n\">" + n + "</td>";
    }

    /** Lists matches with their evidence, at most {@value #MAX_MATCHES_PER_RULE}, then says where the rest are. */
    private static void appendMatches(StringBuilder out, List<ReplayMatch> matches, String cssClass, String csvName) {
        if (matches.isEmpty()) {
            out.append("<p class=\"more\">none</p>\n");
            return;
        }
        out.append("<ol class=\"matches").append(cssClass.isEmpty() ? "" : " " + cssClass).append("\">\n");
        for (ReplayMatch m : matches.subList(0, Math.min(MAX_MATCHES_PER_RULE, matches.size()))) {
            String title = m.title() == null || m.title().isBlank() ? "(untitled " + m.articleId() + ")" : m.title();
            out.append("<li><span class=\"when\">").append(PUBLISHED.format(m.publishedAt())).append("</span>")
                    .append("<span class=\"source\">").append(Html.text(m.sourceId())).append("</span>")
                    .append(Html.link(m.url(), title)).append('\n');
            appendEvidence(out, m.evidence());
            appendEvents(out, m.events(), "");
            out.append("</li>\n");
        }
        out.append("</ol>\n");
        if (matches.size() > MAX_MATCHES_PER_RULE) {
            out.append("<p class=\"more\">and ").append(matches.size() - MAX_MATCHES_PER_RULE)
                    .append(" more (see ").append(csvName).append(")</p>\n");
        }
    }
}
