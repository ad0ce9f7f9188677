package io.newswatch.streams.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.serde.Json;
import io.newswatch.streams.charts.UplotCharts;
import io.newswatch.streams.replay.ReplayMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML report is self-contained (uPlot and the chart script inline, allowed by hash), safe with hostile article
 * text and rule ids, and deterministic.
 */
class ReplayHtmlReportTest {
    private static final Set<String> FIXTURE_WEB_URLS = Set.of("https://harbour.example/oil-1",
            "https://coast.example/tankers", "http://harbour.example/refinery", "https://plains.example/talks",
            "https://mallory.example/&#34;&gt;&lt;script&gt;x&lt;/script&gt;");

    @TempDir
    Path dir;

    private String write() throws IOException {
        Path file = dir.resolve("report.html");
        ReplayHtmlReport.write(ReplayFixtures.result(false), file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void carriesTheChartDataOneSeriesPerRuleOverEveryDayFromFirstToLastMatch() throws IOException {
        String html = write();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("id=\"match-chart\"");
        JsonNode data = chartData(html);
        assertThat(data.get("unit").asText()).isEqualTo("day");
        assertThat(longs(data.get("x"))).as("2 to 5 March, 4 March (no match) included").containsExactly(
                day("2026-03-02"), day("2026-03-03"), day("2026-03-04"), day("2026-03-05"));
        assertThat(data.get("series")).extracting(s -> s.get("label").asText()).as("rule-id order, as the colours go")
                .containsExactly(ReplayFixtures.ATTACK, ReplayFixtures.BREACH, ReplayFixtures.OIL, ReplayFixtures.PORTS);
        assertThat(longs(data.at("/series/0/values"))).containsExactly(0L, 0L, 0L, 1L);
        assertThat(longs(data.at("/series/1/values"))).as("a rule without matches is a line at zero")
                .containsExactly(0L, 0L, 0L, 0L);
        assertThat(longs(data.at("/series/2/values"))).containsExactly(2L, 1L, 0L, 1L);
        assertThat(longs(data.at("/series/3/values"))).containsExactly(1L, 1L, 0L, 0L);
        assertThat(html).as("without scripts the chart points to the table")
                .contains("<noscript><p class=\"more\">The chart needs JavaScript; the same figures are in the "
                        + "<a href=\"#table\">table of matches per rule per day</a>.</p></noscript>");
    }

    @Test
    void inlinesUplotAndTheChartScriptAndAllowsOnlyThemByHash() throws Exception {
        String html = write();

        List<String> scripts = scripts(html);
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0)).as("uPlot under its licence").startsWith("/*! uPlot " + UplotCharts.uplotVersion())
                .contains("Permission is hereby granted, free of charge").endsWith(UplotCharts.uplotScript());
        assertThat(scripts.get(1)).as("the console's chart script, the same text").isEqualTo(UplotCharts.glueScript());
        assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "<script")).as("no other script element")
                .isEqualTo(2);
        assertThat(html).contains("script-src '" + sha256(scripts.get(0)) + "' '" + sha256(scripts.get(1)) + "'; ")
                .contains(UplotCharts.uplotStyle());
    }

    @ParameterizedTest(name = "rule id {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            </script><script>alert(1)</script>
            </SCRIPT ><script>alert(1)</script>
            "><img src=x onerror=alert(2)>
            ' onmouseover='alert(3)
            <!--<script>
            &#34;&lt;already escaped&gt;
            """)
    void hostileRuleIdsStayTextInTheChartDataAndNeverEndAScript(String ruleId) throws IOException {
        Path file = dir.resolve("hostile-rule.html");
        ReplayHtmlReport.write(ReplayFixtures.result(List.of(ReplayFixtures.match(ruleId, "h1",
                "2026-03-02T10:00:00Z", "mallory-news", "Ordinary title", "https://mallory.example/1", "Text.")),
                java.util.Map.of(ruleId, "Hostile")), file);
        String html = Files.readString(file);

        assertThat(html).doesNotContain(ruleId);
        assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "<script")).isEqualTo(2);
        assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "</script")).isEqualTo(2);
        assertThat(scripts(html)).containsExactlyElementsOf(Html.chartScripts());
        assertThat(chartData(html).at("/series/0/label").asText()).as("the label round-trips exactly")
                .isEqualTo(ruleId);
    }

    @Test
    void tableAndSectionsCarryTheCounts() throws IOException {
        String html = write();

        assertThat(html).contains("<tr><td>2026-03-02</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td>"
                + "<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n total\">3</td></tr>");
        assertThat(html).contains("<tr class=\"total\"><td>total</td><td class=\"n\">1</td>"
                + "<td class=\"n zero\">0</td><td class=\"n\">4</td><td class=\"n\">2</td>"
                + "<td class=\"n total\">7</td></tr>");
        assertThat(html).contains("<h2>oil-embargo — Oil embargo news</h2>\n<p class=\"meta\">4 matches</p>")
                .contains("<blockquote>Traders expect prices to rise.</blockquote>")
                .contains("<span class=\"when\">2026-03-02 14:30 UTC</span><span class=\"source\">coast-daily</span>"
                        + "<a href=\"https://coast.example/tankers\" rel=\"noopener noreferrer nofollow\">"
                        + "Tankers idle as embargo bites</a>");
    }

    @Test
    void hostileArticleTextIsEscapedAndNeverActive() throws IOException {
        String html = write();

        assertThat(scripts(html)).as("the page's own scripts only").containsExactlyElementsOf(Html.chartScripts());
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Port of Tallinn shut")
                .contains("&lt;b onmouseover=alert(2)&gt;all day&lt;/b&gt;");
        assertThat(Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("no element has an event handler attribute").isFalse();
        assertThat(html).doesNotContainIgnoringCase("href=\"javascript")
                .contains("Grid operator says &#34;minor&#34; outage, then\nrestores Zürich power "
                        + "<span class=\"source\">(javascript:alert(document.cookie))</span>");
    }

    @Test
    void loadsNothingFromOutsideAndLinksOnlyToArticles() throws IOException {
        String page = write();
        for (String script : scripts(page)) {
            assertThat(script).as("an inline script asks for nothing").doesNotContain("fetch(", "XMLHttpRequest",
                    "import(", "WebSocket", "sendBeacon", "EventSource", "src=", "url(");
            assertThat(script.replace("https://github.com/leeoniya/uPlot", ""))
                    .as("no address but uPlot's own, in its banner").doesNotContainPattern("(?i)https?:");
        }
        String html = withoutScripts(page);

        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .contains("Content-Security-Policy\" content=\"default-src 'none';");
        Matcher web = Pattern.compile("https?:", Pattern.CASE_INSENSITIVE).matcher(html);
        Set<String> linked = new TreeSet<>();
        while (web.find()) {
            assertThat(html.substring(Math.max(0, web.start() - 6), web.start()))
                    .as("http at %d is an article link", web.start()).isEqualTo("href=\"");
            linked.add(html.substring(web.start(), html.indexOf('"', web.start())));
        }
        assertThat(linked).isEqualTo(FIXTURE_WEB_URLS);
    }

    @Test
    void equalResultsGiveByteIdenticalFiles() throws IOException {
        Path first = dir.resolve("first.html");
        Path second = dir.resolve("second.html");
        ReplayHtmlReport.write(ReplayFixtures.result(false), first);
        ReplayHtmlReport.write(ReplayFixtures.result(true), second);
        Path firstDiff = dir.resolve("first-diff.html");
        Path secondDiff = dir.resolve("second-diff.html");
        ReplayHtmlReport.writeDiff(ReplayFixtures.diff(), firstDiff);
        ReplayHtmlReport.writeDiff(ReplayFixtures.diff(), secondDiff);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(firstDiff, secondDiff)).isEqualTo(-1L);
    }

    @Test
    void listsAtMost200MatchesPerRuleAndPointsToTheCsv() throws IOException {
        List<ReplayMatch> many = new ArrayList<>();
        for (int i = 0; i < 203; i++) {
            many.add(new ReplayMatch(ReplayFixtures.PORTS, "p%03d".formatted(i), "Port of Tallinn",
                    Instant.parse("2026-03-02T00:00:00Z").plusSeconds(60L * i), "harbour-wire",
                    "Port bulletin %03d".formatted(i), "https://harbour.example/p" + i,
                    List.of(new io.newswatch.model.Evidence(ReplayFixtures.PORTS, "Closed.", 0, 7, List.of()))));
        }
        Path file = dir.resolve("many.html");
        ReplayHtmlReport.write(ReplayFixtures.result(many, ReplayFixtures.rules(false)), file);
        String html = Files.readString(file);

        assertThat(html).contains("Port bulletin 199").doesNotContain("Port bulletin 200")
                .contains("<p class=\"meta\">203 matches</p>")
                .contains("<p class=\"more\">and 3 more (see matches.csv)</p>");
    }

    @Test
    void twelveRulesAreTwelveSeriesInRuleIdOrder() throws IOException {
        java.util.Map<String, String> rules = new java.util.TreeMap<>();
        List<ReplayMatch> matches = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            String rule = "rule-%02d".formatted(i);
            rules.put(rule, "Rule " + i);
            matches.add(ReplayFixtures.match(rule, "a" + i, "2026-03-0" + (1 + i % 3) + "T12:00:00Z", "harbour-wire",
                    "Bulletin " + i, "https://harbour.example/b" + i, "Sentence " + i + "."));
        }
        Path file = dir.resolve("twelve.html");
        ReplayHtmlReport.write(ReplayFixtures.result(matches, rules), file);
        JsonNode data = chartData(Files.readString(file));

        assertThat(data.get("series")).extracting(s -> s.get("label").asText())
                .containsExactlyElementsOf(rules.keySet());
        assertThat(longs(data.at("/series/11/values"))).as("rule-11 matched on 3 March")
                .containsExactly(0L, 0L, 1L);
    }

    @Test
    void replayWithoutMatchesHasNoChart() throws IOException {
        Path file = dir.resolve("empty.html");
        ReplayHtmlReport.write(ReplayFixtures.result(List.of(), ReplayFixtures.rules(false)), file);
        String html = Files.readString(file);

        assertThat(html).doesNotContain("data-chart").doesNotContainIgnoringCase("<script")
                .doesNotContain("script-src").doesNotContain(".uplot")
                .contains("No rule matched an article in this range.").contains("<p class=\"meta\">0 matches</p>");
    }

    @Test
    void diffShowsBothSidesWithEvidenceAndTheUnchangedRules() throws IOException {
        Path file = dir.resolve("diff.html");
        ReplayHtmlReport.writeDiff(ReplayFixtures.diff(), file);
        String html = Files.readString(file);

        assertThat(html).contains("<h1>Replay diff: rules 2026.03.1 → 2026.03.2</h1>")
                .contains("<h3 class=\"old\">Only the old version matches (1)</h3>")
                .contains("<h3 class=\"new\">Only the new version matches (2)</h3>")
                .contains("<blockquote>The ministers agreed to extend the embargo to refined products.</blockquote>")
                .contains("<blockquote>Farmers said fuel costs rose after the embargo.</blockquote>")
                .contains("tankers <span class=\"meta\">(added in new)</span>")
                .contains("<h2>Unchanged</h2>\n<p>cyber-infrastructure-attack, cyber-infrastructure-breach, ports</p>")
                .doesNotContain("\u001b")
                .doesNotContainIgnoringCase("<script");
        assertThat(html.indexOf("Shipping insurers react")).as("new side in publication order")
                .isLessThan(html.indexOf("Farmers fear fuel costs"));
    }

    @Test
    void unwritableFileFailsNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x").resolve("report.html");

        assertThatThrownBy(() -> ReplayHtmlReport.write(ReplayFixtures.result(false), file))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());
    }

    private static final Pattern CHART_DATA = Pattern.compile("data-chart=\"([^\"]*)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    /** The chart's data: the attribute, its HTML escapes undone, parsed as JSON. */
    private static JsonNode chartData(String html) throws IOException {
        Matcher m = CHART_DATA.matcher(html);
        assertThat(m.find()).as("a data-chart attribute").isTrue();
        String json = m.group(1).replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        return Json.mapper().readTree(json);
    }

    private static List<String> scripts(String html) {
        List<String> scripts = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            scripts.add(m.group(1));
        }
        return scripts;
    }

    private static String withoutScripts(String html) {
        return SCRIPT.matcher(html).replaceAll("<script></script>");
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static long day(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aMatchShowsDecisiveEvidenceFirstContextCollapsedAndEscapedEventSummaries() throws IOException {
        Path file = dir.resolve("report.html");
        ReplayHtmlReport.write(ReplayFixtures.resultWithEvents(), file);
        String html = Files.readString(file);

        String decisive = "<blockquote>" + ReplayFixtures.DECISIVE + "</blockquote>\n";
        String context = "<details class=\"context\"><summary>context (1 sentence)</summary>\n"
                + "<blockquote class=\"context\">North Korea&#39;s leader toured a shell factory in the spring."
                + "</blockquote>\n</details>\n";
        String events = "<ul class=\"events\"><li>" + ReplayFixtures.MUNITIONS_SUMMARY + "</li>"
                + "<li>KP → RU · weapons · possible (&lt;script&gt;alert(3)&lt;/script&gt; "
                + "=cmd|&#39; /C calc&#39;!A0)"
                + "</li></ul>\n";
        assertThat(html).contains(decisive + context + events).doesNotContain("<script>alert(3)");
    }

    @Test
    void aDiffListsTheEventsEachSideAloneYields() throws IOException {
        Path file = dir.resolve("diff.html");
        ReplayHtmlReport.writeDiff(ReplayFixtures.diffWithEvents(), file);
        String html = Files.readString(file);

        assertThat(html).contains("<dt>events lost</dt><dd>1</dd>").contains("<dt>events gained</dt><dd>2</dd>")
                .contains("<h2>Violation events gained and lost</h2>")
                .contains("<ul class=\"events old\"><li>− KP → CN · coal · Nampo · asserted</li></ul>")
                .contains("<ul class=\"events new\"><li>+ " + ReplayFixtures.MUNITIONS_SUMMARY + "</li>")
                .doesNotContain("<script>alert(3)");
    }
}
