package io.newswatch.console.internal;

import io.newswatch.model.topics.Topics;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.RuleChecker;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rules: the live rules ({@code news.rules}, or the shipped rules while nothing has been pushed) with their versions;
 * a draft edited in the browser, checked by {@link RuleRecords#split} (the check {@code newswatch rules push} makes,
 * errors at line:column) with its examples run by {@link RuleChecker}; a backtest of the draft over a date range
 * (its matches per day as a chart, the matches, and the diff against the live rules); and a push after a
 * confirmation. A draft holds whole rules in the rules file format; pushing it adds or replaces those rules and
 * leaves the other live rules alone.
 */
public final class RulesPage {
    static final int SHOWN = 50;

    private RulesPage() {
    }

    /** The page: the live rules and the editor holding {@code draft}. */
    public static String render(RuleSet live, boolean pushed, String draft, String csrf) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<section><h2>Live rules</h2><p>").append(pushed ? "As pushed to " + Topics.RULES.name() :
                "Nothing has been pushed to " + Topics.RULES.name() + ": the pipeline runs the shipped rules").append(", version ")
                .append(Html.escape(live.version())).append(".</p><div class=\"scroll\"><table class=\"rules\">"
                        + "<thead><tr><th scope=\"col\">id</th><th scope=\"col\">title</th><th scope=\"col\">"
                        + "severity</th><th scope=\"col\">tags</th><th scope=\"col\">version</th><th scope=\"col\">"
                        + "</th></tr></thead><tbody>");
        for (Rule r : live.rules()) {
            html.append("<tr><td>").append(Html.escape(r.id())).append("</td><td>").append(Html.escape(r.title()))
                    .append("</td><td>").append(Html.escape(String.valueOf(r.severity()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", r.tags()))).append("</td><td>")
                    .append(Html.escape(r.version())).append("</td><td><a href=\"/rules?edit=")
                    .append(Layout.url(r.id())).append("#draft\">edit</a></td></tr>");
        }
        html.append("</tbody></table></div></section>");
        html.append("<section><h2 id=\"draft-title\">Draft</h2><form id=\"draft-form\" method=\"post\" "
                        + "action=\"/rules/check\" hx-post=\"/rules/check\" hx-target=\"#draft-result\">")
                .append(Layout.csrf(csrf))
                .append("<label for=\"draft\">Rules (YAML, the rules file format)</label><textarea id=\"draft\" "
                        + "name=\"draft\" rows=\"18\" spellcheck=\"false\">").append(Html.escape(draft))
                .append("</textarea><div class=\"actions\"><button>Check</button> ")
                .append(Layout.input("from", "backtest from", "date", ""))
                .append(Layout.input("to", "to", "date", ""))
                .append("<button formaction=\"/rules/backtest\" hx-post=\"/rules/backtest\">Backtest</button> "
                        + "<button formaction=\"/rules/push\" hx-post=\"/rules/push\">Push…</button></div></form>"
                        + "<div id=\"draft-result\" aria-live=\"polite\"></div></section>");
        return html.toString();
    }

    /** A record of the draft ready to edit: one live rule's record, or a template. */
    public static String draftOf(Map<String, String> records, String ruleId) {
        if (ruleId != null && records.containsKey(ruleId)) {
            return records.get(ruleId);
        }
        return "version: 2\nrules:\n  - id: rason-port\n    title: Ships at the port of Rason\n"
                + "    severity: info\n    alert: true\n    query: SENTENCE(Rason AND (port OR ship*))\n"
                + "    examples:\n      match:\n        - \"The ship left the port of Rason at night.\"\n"
                + "      no-match:\n        - \"Rason is a city in the north-east.\"\n";
    }

    /** The outcome of checking a draft: the error at line:column, or every example's outcome. */
    public static String check(String draft) {
        try {
            RuleRecords.split(draft, "draft");
        } catch (RuleSetException e) {
            return error(e);
        }
        List<RuleChecker.Outcome> outcomes = RuleChecker.run(RuleSet.parse(draft, "draft", null));
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder html = new StringBuilder();
        html.append(Layout.notice(failed == 0 ? "ok" : "error", failed == 0 ? "The draft is valid; all "
                + outcomes.size() + " examples pass." : failed + " of " + outcomes.size() + " examples fail."));
        html.append("<ul class=\"examples\">");
        for (RuleChecker.Outcome o : outcomes) {
            html.append("<li class=\"").append(o.passed() ? "pass" : "fail").append("\">")
                    .append(o.passed() ? "pass" : "FAIL").append(" · ").append(Html.escape(o.rule().id()))
                    .append(" (line ").append(o.example().line()).append("): should ")
                    .append(o.example().shouldMatch() ? "" : "not ").append("match: <q>")
                    .append(Html.escape(o.example().text())).append("</q></li>");
        }
        return html.append("</ul>").toString();
    }

    static String error(RuleSetException e) {
        return "<div class=\"notice error\" role=\"alert\"><pre class=\"rule-error\">" + Html.escape(e.getMessage())
                + "</pre></div>";
    }

    /** The backtest's result: the draft's matches per day, the matches, and the diff against the live rules. */
    public static String backtest(ReplayResult run, ReplayDiffResult diff, List<String> draftRules) {
        SortedMap<Instant, Long> perDay = new TreeMap<>();
        for (LocalDate d = LocalDate.ofInstant(run.since(), ZoneOffset.UTC);
             d.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(run.until()); d = d.plusDays(1)) {
            perDay.put(d.atStartOfDay(ZoneOffset.UTC).toInstant(), 0L);
        }
        List<ReplayMatch> matches = run.matches().stream().filter(m -> draftRules.contains(m.ruleId())).toList();
        matches.forEach(m -> perDay.merge(m.day().atStartOfDay(ZoneOffset.UTC).toInstant(), 1L, Long::sum));
        Map<String, SortedMap<Instant, Long>> series = new LinkedHashMap<>();
        series.put("matches", perDay);
        StringBuilder html = new StringBuilder(8192);
        html.append(Layout.notice("ok", "Backtest over " + run.inRange() + " articles from "
                + run.since().toString().substring(0, 10) + " to " + run.until().minusSeconds(1).toString()
                .substring(0, 10) + ": " + matches.size() + " matches in " + run.took().toMillis() + " ms."));
        html.append(Charts.chart("backtest-chart", "Matches of the draft per day", series, "day"));
        html.append("<h3>Matches</h3><ul class=\"matches\">");
        for (ReplayMatch m : matches.subList(0, Math.min(SHOWN, matches.size()))) {
            html.append("<li>").append(Html.escape(m.day().toString())).append(" · ")
                    .append(Html.escape(m.ruleId())).append(" · ").append(Html.escape(m.sourceId())).append(" · ")
                    .append(Html.escape(m.title())).append(m.proof() == null ? "" : "<blockquote>"
                            + AlertView.highlighted(m.proof().text(), m.proof().matched()) + "</blockquote>")
                    .append("</li>");
        }
        if (matches.size() > SHOWN) {
            html.append("<li>… and ").append(matches.size() - SHOWN).append(" more</li>");
        }
        html.append("</ul><h3>Against the live rules</h3><table class=\"diff\"><thead><tr><th scope=\"col\">rule"
                + "</th><th scope=\"col\">both</th><th scope=\"col\">only live</th><th scope=\"col\">only draft</th>"
                + "</tr></thead><tbody>");
        for (RuleDiff d : diff.rules()) {
            if (!draftRules.contains(d.ruleId())) {
                continue;
            }
            html.append("<tr><td>").append(Html.escape(d.ruleId())).append(d.inOld() ? "" : " (new)")
                    .append("</td><td>").append(d.both()).append("</td><td>").append(d.onlyOld().size())
                    .append(titles(d.onlyOld())).append("</td><td>").append(d.onlyNew().size())
                    .append(titles(d.onlyNew())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String titles(List<ReplayMatch> matches) {
        StringBuilder s = new StringBuilder("<ul>");
        matches.stream().limit(10).forEach(m -> s.append("<li>").append(Html.escape(m.title())).append("</li>"));
        return s.append("</ul>").toString();
    }

    /** The confirmation before a push: what changes. */
    public static String confirmPush(Map<String, String> live, Map<String, String> draft, String csrf, String text) {
        StringBuilder html = new StringBuilder("<div class=\"confirm\"><p>Push to " + Topics.RULES.name() + "? ");
        draft.forEach((id, record) -> html.append(live.containsKey(id) ? (live.get(id).equals(record)
                ? "unchanged: " : "replace: ") : "add: ").append(Html.escape(id)).append(". "));
        html.append("The other live rules stay.</p><form method=\"post\" action=\"/rules/push\">")
                .append(Layout.csrf(csrf)).append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                        + "<textarea name=\"draft\" hidden>").append(Html.escape(text))
                .append("</textarea><button>Push now</button> <a href=\"/rules\">Cancel</a></form></div>");
        return html.toString();
    }
}
