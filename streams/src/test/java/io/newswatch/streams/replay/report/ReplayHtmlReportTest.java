package io.newswatch.streams.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The HTML report is self-contained, safe with hostile article text, and deterministic. */
class ReplayHtmlReportTest {
    private static final Set<String> FIXTURE_WEB_URLS = Set.of("https://harbour.example/oil-1",
            "https://coast.example/tankers", "http://harbour.example/refinery", "https://plains.example/talks",
            "https://mallory.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;");

    @TempDir
    Path dir;

    private String write() throws IOException {
        Path file = dir.resolve("report.html");
        ReplayHtmlReport.write(ReplayFixtures.result(false), file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void hasAnSvgChartWithOneLegendEntryPerRule() throws IOException {
        String html = write();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline");
        assertThat(count(html, "class=\"legend-entry\"")).isEqualTo(4);
        assertThat(count(html, "<polyline")).isEqualTo(4);
        for (String rule : List.of(ReplayFixtures.ATTACK, ReplayFixtures.BREACH, ReplayFixtures.OIL,
                ReplayFixtures.PORTS)) {
            assertThat(html).contains("</span>" + rule + "</li>");
        }
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(svg).as("every day from first to last match, 4 March (no match) included")
                .contains(">2026-03-02<", ">2026-03-03<", ">2026-03-04<", ">2026-03-05<")
                .doesNotContain("2026-03-01", "2026-03-06")
                .as("y ticks up to the largest daily count").contains(">0</text>", ">1</text>", ">2</text>");
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

        assertThat(html).doesNotContainIgnoringCase("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Port of Tallinn shut")
                .contains("&lt;b onmouseover=alert(2)&gt;all day&lt;/b&gt;");
        assertThat(Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("no element has an event handler attribute").isFalse();
        assertThat(html).doesNotContainIgnoringCase("href=\"javascript")
                .contains("Grid operator says &quot;minor&quot; outage, then\nrestores Zürich power "
                        + "<span class=\"source\">(javascript:alert(document.cookie))</span>");
    }

    @Test
    void loadsNothingFromOutsideAndLinksOnlyToArticles() throws IOException {
        String html = write();

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
    void rulesBeyondThePaletteAreToldApartByDashes() throws IOException {
        java.util.Map<String, String> rules = new java.util.TreeMap<>();
        List<ReplayMatch> matches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String rule = "rule-%02d".formatted(i);
            rules.put(rule, "Rule " + i);
            matches.add(ReplayFixtures.match(rule, "a" + i, "2026-03-0" + (1 + i % 3) + "T12:00:00Z", "harbour-wire",
                    "Bulletin " + i, "https://harbour.example/b" + i, "Sentence " + i + "."));
        }
        Path file = dir.resolve("twelve.html");
        ReplayHtmlReport.write(ReplayFixtures.result(matches, rules), file);
        String html = Files.readString(file);

        assertThat(count(html, "class=\"legend-entry\"")).isEqualTo(12);
        assertThat(count(html, "stroke-dasharray=")).as("rules 11 and 12 reuse colours 1 and 2, dashed").isEqualTo(2);
        assertThat(count(html, "border:2px dashed #1f77b4")).isEqualTo(1);
    }

    @Test
    void yTicksAreRoundSteps() {
        assertThat(MatchChart.tickStep(0)).isEqualTo(1);
        assertThat(MatchChart.tickStep(2)).isEqualTo(1);
        assertThat(MatchChart.tickStep(7)).isEqualTo(2);
        assertThat(MatchChart.tickStep(47)).isEqualTo(10);
        assertThat(MatchChart.tickStep(230)).isEqualTo(50);
        assertThat(MatchChart.tickStep(1_000)).isEqualTo(200);
    }

    @Test
    void replayWithoutMatchesHasNoChart() throws IOException {
        Path file = dir.resolve("empty.html");
        ReplayHtmlReport.write(ReplayFixtures.result(List.of(), ReplayFixtures.rules(false)), file);
        String html = Files.readString(file);

        assertThat(html).doesNotContain("<svg").contains("No rule matched an article in this range.")
                .contains("<p class=\"meta\">0 matches</p>");
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
